package dev.plimsoll.report.html;

import java.util.Arrays;

/**
 * One chart series, downsampled while it is read: the values of each bucket of consecutive
 * intervals are reduced to their minimum and maximum, in the order they occurred, so that a single
 * interval's spike stays visible however long the run (a min/max envelope). A bucket of one
 * interval keeps its value. Missing values (NaN) are skipped; a bucket with none gives gaps.
 */
final class Envelope {

  private double[] points = new double[64];
  private int size;
  private double min;
  private double max;
  private int minAt;
  private int maxAt;
  private int position;
  private boolean any;

  /** Adds the next interval's value, NaN when it has none. */
  void add(double value) {
    if (!Double.isNaN(value) && !Double.isInfinite(value)) {
      if (!any || value < min) {
        min = value;
        minAt = position;
      }
      if (!any || value > max) {
        max = value;
        maxAt = position;
      }
      any = true;
    }
    position++;
  }

  /**
   * Ends the current bucket, giving {@code count} points (1 or 2) for it: with 2, the minimum and
   * the maximum in the order they came; with 1, the maximum, which for a bucket of one interval is
   * its value.
   */
  void closeBucket(int count) {
    if (count == 1) {
      append(any ? max : Double.NaN);
    } else if (!any) {
      append(Double.NaN);
      append(Double.NaN);
    } else if (minAt <= maxAt) {
      append(min);
      append(max);
    } else {
      append(max);
      append(min);
    }
    any = false;
    position = 0;
  }

  /** Whether some bucket had a value. */
  boolean hasValues() {
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(points[i])) {
        return true;
      }
    }
    return false;
  }

  /** The points so far. */
  double[] points() {
    return Arrays.copyOf(points, size);
  }

  private void append(double value) {
    if (size == points.length) {
      points = Arrays.copyOf(points, size * 2);
    }
    points[size++] = value;
  }
}
