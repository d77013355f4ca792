package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.report.html.testing.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A scale sweep's page: its data, its table, and its two charts as headless Chromium draws them. */
class SweepReportTest {

  private static final List<SweepReport.Point> POINTS = List.of(
      new SweepReport.Point(2, 1000, 0, 9.5, 14.25, 14.9),
      new SweepReport.Point(4, 998, 0.002, 10.1, 15.5, 16.0),
      new SweepReport.Point(8, 990.5, 0.01, 11.0, 17.75, 19.0));

  @TempDir Path dir;

  @Test
  void thePageCarriesEveryPointInItsChartsAndTable() throws IOException {
    Path page = dir.resolve("sweep.html");
    SweepReport.write(page, "Sweep: <gossip>", "10 s at each size", "delivered", POINTS);
    String html = Files.readString(page);
    assertThat(html).contains("<title>Sweep: &lt;gossip&gt;</title>", "\"id\":\"sweep-throughput\"",
        "\"id\":\"sweep-latency\"", "\"kind\":\"size\"", "\"x\":[2,4,8]", "990.5", "17.75",
        "<td>8</td>", "Content-Security-Policy");
    assertThat(html).doesNotContain("<gossip>");
  }

  @Test
  @Timeout(180)
  void chromiumDrawsBothChartsWithEveryPointAndNoConsoleProblem() throws IOException {
    Path page = dir.resolve("sweep.html");
    SweepReport.write(page, "Sweep", "10 s at each size", "delivered", POINTS);
    try (Browser browser = new Browser()) {
      browser.open(page);
      List<Map<String, Object>> charts = browser.scriptList("""
          return window.plimsollCharts.map(function (c) {
            var u = c.plot, values = 0;
            for (var i = 1; i < u.data.length; i++) {
              values += u.data[i].filter(function (v) { return v != null; }).length;
            }
            var b = u.bbox, pixels = u.ctx.getImageData(b.left, b.top, b.width, b.height).data, inked = 0;
            for (var p = 3; p < pixels.length; p += 4) { if (pixels[p] > 0) { inked++; } }
            return { id: c.id, points: u.data[0].length, values: values, inked: inked, log: u.scales.x.log };
          });
          """);
      assertThat(charts).extracting(c -> c.get("id")).containsExactly("sweep-throughput", "sweep-latency");
      assertThat(charts).extracting(c -> c.get("points")).containsOnly(3L);
      assertThat(charts).extracting(c -> c.get("values")).containsExactly(6L, 9L);
      assertThat(charts).extracting(c -> c.get("log")).containsOnly(2L);
      for (Map<String, Object> chart : charts) {
        assertThat((Long) chart.get("inked")).as("inked pixels of %s", chart.get("id")).isGreaterThan(200);
      }
      assertThat(browser.script("return document.querySelectorAll('#points tbody tr').length")).isEqualTo(3L);
      browser.screenshot(Path.of("target", "html-report", "sweep.png"));
      assertThat(browser.consoleProblems()).isEmpty();
    }
  }
}
