package dev.plimsoll.junit;

import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.units.Units;
import java.time.Duration;

/** {@link OperationNumbers} read from a result's {@link OperationStats} over its measured window. */
record MeasuredOperation(OperationStats stats, Duration window) implements OperationNumbers {

  @Override
  public String name() {
    return stats.name();
  }

  @Override
  public double opsPerSecond() {
    return stats.throughputPerSecond(window);
  }

  @Override
  public long completed() {
    return stats.completed();
  }

  @Override
  public long failed() {
    return stats.failed();
  }

  @Override
  public double errorRate() {
    return stats.errorRate();
  }

  @Override
  public Duration meanLatency() {
    return millis(stats.responseTime().stats().meanMs());
  }

  @Override
  public Duration p(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be between 0 and 100, was " + percentile);
    }
    return millis(stats.responseTime().percentileMs(percentile));
  }

  @Override
  public Duration maxLatency() {
    return millis(stats.responseTime().stats().maxMs());
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos(Math.round(ms * 1_000_000));
  }

  @Override
  public String toString() {
    return name() + ": " + numbers();
  }

  /** {@code 10,412 ops/s, mean 0.95 ms, p99 2.1 ms, errors 0%}. */
  String numbers() {
    return Units.decimal(opsPerSecond()) + " ops/s, mean "
        + Units.decimal(stats.responseTime().stats().meanMs()) + " ms, p99 "
        + Units.decimal(stats.responseTime().percentileMs(99)) + " ms, errors "
        + Units.percent(errorRate());
  }
}
