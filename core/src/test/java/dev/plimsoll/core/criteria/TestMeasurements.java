package dev.plimsoll.core.criteria;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.metrics.SystemSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Builds measurements with just the parts criteria read, over a one-second measured window. */
final class TestMeasurements {
  private TestMeasurements() {}

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

  /** An operation over the one-second window: its throughput per second is its completed count. */
  static OperationStats stats(String name, long succeeded, long failed, long dropped,
      LatencyDistribution response, LatencyDistribution service) {
    long completed = succeeded + failed;
    return new OperationStats(name, completed, succeeded, failed, dropped, 0, response, service, List.of());
  }

  static OperationStats idle(String name) {
    return stats(name, 0, 0, 0, LatencyDistribution.empty(), LatencyDistribution.empty());
  }

  static Measurements measured(OperationStats total, List<OperationStats> operations) {
    return new Measurements(Duration.ofSeconds(1), operations, total, 0, LatencyDistribution.empty(),
        LatencyDistribution.empty(), LatencyDistribution.empty(), SystemSummary.UNKNOWN);
  }

  static Measurements withSystem(SystemSummary system) {
    return new Measurements(Duration.ofSeconds(1), List.of(), idle("total"), 0, LatencyDistribution.empty(),
        LatencyDistribution.empty(), LatencyDistribution.empty(), system);
  }

  /** A one-second interval whose single operation completed {@code completed} operations. */
  static IntervalSnapshot interval(int index, boolean warmUp, double expectedArrivals,
      long completed) {
    OperationStats op = new OperationStats("op", completed, completed, 0, 0, 0,
        LatencyDistribution.empty(), LatencyDistribution.empty(), List.of());
    return new IntervalSnapshot(index, START.plusSeconds(index), Duration.ofSeconds(1), warmUp,
        expectedArrivals, List.of(op), LatencyDistribution.empty(), LatencyDistribution.empty(),
        LatencyDistribution.empty(), SystemSample.UNKNOWN);
  }

  static SystemSummary system(double cpuAverage, double cpuPeak, long heapPeak, long rssPeak,
      long gcCount, double growthMbPerMinute) {
    return system(cpuAverage, cpuPeak, heapPeak, rssPeak, gcCount, new MemoryGrowth(growthMbPerMinute,
        0.5, 20, Duration.ofMinutes(2), MemoryGrowth.Basis.AFTER_ANY_COLLECTION));
  }

  static SystemSummary system(double cpuAverage, double cpuPeak, long heapPeak, long rssPeak,
      long gcCount, MemoryGrowth growth) {
    return new SystemSummary(cpuAverage, cpuPeak, -1, -1, heapPeak, rssPeak, gcCount, -1, -1, -1,
        -1, growth);
  }
}
