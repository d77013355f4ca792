package dev.plimsoll.core.criteria;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationSnapshot;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.result.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.SystemSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Builds run results with just the parts criteria read. */
final class TestRuns {
  private TestRuns() {}

  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** A distribution holding the given values, in milliseconds. */
  static LatencyDistribution latenciesMs(double... ms) {
    Histogram histogram = LatencyDistribution.newHistogram();
    for (double value : ms) {
      histogram.recordValue(Math.round(value * 1_000_000));
    }
    return LatencyDistribution.of(histogram);
  }

  /** 1, 2, ..., 100 ms: p50 = 50 ms, p95 = 95 ms, max = 100 ms (to HdrHistogram's precision). */
  static LatencyDistribution oneToHundredMs() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i + 1;
    }
    return latenciesMs(values);
  }

  static OperationStats stats(String name, long succeeded, long failed, long dropped,
      double throughputPerSecond, LatencyDistribution response, LatencyDistribution service) {
    long completed = succeeded + failed;
    double errorRate = completed == 0 ? 0 : failed / (double) completed;
    return new OperationStats(name, completed, succeeded, failed, dropped, throughputPerSecond,
        errorRate, response, service, List.of());
  }

  static OperationStats idle(String name) {
    return stats(name, 0, 0, 0, 0, LatencyDistribution.empty(), LatencyDistribution.empty());
  }

  static RunResult run(OperationStats total, List<OperationStats> operations) {
    return run(total, operations, List.of(), SystemSummary.UNKNOWN);
  }

  static RunResult run(OperationStats total, List<OperationStats> operations,
      List<IntervalSnapshot> intervals, SystemSummary system) {
    return new RunResult(RunResult.SCHEMA_VERSION, "test", RunStatus.PASSED, "completed", START,
        START.plusSeconds(60), Duration.ofSeconds(60), null, null, total, operations, intervals,
        List.of(), List.of(), system, null);
  }

  static RunResult withSystem(SystemSummary system) {
    return run(idle("total"), List.of(), List.of(), system);
  }

  /** A one-second interval whose single operation completed {@code completed} operations. */
  static IntervalSnapshot interval(int index, boolean warmUp, double expectedArrivals,
      long completed) {
    OperationSnapshot op = new OperationSnapshot("op", completed, completed, 0, 0, 0,
        LatencyDistribution.empty(), LatencyDistribution.empty(), List.of());
    return new IntervalSnapshot(index, START.plusSeconds(index), Duration.ofSeconds(1), warmUp,
        expectedArrivals, List.of(op), LatencyDistribution.empty(), SystemSample.UNKNOWN);
  }

  static SystemSummary system(double cpuAverage, double cpuPeak, long heapPeak, long rssPeak,
      long gcCount, double growthMbPerMinute) {
    return new SystemSummary(cpuAverage, cpuPeak, -1, -1, heapPeak, rssPeak, gcCount, -1, -1, -1,
        -1, growthMbPerMinute);
  }
}
