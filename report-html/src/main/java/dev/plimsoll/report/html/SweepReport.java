package dev.plimsoll.report.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained page charting a scale sweep, the same system run at growing sizes: throughput
 * and latency per size, on a log-2 axis of sizes, with a table of every point. Drawn by the run
 * report's own script and uPlot, inlined, with the same Content-Security-Policy: it opens offline.
 *
 * <pre>{@code
 * SweepReport.write(folder.resolve("sweep.html"), "Sweep: gossip", "10 s at each size, deterministic",
 *     "delivered", List.of(new SweepReport.Point(2, 1000, 0, 9.8, 14.2, 14.9), ...));
 * }</pre>
 */
public final class SweepReport {

  /**
   * One size of the sweep.
   *
   * @param size the size swept over (nodes, say), at least 1
   * @param throughputPerSecond what the size achieved per second (operations, deliveries)
   * @param errorRate the share that failed, 0-1
   * @param p50Ms the median latency, NaN when nothing was measured
   */
  public record Point(int size, double throughputPerSecond, double errorRate, double p50Ms, double p95Ms,
      double p99Ms) {}

  private SweepReport() {}

  /**
   * Writes the page of {@code points} to {@code file}.
   *
   * @param title the page's heading
   * @param description one line under it: what was swept and how
   * @param what what the throughput counts, for its labels ({@code "delivered"}, {@code "operations"})
   */
  public static void write(Path file, String title, String description, String what, List<Point> points)
      throws IOException {
    Objects.requireNonNull(points, "points");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
      render(out, title, description, what, points);
    }
  }

  static void render(Writer out, String title, String description, String what, List<Point> points)
      throws IOException {
    StringBuilder page = new StringBuilder(16 * 1024);
    Assets.appendHead(page, Assets.CONTENT_SECURITY_POLICY, title)
        .append("<header>\n<div class=\"title\"><h1>").append(Text.html(title)).append("</h1>")
        .append("<button type=\"button\" id=\"theme\" title=\"Switch between light, dark and the")
        .append(" system's theme\">Theme: auto</button></div>\n<p>").append(Text.html(description))
        .append("</p>\n</header>\n<section id=\"charts\"><h2>Charts</h2>\n")
        .append("<div class=\"controls\"><span class=\"hint\">Sizes on a log-2 axis. Click a legend entry")
        .append(" to hide or show its line.</span></div>\n");
    if (points.isEmpty()) {
      page.append("<p>No size was measured.</p>\n");
    }
    page.append("<div id=\"chart-grid\"></div>\n</section>\n");
    table(page, what, points);
    page.append("<footer>Rendered by Plimsoll. Charts by uPlot ").append(Assets.UPLOT_VERSION)
        .append(" (MIT licence).</footer>\n<script type=\"application/json\" id=\"plimsoll-data\">");
    out.write(page.toString());
    ScriptJson.write(out, 0, charts(what, points), List.of());
    out.write("</script>\n<script>");
    out.write(Assets.UPLOT_JS);
    out.write("</script>\n<script>");
    out.write(Assets.REPORT_JS);
    out.write("</script>\n</body>\n</html>\n");
  }

  static List<Chart> charts(String what, List<Point> points) {
    if (points.isEmpty()) {
      return List.of();
    }
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(java.util.Comparator.comparingInt(Point::size));
    double[] x = sorted.stream().mapToDouble(Point::size).toArray();
    Chart throughput = new Chart("sweep-throughput", "Throughput per size", "size", what + "/s", "errors %",
        x, List.of(
            new Chart.Series(what + "/s", "", 0, false, true, values(sorted, Point::throughputPerSecond)),
            new Chart.Series("errors %", "failed", -2, true, true, values(sorted, p -> 100 * p.errorRate()))));
    Chart latency = new Chart("sweep-latency", "Latency per size", "size", "ms", null, x, List.of(
        new Chart.Series("p50", "p50", 0, false, true, values(sorted, Point::p50Ms)),
        new Chart.Series("p95", "", 1, false, true, values(sorted, Point::p95Ms)),
        new Chart.Series("p99", "p99", 2, false, true, values(sorted, Point::p99Ms))));
    return List.of(throughput, latency);
  }

  private static double[] values(List<Point> points, ToDoubleFunction<Point> value) {
    return points.stream().mapToDouble(value).toArray();
  }

  private static void table(StringBuilder out, String what, List<Point> points) {
    out.append("<section id=\"points\"><h2>Sizes</h2>\n<table>\n<thead><tr><th>size</th><th>")
        .append(Text.html(what)).append("/s</th><th>errors</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Point p : points) {
      out.append("<tr><td>").append(p.size()).append("</td><td>").append(Text.html(Facts.decimal(p.throughputPerSecond())))
          .append("</td><td>").append(Text.html(Facts.percent(p.errorRate()))).append("</td><td>")
          .append(ms(p.p50Ms())).append("</td><td>").append(ms(p.p95Ms())).append("</td><td>")
          .append(ms(p.p99Ms())).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
  }
}
