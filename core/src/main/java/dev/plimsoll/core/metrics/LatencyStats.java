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

  /** The percentiles a summary holds, ascending. */
  private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9, 99.99};

  /**
   * Summarises a histogram whose values are nanoseconds, with HdrHistogram's definitions (mean and
   * deviation over each bucket's median value; a percentile is the highest value equivalent to the
   * bucket where the count reaches it) in two walks over the buckets between the lowest and highest
   * value. HdrHistogram's own getters walk the whole counts array once each, through an iterator:
   * ten walks for a summary, which made summarising an interval the collector's largest cost.
   */
  public static LatencyStats of(AbstractHistogram nanos) {
    long total = nanos.getTotalCount();
    if (total == 0) {
      return EMPTY;
    }
    long min = nanos.getMinValue();
    long max = nanos.getMaxValue();
    long[] targets = new long[PERCENTILES.length];
    for (int p = 0; p < PERCENTILES.length; p++) {
      // One ulp below, so that rounding up cannot step into the next bucket; at least the first value.
      double fraction = Math.nextAfter(PERCENTILES[p], Double.NEGATIVE_INFINITY) / 100.0;
      targets[p] = Math.max(1, (long) Math.ceil(fraction * total));
    }
    long[] atPercentile = new long[PERCENTILES.length];
    int next = 0;
    double sum = 0;
    long seen = 0;
    for (long v = nanos.lowestEquivalentValue(min); v <= max; v = nanos.nextNonEquivalentValue(v)) {
      long count = nanos.getCountAtValue(v);
      if (count == 0) {
        continue;
      }
      sum += (double) nanos.medianEquivalentValue(v) * count;
      seen += count;
      while (next < targets.length && seen >= targets[next]) {
        atPercentile[next++] = nanos.highestEquivalentValue(v);
      }
    }
    double mean = sum / total;
    double squares = 0;
    for (long v = nanos.lowestEquivalentValue(min); v <= max; v = nanos.nextNonEquivalentValue(v)) {
      long count = nanos.getCountAtValue(v);
      if (count > 0) {
        double deviation = nanos.medianEquivalentValue(v) - mean;
        squares += deviation * deviation * count;
      }
    }
    return new LatencyStats(
        total,
        min / NANOS_PER_MS,
        mean / NANOS_PER_MS,
        Math.sqrt(squares / total) / NANOS_PER_MS,
        atPercentile[0] / NANOS_PER_MS,
        atPercentile[1] / NANOS_PER_MS,
        atPercentile[2] / NANOS_PER_MS,
        atPercentile[3] / NANOS_PER_MS,
        atPercentile[4] / NANOS_PER_MS,
        atPercentile[5] / NANOS_PER_MS,
        max / NANOS_PER_MS);
  }
}
