package dev.plimsoll.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DashboardTest {

  static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  static String get(String url) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
      http.setConnectTimeout(5000);
      http.setReadTimeout(10_000);
      assertThat(http.getResponseCode()).isEqualTo(200);
      assertThat(http.getContentType()).isEqualTo("text/html; charset=utf-8");
      try (InputStream in = http.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a GET that must answer 200, whatever its type. */
  static String getText(String url) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
      http.setConnectTimeout(5000);
      http.setReadTimeout(10_000);
      assertThat(http.getResponseCode()).isEqualTo(200);
      try (InputStream in = http.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Scenario scenario(String name, Duration duration, RunListener... listeners) {
    AtomicInteger calls = new AtomicInteger();
    Scenario.Builder builder = Scenario.builder(name)
        .workload(Workload.of("browse", ctx -> {
          if (calls.incrementAndGet() % 10 == 0) {
            throw new IllegalStateException("every tenth fails <b>bold</b>");
          }
        }, OpenModel.rate(200)))
        .duration(duration)
        .interval(Duration.ofMillis(250));
    for (RunListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.build();
  }

  @Test
  void servesTheChartsLiveWithAnEventEachInterval_thenTheReport_thenStops() throws Exception {
    AtomicReference<String> livePage = new AtomicReference<>();
    Dashboard dashboard = Dashboard.start(ANY_PORT);
    String url = dashboard.url();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(get(url)).contains("has not started");
    // Reads the page in the middle of the run, as a browser opened then would.
    RunListener reader = new RunListener() {
      @Override
      public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
        if (interval.index() == 2) {
          livePage.set(get(url));
        }
      }
    };
    try (EventClient events = new EventClient(url + "events")) {
      Plimsoll.run(scenario("live <i>shop</i>", Duration.ofMillis(1500), reader, dashboard));

      assertThat(events.awaitEnd(10_000)).as("the stream ends with the run").isTrue();
      List<EventClient.Event> received = events.events();
      List<EventClient.Event> intervals = received.stream().filter(e -> e.name().equals("interval")).toList();
      assertThat(intervals).hasSizeGreaterThanOrEqualTo(2);
      assertThat(intervals.get(1).data()).startsWith("{\"interval\":{\"index\":1,")
          .contains("\"throughput\":", "\"p99Ms\":", "\"errorsPerSecond\":", "\"inFlight\":",
              "\"system\":{", "\"progress\":{", "\"charts\":{\"origin\":", "\"id\":\"throughput\"")
          .doesNotContain("<", ">");
      assertThat(received.get(received.size() - 1).name()).isEqualTo("end");
    }
    assertThat(livePage.get()).contains("<title>Live: live &lt;i&gt;shop&lt;/i&gt;</title>",
        "connect-src 'self'", "\"id\":\"latency\"").doesNotContain("<i>shop");

    String finalPage = get(url);
    assertThat(finalPage).contains("id=\"operations\"").doesNotContain("connect-src");
    // The one watcher has loaded the report: the server stops without waiting out the linger.
    long deadline = System.nanoTime() + Dashboard.LINGER.toNanos() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline && reachable(url)) {
      Thread.sleep(20);
    }
    assertThatThrownBy(() -> get(url)).hasRootCauseInstanceOf(ConnectException.class);
    dashboard.close();
  }

  @Test
  void aTakenPortFailsAtStart_beforeAnyRun() {
    try (Dashboard first = Dashboard.start(ANY_PORT)) {
      assertThatThrownBy(() -> Dashboard.start(new InetSocketAddress("127.0.0.1", first.port())))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot serve the dashboard at 127.0.0.1:" + first.port() + ": ");
    }
  }

  @Test
  void closingBeforeAnyRunStopsAtOnce_evenWithAWatcher() throws Exception {
    Dashboard dashboard = Dashboard.start(ANY_PORT);
    try (EventClient events = new EventClient(dashboard.url() + "events")) {
      long start = System.nanoTime();
      dashboard.close();
      assertThat(events.awaitEnd(5000)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Dashboard.LINGER);
    }
    assertThatThrownBy(() -> get(dashboard.url())).hasRootCauseInstanceOf(ConnectException.class);
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws IOException {
    try (Dashboard dashboard = Dashboard.start(ANY_PORT)) {
      HttpURLConnection http = (HttpURLConnection) URI.create(dashboard.url() + "x").toURL().openConnection();
      assertThat(http.getResponseCode()).isEqualTo(404);
      http = (HttpURLConnection) URI.create(dashboard.url()).toURL().openConnection();
      http.setRequestMethod("DELETE");
      assertThat(http.getResponseCode()).isEqualTo(405);
    }
  }

  @Test
  void aPostWithTheTokenStopsTheRunGracefully_withoutItNothingChanges() throws Exception {
    try (Dashboard dashboard = Dashboard.start(ANY_PORT)) {
      String stop = dashboard.url() + "stop";
      assertThat(post(stop, dashboard.controlToken())).as("no run yet").isEqualTo(409);
      RunHandle run = Plimsoll.start(scenario("steered", Duration.ofSeconds(30), dashboard));
      dashboard.onStop(run::stop);

      assertThat(post(stop, null)).isEqualTo(403);
      assertThat(post(stop, dashboard.controlToken().substring(1) + "x")).isEqualTo(403);
      HttpURLConnection get = (HttpURLConnection) URI.create(stop).toURL().openConnection();
      assertThat(get.getResponseCode()).isEqualTo(405);
      assertThat(run.result()).isNotDone();

      assertThat(post(stop, dashboard.controlToken())).isEqualTo(202);
      RunResult result = run.result().get(30, TimeUnit.SECONDS);
      assertThat(result.stopReason()).isEqualTo(Dashboard.STOP_REASON);
      assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
      assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(25));
    }
  }

  static int post(String url, String token) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
    http.setRequestMethod("POST");
    if (token != null) {
      http.setRequestProperty(Dashboard.TOKEN_HEADER, token);
    }
    http.setConnectTimeout(5000);
    http.setReadTimeout(10_000);
    return http.getResponseCode();
  }

  private static boolean reachable(String url) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
      http.setConnectTimeout(500);
      http.setRequestMethod("HEAD");
      http.getResponseCode();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
