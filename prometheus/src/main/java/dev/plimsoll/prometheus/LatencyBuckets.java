package dev.plimsoll.prometheus;

import dev.plimsoll.core.metrics.LatencyDistribution;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One operation's latencies since the run started, in a Prometheus classic histogram's buckets:
 * each interval's HdrHistogram is added bucket by bucket, so the counts are exact (to its 0.1 %
 * precision at a bucket's bound) and the cost is per distinct value, not per operation. Not thread-safe: the collector thread adds, and
 * {@link #copy} hands a snapshot to the scrapes.
 */
final class LatencyBuckets {

  /**
   * Upper bounds in seconds, from half a millisecond to a minute, then +Inf: wide enough for a
   * method call and a slow HTTP request alike. A bucket holds values up to and including its bound.
   */
  static final double[] UPPER_BOUNDS_SECONDS = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
      Double.POSITIVE_INFINITY};

  private static final long[] UPPER_BOUNDS_NANOS = new long[UPPER_BOUNDS_SECONDS.length];

  static {
    for (int i = 0; i < UPPER_BOUNDS_SECONDS.length; i++) {
      UPPER_BOUNDS_NANOS[i] = Double.isInfinite(UPPER_BOUNDS_SECONDS[i]) ? Long.MAX_VALUE
          : Math.round(UPPER_BOUNDS_SECONDS[i] * 1e9);
    }
  }

  private final long[] counts;
  private long count;
  private double sumSeconds;

  LatencyBuckets() {
    this(new long[UPPER_BOUNDS_SECONDS.length], 0, 0);
  }

  private LatencyBuckets(long[] counts, long count, double sumSeconds) {
    this.counts = counts;
    this.count = count;
    this.sumSeconds = sumSeconds;
  }

  /** Adds an interval's distribution. */
  void add(LatencyDistribution latencies) {
    if (latencies == null || latencies.count() == 0) {
      return;
    }
    Histogram histogram = latencies.toHistogram();
    int bucket = 0;
    for (HistogramIterationValue value : histogram.recordedValues()) {
      // The lowest value of HdrHistogram's bucket: a value recorded as exactly 1 ms counts as at
      // most 1 ms, and no value moves by more than the histogram's 0.1 % precision.
      long nanos = histogram.lowestEquivalentValue(value.getValueIteratedTo());
      while (nanos > UPPER_BOUNDS_NANOS[bucket]) {
        bucket++;
      }
      counts[bucket] += value.getCountAtValueIteratedTo();
    }
    count += histogram.getTotalCount();
    // The mean is HdrHistogram's, from its buckets' middles: exact to its 0.1 % precision.
    sumSeconds += histogram.getMean() * histogram.getTotalCount() / 1e9;
  }

  long count() {
    return count;
  }

  double sumSeconds() {
    return sumSeconds;
  }

  LatencyBuckets copy() {
    return new LatencyBuckets(counts.clone(), count, sumSeconds);
  }

  ClassicHistogramBuckets toBuckets() {
    return ClassicHistogramBuckets.of(UPPER_BOUNDS_SECONDS, counts);
  }
}
