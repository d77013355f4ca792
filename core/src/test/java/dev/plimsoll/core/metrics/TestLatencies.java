package dev.plimsoll.core.metrics;

import org.HdrHistogram.Histogram;

/** Latency distributions of given values, for the metrics tests. */
final class TestLatencies {
  private static final long MS = 1_000_000;

  private TestLatencies() {}

  /** A distribution holding each of {@code values}, in nanoseconds. */
  static LatencyDistribution nanos(long... values) {
    Histogram h = LatencyDistribution.newHistogram();
    for (long v : values) {
      h.recordValue(v);
    }
    return LatencyDistribution.of(h);
  }

  /** A distribution holding each of {@code values}, in milliseconds. */
  static LatencyDistribution ms(long... values) {
    long[] nanos = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      nanos[i] = values[i] * MS;
    }
    return nanos(nanos);
  }
}
