package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.html.testing.Browser;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The report as a reader meets it: opened from its file in headless Chromium. Screenshots go to
 * {@code target/html-report/} as build artifacts.
 */
@Timeout(180)
class BrowserTest {

  private static final Path OUT = Path.of("target", "html-report");

  private static final List<String> ALL_CHARTS = List.of("throughput", "latency", "service",
      "spectrum", "errors", "load", "knee", "cpu", "memory", "gc");

  /** Counts, per chart, what it was given and whether its canvas shows anything. */
  private static final String CHART_FACTS = """
      return window.plimsollCharts.map(function (c) {
        var u = c.plot, values = 0, shown = 0;
        for (var i = 1; i < u.data.length; i++) {
          values += u.data[i].filter(function (v) { return v != null; }).length;
          if (u.series[i].show) { shown++; }
        }
        var b = u.bbox, pixels = u.ctx.getImageData(b.left, b.top, b.width, b.height).data, inked = 0;
        for (var p = 3; p < pixels.length; p += 4) { if (pixels[p] > 0) { inked++; } }
        return { id: c.id, points: u.data[0].length, values: values, shown: shown, inked: inked };
      });
      """;

  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyChartIsDrawnWithDataAndTheConsoleStaysQuiet() throws IOException {
    Path page = write(ResultFixtures.richResult(), "rich");
    browser.open(page);

    List<Map<String, Object>> charts = browser.scriptList(CHART_FACTS);
    assertThat(charts).extracting(c -> c.get("id")).containsExactlyElementsOf(ALL_CHARTS);
    for (Map<String, Object> chart : charts) {
      assertThat((Long) chart.get("points")).as("x values of %s", chart.get("id")).isPositive();
      assertThat((Long) chart.get("values")).as("values of %s", chart.get("id")).isPositive();
      assertThat((Long) chart.get("shown")).as("lines shown in %s", chart.get("id")).isPositive();
      // Grid and axes are outside the plotting area's lines too, but an empty plot has few pixels.
      assertThat((Long) chart.get("inked")).as("inked pixels of %s", chart.get("id")).isGreaterThan(200);
    }
    assertThat(browser.script("return document.querySelectorAll('#criteria tbody tr').length"))
        .isEqualTo(3L);
    assertThat(browser.script("return document.getElementById('verdict').textContent"))
        .isEqualTo("FAILED");
    browser.screenshot(OUT.resolve("rich.png"));
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void zoomingOneChartOverTimeZoomsTheOthers() throws IOException {
    browser.open(write(ResultFixtures.richResult(), "zoom"));
    @SuppressWarnings("unchecked")
    List<Object> ranges = (List<Object>) browser.script("""
        var charts = window.plimsollCharts, first = charts[0].plot;
        var min = first.data[0][0], max = first.data[0][first.data[0].length - 1];
        first.setScale('x', { min: min + (max - min) / 4, max: max });
        return charts.filter(function (c) { return ['throughput', 'latency', 'cpu', 'gc'].indexOf(c.id) >= 0; })
            .map(function (c) { return c.plot.scales.x.min; });
        """);
    assertThat(ranges).hasSize(4).allSatisfy(min -> assertThat(min).isEqualTo(ranges.get(0)));
    // The spectrum's x is percentiles, not time: it keeps its own range.
    assertThat(browser.script("""
        var s = window.plimsollCharts.filter(function (c) { return c.id === 'spectrum'; })[0].plot;
        return s.scales.x.min <= 1.0001;
        """)).isEqualTo(true);
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void percentileSwitchesAndTheThemeButtonRedrawWithoutErrors() throws IOException {
    browser.open(write(ResultFixtures.richResult(), "switches"));
    browser.script("document.querySelector('input[data-group=p90]').click()");
    assertThat(browser.script("""
        var u = window.plimsollCharts.filter(function (c) { return c.id === 'latency'; })[0].plot;
        return u.series.filter(function (s) { return / p90$/.test(s.label) && s.show; }).length;
        """)).isEqualTo(0L);
    browser.script("document.getElementById('theme').click()");
    assertThat(browser.script("return document.documentElement.getAttribute('data-theme')"))
        .isIn("dark", "light");
    assertThat(browser.script("return window.plimsollCharts.length")).isEqualTo((long) ALL_CHARTS.size());
    // From dark, the button goes to light, then back to the system's choice.
    browser.script("document.documentElement.setAttribute('data-theme', 'dark');"
        + " document.getElementById('theme').click()");
    assertThat(browser.script("return document.documentElement.getAttribute('data-theme')"))
        .isEqualTo("light");
    browser.script("document.documentElement.setAttribute('data-theme', 'dark');"
        + " document.getElementById('theme').click(); document.getElementById('theme').click()");
    assertThat(browser.script("return document.documentElement.getAttribute('data-theme')"))
        .isNull();
    browser.script("document.documentElement.setAttribute('data-theme', 'light');"
        + " document.getElementById('theme').click(); document.getElementById('theme').click()");
    assertThat(browser.script("return document.documentElement.getAttribute('data-theme')"))
        .isEqualTo("dark");
    browser.screenshot(OUT.resolve("dark.png"));
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void hostileStringsRunNothingAndShowAsText() throws IOException {
    browser.open(write(HostileResults.result(), "hostile"));

    assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
    assertThat(browser.script("return document.querySelectorAll('img, svg *[onload], body script:not([type])').length"))
        .as("elements made from the run's strings").isEqualTo(2L);
    String text = (String) browser.script("return document.body.innerText");
    assertThat(text).contains(HostileResults.SCRIPT_NAME, "<img src=x onerror=",
        HostileResults.SCRIPT_END, "\u241b[31mred");
    assertThat((String) browser.script("return document.title")).contains(HostileResults.RUN_NAME);
    // A hand-edited result's phases and changes: listed as text, drawn on the charts as canvas text.
    String load = (String) browser.script("return document.getElementById('load-changes').textContent");
    assertThat(load).contains(HostileResults.SCRIPT_END, "<img src=x onerror=", "\u241b[31mred");
    assertThat(browser.script("return window.plimsollMarkers().length")).isEqualTo(4L);
    String legends = (String) browser.script(
        "return Array.from(document.querySelectorAll('.u-legend')).map(function (l) { return l.textContent; }).join('|')");
    assertThat(legends).contains(HostileResults.SCRIPT_NAME + " p99", "\u241b[31mred");
    browser.screenshot(OUT.resolve("hostile.png"));
    assertThat(browser.consoleProblems()).isEmpty();
  }

  private static Path write(RunResult result, String name) throws IOException {
    Path page = OUT.resolve(name).resolve(HtmlReport.FILE_NAME).toAbsolutePath();
    Files.createDirectories(page.getParent());
    try (OutputStream out = Files.newOutputStream(page)) {
      new HtmlReport().write(result, out);
    }
    return page;
  }
}
