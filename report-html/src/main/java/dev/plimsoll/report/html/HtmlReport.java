package dev.plimsoll.report.html;

import dev.plimsoll.report.shared.RunSentences;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.WorkloadDescription;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.report.Reporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run result as one self-contained HTML page, {@value #FILE_NAME}: the verdict, the criteria,
 * operations, errors and generator health as tables, then interactive charts over time (throughput,
 * response and service time percentiles, errors by class, in-flight operations against the target
 * rate, CPU, memory, GC), the latency spectrum and response time against throughput.
 *
 * <p>The page works offline: the chart library (uPlot, MIT licence) and the report's script and
 * styles are inlined, and its Content-Security-Policy lets it load nothing. Text from the run is
 * escaped in the markup and handed to the script as JSON inside a {@code <script
 * type="application/json">} element, never as markup. Long runs stay small and fast: each series
 * over time is downsampled to about {@link #MAX_POINTS} points with min/max envelopes, so a
 * one-interval spike still shows.
 *
 * <p>As a {@link Reporter}, named {@value #NAME}, it writes {@value #FILE_NAME}.
 */
public final class HtmlReport implements Reporter {

  /** The name of this report among the {@link Reporter}s. */
  public static final String NAME = "html";

  /** The file this report is written to in a run's directory. */
  public static final String FILE_NAME = "report.html";

  /** About how many points each series over time keeps, however long the run. */
  public static final int MAX_POINTS = 2_000;

  /** The instance {@link java.util.ServiceLoader} makes. */
  public HtmlReport() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> fileName() {
    return Optional.of(FILE_NAME);
  }

  @Override
  public void write(RunResult result, OutputStream out) throws IOException {
    // Not closed: the caller owns the stream; flushed so everything written reaches it.
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    render(result, writer);
    writer.flush();
  }

  /** Writes the page of {@code result} onto {@code out}, which is neither flushed nor closed. */
  public static void render(RunResult result, Writer out) throws IOException {
    render(result, out, false);
  }

  /**
   * Writes the page of {@code result}; when {@code live}, the page of a run still going, as
   * {@link LiveReport} serves it: the charts without the tables, updated by its own script from
   * the server's events.
   */
  static void render(RunResult result, Writer out, boolean live) throws IOException {
    Instant origin = origin(result);
    List<Chart> charts = charts(result, origin);

    StringBuilder head = new StringBuilder(64 * 1024);
    String title = live ? "Live: " + RunSentences.name(result) : RunSentences.status(result) + ": " + RunSentences.name(result);
    Assets.appendHead(head, live ? Assets.LIVE_CONTENT_SECURITY_POLICY : Assets.CONTENT_SECURITY_POLICY, title);
    if (live) {
      liveHeader(head, result);
    } else {
      header(head, result, title);
      Tables.criteria(head, result);
      Tables.operations(head, result);
      Tables.load(head, result);
    }
    head.append("<section id=\"charts\"><h2>Charts</h2>\n")
        .append("<div class=\"controls\" role=\"group\" aria-label=\"percentiles shown\">")
        .append("<span>Percentiles:</span>");
    for (String percentile : Timeline.PERCENTILES) {
      head.append("<label><input type=\"checkbox\" data-group=\"").append(percentile)
          .append("\" checked> ").append(percentile).append("</label>");
    }
    head.append("<span class=\"hint\">Drag across a chart to zoom every chart over time;")
        .append(" double-click to zoom out. Click a legend entry to hide or show its line.</span>")
        .append("</div>\n");
    if (charts.isEmpty() && !live) {
      head.append("<p>No intervals were recorded.</p>\n");
    }
    head.append("<div id=\"chart-grid\"></div>\n</section>\n");
    if (!live) {
      Tables.errors(head, result);
      Tables.sections(head, result);
      Tables.generator(head, result.generatorHealth());
      Tables.system(head, result.system(), result.environment());
    }
    head.append(live ? "<footer>Live view by Plimsoll, updated every interval; the full report"
            + " replaces it when the run ends." : "<footer>Rendered by Plimsoll from result.json.")
        .append(" Charts by uPlot ")
        .append(Assets.UPLOT_VERSION).append(" (MIT licence).</footer>\n")
        .append("<script type=\"application/json\" id=\"plimsoll-data\">");
    out.write(head.toString());
    writeData(result, origin, charts, out);
    out.write("</script>\n<script>");
    out.write(Assets.UPLOT_JS);
    out.write("</script>\n<script>");
    out.write(Assets.REPORT_JS);
    if (live) {
      out.write("</script>\n<script>");
      out.write(Assets.LIVE_JS);
    }
    out.write("</script>\n</body>\n</html>\n");
  }

  /** The charts' data, as the page's script reads them. */
  static ScriptJson.ChartData chartData(RunResult result) {
    Instant origin = origin(result);
    return new ScriptJson.ChartData(origin.getEpochSecond() + origin.getNano() / 1e9,
        charts(result, origin), Markers.of(result, origin));
  }

  private static void writeData(RunResult result, Instant origin, List<Chart> charts, Writer out)
      throws IOException {
    double originSeconds = origin.getEpochSecond() + origin.getNano() / 1e9;
    ScriptJson.write(out, originSeconds, charts, Markers.of(result, origin));
  }

  private static List<Chart> charts(RunResult result, Instant origin) {
    List<String> operations = operations(result);
    List<Chart> charts = new ArrayList<>(Timeline.charts(result, operations, origin, MAX_POINTS));
    // The spectrum goes beside the latencies over time, which come before the other charts.
    Spectrum.chart(result).ifPresent(spectrum -> charts.add(
        (int) charts.stream().takeWhile(c -> !c.id().equals("errors") && !c.id().equals("load"))
            .count(), spectrum));
    return charts;
  }

  /** The live page's header: the run's name, and a line its script keeps up to date. */
  private static void liveHeader(StringBuilder out, RunResult result) {
    out.append("<header>\n<div class=\"title\"><h1><span class=\"verdict running\" id=\"verdict\">")
        .append("RUNNING</span> ").append(Text.html(RunSentences.name(result))).append("</h1>")
        .append("<button type=\"button\" id=\"theme\" title=\"Switch between light, dark and the")
        .append(" system's theme\">Theme: auto</button></div>\n")
        .append("<p class=\"outcome\" id=\"live-status\">Waiting for the first interval.</p>\n")
        .append("<p class=\"controls\"><label>Control token (printed on the console): ")
        .append("<input type=\"password\" id=\"token\" autocomplete=\"off\"></label>")
        .append("<button type=\"button\" id=\"stop\">Stop the run</button>")
        .append("<span id=\"control-status\" class=\"hint\" role=\"status\"></span></p>\n");
    steeringControls(out, result);
    out.append("</header>\n");
  }

  /**
   * A field and a button per workload, to change its rate (open model) or users (closed) with the
   * control token. The workload's name goes in a data attribute, escaped: the script reads it as
   * text and posts it form-encoded.
   */
  private static void steeringControls(StringBuilder out, RunResult result) {
    if (result.config() == null || result.config().workloads().isEmpty()) {
      return;
    }
    out.append("<div class=\"controls\" id=\"steering\" role=\"group\" aria-label=\"change the load\">")
        .append("<span>Change the load:</span>");
    int i = 0;
    for (WorkloadDescription w : result.config().workloads()) {
      boolean open = "open".equals(w.model());
      String setting = open ? "rate" : "users";
      out.append("<span class=\"steer\"><label>").append(Text.html(w.name())).append(open ? " rate/s " : " users ")
          .append("<input type=\"number\" min=\"0\" step=\"").append(open ? "any" : "1")
          .append("\" id=\"steer-").append(i).append("\" size=\"8\"></label>")
          .append("<button type=\"button\" class=\"steer-button\" data-input=\"steer-").append(i)
          .append("\" data-setting=\"").append(setting).append("\" data-workload=\"").append(Text.html(w.name()))
          .append("\">Set ").append(setting).append("</button></span>");
      i++;
    }
    out.append("</div>\n");
  }

  private static void header(StringBuilder out, RunResult result, String title) {
    String status = result.status() == null ? "unknown" : result.status().name().toLowerCase(
        java.util.Locale.ROOT);
    out.append("<header>\n<div class=\"title\"><h1><span class=\"verdict ").append(status)
        .append("\" id=\"verdict\">").append(Text.html(RunSentences.status(result))).append("</span> ")
        .append(Text.html(RunSentences.name(result))).append("</h1>")
        .append("<button type=\"button\" id=\"theme\" title=\"Switch between light, dark and the")
        .append(" system's theme\">Theme: auto</button></div>\n")
        .append("<p class=\"outcome\">").append(Text.html(capitalise(RunSentences.outcome(result))))
        .append(".</p>\n<p>Started ").append(Text.html(Facts.instant(result.startTime())))
        .append(", ran ").append(Text.html(duration(Tables.wall(result))))
        .append(", measured ").append(Text.html(duration(result.measuredDuration())));
    if (result.total() != null) {
      out.append(": ").append(Text.html(Facts.decimal(
              result.total().throughputPerSecond(result.measuredDuration())))).append(" ops/s, ")
          .append(Text.html(Facts.percent(result.total().errorRate()))).append(" errors (")
          .append(Units.count(result.total().failed())).append(" of ")
          .append(Units.count(result.total().completed())).append(")");
    }
    out.append(".</p>\n");
    if (result.incomplete()) {
      out.append("<p class=\"warning\">Incomplete result: the run ended without writing it;")
          .append(" rebuilt from its journal, it covers the run up to its last complete interval.")
          .append("</p>\n");
    }
    if (result.generatorHealth() != null && result.generatorHealth().bottleneckSuspected()) {
      out.append("<p class=\"warning\">The generator may have been the bottleneck: ")
          .append(Text.html(String.join("; ", result.generatorHealth().reasons()))).append(".</p>\n");
    }
    out.append("</header>\n");
  }

  /** Where the charts' time starts: the run's start, else its first interval's. */
  private static Instant origin(RunResult result) {
    if (result.startTime() != null) {
      return result.startTime();
    }
    if (!result.intervals().isEmpty() && result.intervals().get(0).start() != null) {
      return result.intervals().get(0).start();
    }
    return Instant.EPOCH;
  }

  /** The operations charted, in the result's order; a result without them, the first interval's. */
  private static List<String> operations(RunResult result) {
    List<String> names = new ArrayList<>();
    result.operations().forEach(op -> names.add(op.name()));
    if (names.isEmpty() && !result.intervals().isEmpty()) {
      result.intervals().get(0).operations().forEach(op -> names.add(op.name()));
    }
    return names.stream().distinct().toList();
  }

  private static String duration(Duration duration) {
    // To the millisecond: a reader has no use for the nanoseconds a result keeps.
    return duration == null ? Units.NOT_AVAILABLE
        : Units.formatDuration(Duration.ofMillis(Math.round(duration.toNanos() / 1e6)));
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
