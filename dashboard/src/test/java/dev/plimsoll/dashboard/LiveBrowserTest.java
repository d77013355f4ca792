package dev.plimsoll.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.html.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard as a watcher meets it: opened in headless Chromium during a run, whose name and
 * errors are hostile markup. Screenshots go to {@code target/dashboard/} as build artifacts.
 */
@Timeout(180)
class LiveBrowserTest {

  private static final Path OUT = Path.of("target", "dashboard");

  /** Each payload sets window.pwned if it ever runs. */
  private static final String HOSTILE_NAME = "<img src=x onerror=\"window.pwned=1\"></title><script>window.pwned=2</script>";

  private static final String THROUGHPUT = """
      var c = (window.plimsollCharts || []).filter(function (c) { return c.id === 'throughput'; })[0];
      if (!c) { return null; }
      var u = c.plot, values = 0;
      for (var i = 1; i < u.data.length; i++) {
        values += u.data[i].filter(function (v) { return v != null; }).length;
      }
      var b = u.bbox, pixels = u.ctx.getImageData(b.left, b.top, b.width, b.height).data, inked = 0;
      for (var p = 3; p < pixels.length; p += 4) { if (pixels[p] > 0) { inked++; } }
      return { points: u.data[0].length, values: values, inked: inked };
      """;

  @Test
  void theLivePageDrawsTheChartsAsIntervalsComeThenBecomesTheReport() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RunListener firstInterval = new RunListener() {
      @Override
      public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
        started.countDown();
      }
    };
    try (Browser browser = new Browser(); Dashboard dashboard = Dashboard.start(DashboardTest.ANY_PORT)) {
      CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> Plimsoll.run(
          DashboardTest.scenario(HOSTILE_NAME, Duration.ofSeconds(5), firstInterval, dashboard)));
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

      browser.open(dashboard.url());
      assertThat(browser.script("return document.title")).asString().startsWith("Live: ");
      int eventsAtOpen = events(browser);
      waitFor(browser, "two more events", () -> events(browser) >= eventsAtOpen + 2);
      @SuppressWarnings("unchecked")
      Map<String, Object> throughput = (Map<String, Object>) browser.script(THROUGHPUT);
      assertThat(throughput).as("the throughput chart").isNotNull();
      assertThat(((Number) throughput.get("values")).longValue()).isPositive();
      assertThat(((Number) throughput.get("inked")).longValue()).isPositive();
      assertThat(browser.script("return document.getElementById('live-status').textContent"))
          .asString().contains("ops/s", "p99");
      browser.screenshot(OUT.resolve("live.png"));

      run.get(60, TimeUnit.SECONDS);
      // On the end event the page loads again, and the server, which waits for it, serves the report.
      waitFor(browser, "the final report", () -> !String.valueOf(browser.script("return document.title"))
          .startsWith("Live: ") && browser.script("return document.getElementById('operations')") != null);
      browser.screenshot(OUT.resolve("final.png"));

      assertThat(browser.script("return window.pwned")).isNull();
      assertThat(browser.script("return document.querySelector('h1').textContent")).asString()
          .contains(HOSTILE_NAME);
      List<String> problems = browser.consoleProblems();
      assertThat(problems).as("console warnings and errors").isEmpty();
    }
  }

  @Test
  void theStopButtonWithTheTokenStopsTheRun_andTheReportSaysSo() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RunListener firstInterval = new RunListener() {
      @Override
      public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
        started.countDown();
      }
    };
    try (Browser browser = new Browser(); Dashboard dashboard = Dashboard.start(DashboardTest.ANY_PORT)) {
      RunHandle run = Plimsoll.start(DashboardTest.scenario("steered", Duration.ofSeconds(60), firstInterval, dashboard));
      dashboard.onStop(run::stop);
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      browser.open(dashboard.url());

      browser.script("document.getElementById('token').value = 'wrong'; document.getElementById('stop').click();");
      waitFor(browser, "the refusal", () -> String.valueOf(
          browser.script("return document.getElementById('control-status').textContent")).contains("wrong"));
      assertThat(run.result()).isNotDone();
      browser.script("document.getElementById('token').value = arguments[0]; document.getElementById('stop').click();",
          dashboard.controlToken());

      RunResult result = run.result().get(60, TimeUnit.SECONDS);
      assertThat(result.stopReason()).isEqualTo(Dashboard.STOP_REASON);
      waitFor(browser, "the final report", () -> browser.script("return document.getElementById('operations')") != null);
      assertThat(browser.script("return document.getElementById('verdict').textContent")).isEqualTo("ABORTED");
      browser.screenshot(OUT.resolve("stopped.png"));
      // The refusal (403) is the one problem the console may show.
      assertThat(browser.consoleProblems()).allMatch(line -> line.contains("403"));
    }
  }

  /**
   * The rate field and button, then the stop button, driven as a person would with the token: a
   * value the server refuses changes nothing and says why; an accepted one is marked on the live
   * charts; the final result and report record the change and the stop. The run's name is hostile
   * markup, shown as text throughout.
   */
  @Test
  void theRateChangeAndStopButtonsSteerTheRun_andTheResultRecordsBoth() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RunListener firstInterval = new RunListener() {
      @Override
      public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
        started.countDown();
      }
    };
    try (Browser browser = new Browser(); Dashboard dashboard = Dashboard.start(DashboardTest.ANY_PORT)) {
      RunHandle run = Plimsoll.start(DashboardTest.scenario(HOSTILE_NAME, Duration.ofSeconds(60), firstInterval, dashboard));
      dashboard.onStop(run::stop);
      dashboard.onSteer(run.steering());
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      browser.open(dashboard.url());
      browser.script("document.getElementById('token').value = arguments[0];", dashboard.controlToken());

      browser.script("document.getElementById('steer-0').value = '1e3';"
          + " document.querySelector('button.steer-button').click();");
      waitFor(browser, "the refusal", () -> controlStatus(browser).startsWith("Nothing changed: the rate must be"));
      assertThat(run.steering().knobs().get(0).value()).isEqualTo(200);

      browser.script("document.getElementById('steer-0').value = '50';"
          + " document.querySelector('button.steer-button').click();");
      waitFor(browser, "the change", () -> controlStatus(browser).equals("Changed browse: rate 200/s → 50/s (dashboard)\n"));
      waitFor(browser, "the change marked on the live charts", () -> markerKinds(browser).contains("change"));
      waitFor(browser, "the field showing the new rate", () -> "now 50".equals(
          browser.script("return document.getElementById('steer-0').placeholder")));
      browser.screenshot(OUT.resolve("steered-live.png"));

      browser.script("document.getElementById('stop').click();");
      RunResult result = run.result().get(60, TimeUnit.SECONDS);
      assertThat(result.stopReason()).isEqualTo(Dashboard.STOP_REASON);
      assertThat(result.profileChanges()).singleElement().satisfies(c -> {
        assertThat(c.workload()).isEqualTo("browse");
        assertThat(c.from()).isEqualTo(200);
        assertThat(c.to()).isEqualTo(50);
        assertThat(c.by()).isEqualTo(Dashboard.BY);
      });
      assertThat(result.phases()).extracting(p -> p.kind()).contains(Phase.Kind.ABORT);
      assertThat(result.phases().get(result.phases().size() - 1).description()).isEqualTo(Dashboard.STOP_REASON);

      waitFor(browser, "the final report", () -> browser.script("return document.getElementById('operations')") != null);
      assertThat(browser.script("return document.getElementById('load-changes').textContent")).asString()
          .contains("rate 200/s → 50/s", "dashboard");
      assertThat(markerKinds(browser)).contains("change", "abort", "phase");
      assertThat(browser.script("return document.getElementById('verdict').textContent")).isEqualTo("ABORTED");
      assertThat(browser.script("return document.querySelector('h1').textContent")).asString().contains(HOSTILE_NAME);
      assertThat(browser.script("return window.pwned")).isNull();
      browser.screenshot(OUT.resolve("steered-final.png"));
      // The refused value's 400 is the one problem the console may show.
      assertThat(browser.consoleProblems()).allMatch(line -> line.contains("400"));
    }
  }

  private static String controlStatus(Browser browser) {
    return String.valueOf(browser.script("return document.getElementById('control-status').textContent"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> markerKinds(Browser browser) {
    Object kinds = browser.script("return window.plimsollMarkers ? window.plimsollMarkers().map(function (m) {"
        + " return m.kind; }) : [];");
    return kinds == null ? List.of() : ((List<Object>) kinds).stream().map(String::valueOf).toList();
  }

  private static int events(Browser browser) {
    Object count = browser.script("return document.body.getAttribute('data-events')");
    return count == null ? 0 : Integer.parseInt(count.toString());
  }

  private static void waitFor(Browser browser, String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen within 30 s: " + what + "; console: " + browser.consoleEntries());
      }
      Thread.sleep(50);
    }
  }
}
