package dev.plimsoll.core.metrics;

import org.HdrHistogram.AbstractHistogram;

/**
 * Summary statistics of one latency distribution, in milliseconds.
 *
 * <p>Percentiles are HdrHistogram's: the highest value equivalent to the bucket holding the
 * percentile, so they are exact to three significant digits and never understate.
 */
public record LatencyStats(
    long count,
    double minMs,
    double meanMs,
    double stdDevMs,
    double p50Ms,
    double p90Ms,
    double p95Ms,
    double p99Ms,
    double p999Ms,
    double p9999Ms,
    double maxMs) {

  private static final double NANOS_PER_MS = 1_000_000.0;

  public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Summarises a histogram whose values are nanoseconds. */
  public static LatencyStats of(AbstractHistogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencyStats(
        nanos.getTotalCount(),
        nanos.getMinValue() / NANOS_PER_MS,
        nanos.getMean() / NANOS_PER_MS,
        nanos.getStdDeviation() / NANOS_PER_MS,
        nanos.getValueAtPercentile(50) / NANOS_PER_MS,
        nanos.getValueAtPercentile(90) / NANOS_PER_MS,
        nanos.getValueAtPercentile(95) / NANOS_PER_MS,
        nanos.getValueAtPercentile(99) / NANOS_PER_MS,
        nanos.getValueAtPercentile(99.9) / NANOS_PER_MS,
        nanos.getValueAtPercentile(99.99) / NANOS_PER_MS,
        nanos.getMaxValue() / NANOS_PER_MS);
  }
}
