package dev.plimsoll.report.html;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The report's tables as HTML: criteria, operations, errors, generator health, system and
 * environment. Every cell goes through {@link Text#html}, so text from the run is only ever text.
 */
final class Tables {

  /** How many error classes the errors table lists before summing up the rest. */
  static final int TOP_ERRORS = 10;

  private static final int MESSAGE_WIDTH = 300;

  private Tables() {}

  static void criteria(StringBuilder out, RunResult result) {
    out.append("<section id=\"criteria\"><h2>Criteria</h2>\n");
    if (result.verdicts().isEmpty()) {
      out.append("<p>No criteria were set.</p></section>\n");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (Verdict verdict : result.verdicts()) {
      String word = !verdict.judged() ? "NOT JUDGED" : verdict.passed() ? "PASS" : "FAIL";
      classes.add(!verdict.judged() ? "notjudged" : verdict.passed() ? "pass" : "fail");
      rows.add(List.of(Facts.criterion(verdict), Facts.threshold(verdict), Facts.measured(verdict),
          word));
    }
    table(out, List.of("criterion", "threshold", "measured", "verdict"), rows, classes);
    out.append("</section>\n");
  }

  /** What the capability that ran the run added (a simulation's topology, a fleet's workers), each in its own table. */
  static void sections(StringBuilder out, RunResult result) {
    for (var section : result.sections()) {
      out.append("<section id=\"section-").append(section.key()).append("\"><h2>")
          .append(Text.html(section.title())).append("</h2>\n");
      List<List<String>> rows = section.facts().stream().map(f -> List.of(f.name(), f.value())).toList();
      table(out, List.of("fact", "value"), rows, null);
      out.append("</section>\n");
    }
  }

  /** The changes made to the load while the run went, if any, and the run's phases. */
  static void load(StringBuilder out, RunResult result) {
    if (result.profileChanges().isEmpty() && result.phases().isEmpty()) {
      return;
    }
    out.append("<section id=\"load-changes\"><h2>Load</h2>\n");
    if (result.profileChanges().isEmpty()) {
      out.append("<p>The load followed its profile: nobody changed it while the run went.</p>\n");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (ProfileChange c : result.profileChanges()) {
        rows.add(List.of(Units.formatDuration(Duration.ofMillis(c.at().toMillis())), c.workload(),
            c.change(), c.by()));
      }
      table(out, List.of("at", "workload", "change", "by"), rows, null);
    }
    List<List<String>> phases = new ArrayList<>();
    for (Phase p : result.phases()) {
      phases.add(List.of(Units.formatDuration(Duration.ofMillis(p.start().toMillis())),
          p.instant() ? "" : Units.formatDuration(Duration.ofMillis(p.end().toMillis())),
          p.workload() == null ? "run" : p.workload(), p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          p.description()));
    }
    if (!phases.isEmpty()) {
      out.append("<details><summary>Phases as planned</summary>\n");
      table(out, List.of("from", "to", "workload", "phase", "what"), phases, null);
      out.append("</details>\n");
    }
    out.append("</section>\n");
  }

  static void operations(StringBuilder out, RunResult result) {
    out.append("<section id=\"operations\"><h2>Operations</h2>\n");
    List<OperationStats> ops = new ArrayList<>(result.operations());
    if (result.total() != null && ops.size() != 1) {
      ops.add(result.total());
    }
    if (ops.isEmpty()) {
      out.append("<p>No operations were recorded.</p></section>\n");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (OperationStats op : ops) {
      LatencyStats response = stats(op.responseTime());
      rows.add(List.of(op.name(), Units.count(op.started()), Units.count(op.succeeded()),
          Units.count(op.failed()), Units.count(op.dropped()),
          Facts.decimal(op.throughputPerSecond(result.measuredDuration())),
          Facts.percent(op.errorRate()), Facts.decimal(response.p50Ms()),
          Facts.decimal(response.p90Ms()), Facts.decimal(response.p95Ms()),
          Facts.decimal(response.p99Ms()), Facts.decimal(response.p999Ms()),
          Facts.decimal(response.maxMs()), Facts.decimal(stats(op.serviceTime()).p99Ms())));
    }
    table(out, List.of("operation", "started", "ok", "failed", "dropped", "rate/s", "errors",
        "p50", "p90", "p95", "p99", "p99.9", "max", "svc p99"), rows, null);
    out.append("<p class=\"note\">Latencies in ms over the measured window. p50 to max are")
        .append(" response time, from the intended start (queueing counts); svc p99 is service")
        .append(" time, from the actual start.</p></section>\n");
  }

  static void errors(StringBuilder out, RunResult result) {
    out.append("<section id=\"failures\"><h2>Errors</h2>\n");
    List<ErrorClass> errors = result.errors().stream()
        .sorted(Comparator.comparingLong(ErrorClass::count).reversed()).toList();
    if (errors.isEmpty()) {
      out.append("<p>No operation failed.</p></section>\n");
      return;
    }
    List<ErrorClass> shown = errors.subList(0, Math.min(TOP_ERRORS, errors.size()));
    List<List<String>> rows = new ArrayList<>();
    for (ErrorClass error : shown) {
      String sample = error.samples().isEmpty() ? error.message() : error.samples().get(0).message();
      rows.add(List.of(error.operation(), error.type(), Units.count(error.count()),
          Facts.instant(error.first()), Facts.instant(error.last()), truncate(sample)));
    }
    table(out, List.of("operation", "type", "count", "first", "last", "sample message"), rows, null);
    if (errors.size() > shown.size()) {
      long rest = errors.subList(shown.size(), errors.size()).stream()
          .mapToLong(ErrorClass::count).sum();
      out.append("<p>And ").append(errors.size() - shown.size()).append(" more classes with ")
          .append(Units.count(rest)).append(" errors.</p>\n");
    }
    out.append("</section>\n");
  }

  static void generator(StringBuilder out, GeneratorHealth health) {
    out.append("<section id=\"generator\"><h2>Generator health</h2>\n");
    if (health == null) {
      out.append("<p>Not recorded.</p></section>\n");
      return;
    }
    out.append("<p>").append(health.bottleneckSuspected()
        ? "The load generator may have limited this run: the latencies may describe Plimsoll"
            + " rather than the system under test."
        : "The load generator kept its schedule; the latencies describe the system under test.")
        .append("</p>\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("bottleneck", health.bottleneckSuspected()
        ? "suspected: " + String.join("; ", health.reasons()) : "not suspected"));
    rows.add(List.of("scheduling lag p99", p99(health.schedulingLag())
        + " (limit " + Facts.decimal(GeneratorHealth.LAG_P99_LIMIT_MS) + " ms)"));
    rows.add(List.of("to the wire p99", p99(health.toWire())));
    rows.add(List.of("after the answer p99", p99(health.afterAnswer())));
    rows.add(List.of("dropped arrivals", Units.count(health.droppedArrivals())));
    rows.add(List.of("process CPU peak", Facts.percent(health.processCpuPeak())));
    table(out, List.of("measure", "value"), rows, null);
    out.append("</section>\n");
  }

  static void system(StringBuilder out, SystemSummary system, EnvironmentInfo env) {
    out.append("<section id=\"system\"><h2>System and environment</h2>\n");
    List<List<String>> rows = new ArrayList<>();
    if (system != null) {
      rows.add(List.of("CPU, process", Facts.percent(system.processCpuAverage()) + " avg, "
          + Facts.percent(system.processCpuPeak()) + " peak"));
      rows.add(List.of("CPU, machine", Facts.percent(system.machineCpuAverage()) + " avg, "
          + Facts.percent(system.machineCpuPeak()) + " peak"));
      rows.add(List.of("heap peak", Facts.bytes(system.heapUsedPeakBytes())));
      rows.add(List.of("RSS peak", Facts.bytes(system.rssPeakBytes())));
      rows.add(List.of("GC", system.gcCount() < 0 ? Units.NOT_AVAILABLE
          : Units.count(system.gcCount()) + " collections, "
              + Facts.decimal(system.gcPauseMs()) + " ms paused"));
    }
    if (env != null) {
      rows.add(List.of("Plimsoll", String.valueOf(env.plimsollVersion())));
      rows.add(List.of("Java", env.javaVersion() + " (" + env.javaVendor() + ", " + env.jvmName() + ")"));
      rows.add(List.of("OS", env.osName() + " " + env.osVersion() + " (" + env.osArch() + ")"));
      rows.add(List.of("processors", String.valueOf(env.availableProcessors())));
      rows.add(List.of("max heap", Facts.bytes(env.maxHeapBytes())));
      rows.add(List.of("host", String.valueOf(env.hostName())));
    }
    if (rows.isEmpty()) {
      out.append("<p>Not recorded.</p></section>\n");
      return;
    }
    table(out, List.of("property", "value"), rows, null);
    out.append("</section>\n");
  }

  /** A table; {@code rowClasses}, when given, sets each row's class (its verdict colour). */
  static void table(StringBuilder out, List<String> headers, List<List<String>> rows,
      List<String> rowClasses) {
    out.append("<div class=\"scroll\"><table>\n<thead><tr>");
    for (String header : headers) {
      out.append("<th>").append(Text.html(header)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < rows.size(); r++) {
      out.append(rowClasses == null ? "<tr>" : "<tr class=\"" + rowClasses.get(r) + "\">");
      for (String cell : rows.get(r)) {
        out.append("<td>").append(Text.html(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n");
  }

  private static LatencyStats stats(LatencyDistribution distribution) {
    return distribution == null ? LatencyStats.EMPTY : distribution.stats();
  }

  private static String p99(LatencyDistribution distribution) {
    if (distribution == null || distribution.count() == 0) {
      return "not reported";
    }
    return Facts.decimal(distribution.stats().p99Ms()) + " ms (max "
        + Facts.decimal(distribution.stats().maxMs()) + " ms)";
  }

  private static String truncate(String text) {
    String line = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    return line.length() <= MESSAGE_WIDTH ? line : line.substring(0, MESSAGE_WIDTH - 1) + "…";
  }

  /** Wall-clock length, or null when either end is unknown. */
  static Duration wall(RunResult result) {
    return result.startTime() == null || result.endTime() == null ? null
        : Duration.between(result.startTime(), result.endTime());
  }
}
