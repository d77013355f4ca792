package dev.plimsoll.core.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A sum of latency distributions kept as HdrHistogram's counts by index in a plain array, made a
 * histogram once, at the end. Recording each count of each part into a histogram costs
 * HdrHistogram's bookkeeping per count (its index, minimum, maximum, total, and a resize whenever
 * a larger value comes), which made summing a large fleet's intervals slow; here a count costs one
 * array add. Takes the encodings {@link CompressedCounts} reads; any other goes into a histogram
 * of its own, added at the end. Not thread-safe.
 */
final class CountsSum {
  private long[] counts = new long[0];
  private int highest = -1;
  private Histogram others;

  void add(LatencyDistribution distribution) {
    distribution.addInto(this);
  }

  /** The counts by index, for {@link CompressedCounts} to add into; {@link #grow} before an index beyond it. */
  long[] counts() {
    return counts;
  }

  /**
   * The counts, grown to hold {@code index}: at once to every recordable value's index, since
   * growing step by step copied the array again and again (a fifth of a large fleet's merge).
   */
  long[] grow(int index) {
    counts = Arrays.copyOf(counts, Math.max(index + 1, Math.max(counts.length * 2, CompressedCounts.RECORDABLE_INDEXES)));
    return counts;
  }

  /** Counts were added up to {@code index} (-1: none). */
  void reached(int index) {
    highest = Math.max(highest, index);
  }

  /** Adds a distribution whose encoding {@link CompressedCounts} does not read. */
  void add(Histogram histogram) {
    if (others == null) {
      others = LatencyDistribution.newHistogram();
    }
    others.add(histogram);
  }

  /** The sum, as a histogram from {@link LatencyDistribution#newHistogram}. */
  Histogram toHistogram() {
    Histogram sum = LatencyDistribution.newHistogram();
    if (highest >= 0) {
      // The highest first: the histogram grows once, not with each larger value.
      sum.recordValueWithCount(CompressedCounts.valueAt(highest), counts[highest]);
      for (int i = 0; i < highest; i++) {
        if (counts[i] != 0) {
          sum.recordValueWithCount(CompressedCounts.valueAt(i), counts[i]);
        }
      }
    }
    if (others != null) {
      sum.add(others);
    }
    return sum;
  }

  LatencyDistribution result() {
    return LatencyDistribution.of(toHistogram());
  }
}
