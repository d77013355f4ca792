package dev.plimsoll.report;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.MemoryGrowthText;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sentences and selections every human-readable report shares, so console and Markdown agree
 * on what a run's verdict, warning and top errors are; only their markup differs.
 */
final class RunFacts {

  /** How many error classes a report lists before summarising the rest. */
  static final int TOP_ERRORS = 10;

  /** Column headers of the per-operation table; latencies are in ms. */
  static final List<String> OPERATION_HEADERS = List.of(
      "operation", "started", "count", "ok", "failed", "dropped", "rate/s", "error %",
      "p50", "p90", "p95", "p99", "p99.9", "max", "svc p99");

  /** Says what the latency columns of the operation table are, under the table. */
  static final String LATENCY_NOTE =
      "latencies in ms: p50 to max are response time (from the intended start, so queueing"
          + " counts); svc p99 is service time (from the actual start)";

  private RunFacts() {}

  /**
   * What became of the measured window's operations, in one line for the top of a report:
   * {@code 80 started: 0 succeeded, 80 failed (100% errors, 80 unfinished at stop); 0 arrivals dropped}.
   */
  static Optional<String> counts(RunResult result) {
    OperationStats total = result.total();
    if (total == null) {
      return Optional.empty();
    }
    StringBuilder line = new StringBuilder()
        .append(Units.count(total.started())).append(" started: ")
        .append(Units.count(total.succeeded())).append(" succeeded, ")
        .append(Units.count(total.failed())).append(" failed (")
        .append(Formats.percent(total.errorRate())).append(" errors");
    long unfinished = unfinishedAtStop(result);
    if (unfinished > 0) {
      line.append(", ").append(Units.count(unfinished)).append(" unfinished at stop");
    }
    line.append(")");
    if (total.inFlight() > 0) {
      line.append(", ").append(Units.count(total.inFlight())).append(" in flight at the end");
    }
    line.append("; ").append(Units.count(total.dropped()))
        .append(total.dropped() == 1 ? " arrival dropped" : " arrivals dropped");
    return Optional.of(line.toString());
  }

  /** A result section's facts, as name and value. */
  static List<Map.Entry<String, String>> sectionFacts(dev.plimsoll.core.result.ResultSection section) {
    return section.facts().stream().map(f -> Map.entry(f.name(), f.value())).toList();
  }

  /** Each change made to the load while the run went, keyed by when: {@code "at 1.72 s"}. */
  static List<Map.Entry<String, String>> loadChanges(RunResult result) {
    return result.profileChanges().stream()
        .map(c -> Map.entry("at " + Formats.duration(c.at()), c.describe()))
        .toList();
  }

  /** Operations Plimsoll failed because they were still running when the graceful stop ended. */
  static long unfinishedAtStop(RunResult result) {
    return result.errors().stream().filter(e -> ErrorClass.UNFINISHED_AT_STOP.equals(e.type()))
        .mapToLong(ErrorClass::count).sum();
  }

  /**
   * The warning on a result rebuilt from a run's journal after a crash, present only on such a
   * result: its numbers stop at the last complete interval.
   */
  static Optional<String> incompleteWarning(RunResult result) {
    if (!result.incomplete()) {
      return Optional.empty();
    }
    return Optional.of("incomplete result: the run ended without writing it (killed, or the machine"
        + " stopped); rebuilt from its journal, it covers the run up to its last complete interval"
        + " and nothing after");
  }

  /** The generator warning, present only when the run flagged the generator as a bottleneck. */
  static Optional<String> bottleneckWarning(RunResult result) {
    GeneratorHealth health = result.generatorHealth();
    if (health == null || !health.bottleneckSuspected()) {
      return Optional.empty();
    }
    String reasons = health.reasons().isEmpty() ? "no reason recorded"
        : String.join("; ", health.reasons());
    return Optional.of("generator may have been the bottleneck: " + reasons);
  }

  /** Wall-clock length of the run, warm-up included; null when either end is unknown. */
  static Duration wallDuration(RunResult result) {
    if (result.startTime() == null || result.endTime() == null) {
      return null;
    }
    return Duration.between(result.startTime(), result.endTime());
  }

  /** The measured value in the metric's unit, or the verdict's note when nothing was measured. */
  static String measured(Verdict verdict) {
    if (Double.isNaN(verdict.measured())) {
      return verdict.detail() == null ? Formats.NOT_AVAILABLE : verdict.detail();
    }
    Criterion criterion = verdict.criterion();
    String unit = criterion == null || criterion.metric() == null ? "" : criterion.metric().unit();
    return Formats.withUnit(verdict.measured(), unit);
  }

  static String criterionText(Verdict verdict) {
    Criterion criterion = verdict.criterion();
    if (criterion == null) {
      return Formats.NOT_AVAILABLE;
    }
    if (criterion.source() != null) {
      return criterion.source();
    }
    return criterion.metric() == null ? Formats.NOT_AVAILABLE : criterion.metric().token();
  }

  /** Error classes, largest first; the model already orders them, but reports must not rely on it. */
  static List<ErrorClass> errorsByCount(RunResult result) {
    return result.errors().stream()
        .sorted(Comparator.comparingLong(ErrorClass::count).reversed())
        .toList();
  }

  /** The first recorded occurrence's message, which shows the variable parts the class hides. */
  static String sampleMessage(ErrorClass error) {
    return error.samples().isEmpty() ? error.message() : error.samples().get(0).message();
  }

  /** One row of the operation table, in {@link #OPERATION_HEADERS} order. */
  static List<String> operationCells(OperationStats op, RunResult result) {
    LatencyStats response = op.responseTime().stats();
    return List.of(
        op.name(),
        Units.count(op.started()),
        Units.count(op.completed()),
        Units.count(op.succeeded()),
        Units.count(op.failed()),
        Units.count(op.dropped()),
        Units.decimal(op.throughputPerSecond(result.measuredDuration())),
        Formats.percent(op.errorRate()),
        Formats.ms(response.p50Ms()),
        Formats.ms(response.p90Ms()),
        Formats.ms(response.p95Ms()),
        Formats.ms(response.p99Ms()),
        Formats.ms(response.p999Ms()),
        Formats.ms(response.maxMs()),
        Formats.ms(op.serviceTime().stats().p99Ms()));
  }

  /** All operations' completions per second of the measured time: {@code 2,473 ops/s}. */
  static String throughput(RunResult result) {
    return Units.decimal(result.total().throughputPerSecond(result.measuredDuration())) + " ops/s";
  }

  /** How many of the completed operations failed: {@code 1,241 of 144,697}. */
  static String failedOfCompleted(OperationStats stats) {
    return Units.count(stats.failed()) + " of " + Units.count(stats.completed());
  }

  /** The operations, then their total when there is more than one, so the total is not noise. */
  static List<OperationStats> operationRows(RunResult result) {
    List<OperationStats> rows = new ArrayList<>(result.operations());
    if (result.total() != null && (rows.size() != 1)) {
      rows.add(result.total());
    }
    return rows;
  }

  /** The process and machine, as label/value pairs, skipping nothing so absences show as n/a. */
  static List<Map.Entry<String, String>> systemFacts(SystemSummary system) {
    return List.of(
        Map.entry("CPU, process", Formats.percent(system.processCpuAverage()) + " avg, "
            + Formats.percent(system.processCpuPeak()) + " peak"),
        Map.entry("CPU, machine", Formats.percent(system.machineCpuAverage()) + " avg, "
            + Formats.percent(system.machineCpuPeak()) + " peak"),
        Map.entry("heap peak", Formats.bytes(system.heapUsedPeakBytes())),
        Map.entry("RSS peak", Formats.bytes(system.rssPeakBytes())),
        Map.entry("GC", system.gcCount() < 0 ? Formats.NOT_AVAILABLE
            : Units.count(system.gcCount()) + " collections, "
                + Formats.msWithUnit(system.gcPauseMs()) + " paused"),
        Map.entry("memory growth", MemoryGrowthText.describe(system.memoryGrowth())),
        Map.entry("threads peak", system.threadPeak() < 0 ? Formats.NOT_AVAILABLE
            : Units.count(system.threadPeak())),
        // Linux counts network bytes per network namespace, never per process: say whose they are.
        Map.entry("network, machine", Formats.bytes(system.networkReceivedBytes()) + " received, "
            + Formats.bytes(system.networkSentBytes()) + " sent (all processes)"));
  }

  /** The generator's view of itself, as label/value pairs. */
  static List<Map.Entry<String, String>> generatorFacts(GeneratorHealth health) {
    String limit = "limit " + Formats.msWithUnit(GeneratorHealth.LAG_P99_LIMIT_MS);
    String lag = health.schedulingLag() == null ? Formats.NOT_AVAILABLE
        : Formats.msWithUnit(health.schedulingLag().stats().p99Ms()) + " (" + limit + ")";
    return List.of(
        Map.entry("bottleneck", health.bottleneckSuspected() ? "suspected" : "not suspected"),
        Map.entry("scheduling lag p99", lag),
        // A slow system makes requests wait for a connection too, so this one is never judged.
        Map.entry("to the wire p99", clientCost(health.toWire(), "includes waiting for a free connection")),
        Map.entry("after the answer p99", clientCost(health.afterAnswer(), limit)),
        Map.entry("dropped arrivals", droppedArrivals(health)),
        Map.entry("process CPU peak", Formats.percent(health.processCpuPeak())));
  }

  /**
   * Dropped arrivals, and whose they were: with the generator keeping its schedule, the in-flight
   * bound was reached because operations waited on the system under test.
   */
  private static String droppedArrivals(GeneratorHealth health) {
    String count = Units.count(health.droppedArrivals());
    if (health.droppedArrivals() == 0) {
      return count;
    }
    return count + (health.bottleneckSuspected() ? " (at the in-flight bound)"
        : " (at the in-flight bound, while operations waited on the system under test:"
            + " the system's limit, not the generator's)");
  }

  /** One of the client's own costs per operation: p99 and max, or that no operation reported it. */
  private static String clientCost(LatencyDistribution cost, String note) {
    if (cost == null || cost.count() == 0) {
      return "not reported";
    }
    LatencyStats stats = cost.stats();
    return Formats.msWithUnit(stats.p99Ms()) + " (max " + Formats.msWithUnit(stats.maxMs()) + "; " + note + ")";
  }

  static long totalErrorCount(List<ErrorClass> errors) {
    return errors.stream().mapToLong(ErrorClass::count).sum();
  }
}
