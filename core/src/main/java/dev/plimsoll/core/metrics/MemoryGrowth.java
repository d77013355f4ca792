package dev.plimsoll.core.metrics;

/**
 * The trend of memory use over time, in MB per minute (1 MB = 1024 × 1024 bytes).
 *
 * <p>Heap in use sawtooths: it climbs as the program allocates and drops at each collection. Its
 * trend only means a leak when the low points climb, so {@link #lowerEnvelopeMbPerMinute} fits the
 * low points rather than every point.
 */
final class MemoryGrowth {
  private MemoryGrowth() {}

  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  /** How many low points {@link #lowerEnvelopeMbPerMinute} fits at most. */
  static final int ENVELOPE_BLOCKS = 10;

  /**
   * The least-squares slope of {@code bytes} over {@code seconds}, in MB per minute: 0 for fewer
   * than two points or when all points share one time.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  static double mbPerMinute(double[] seconds, long[] bytes) {
    checkSameLength(seconds, bytes);
    int n = seconds.length;
    if (n < 2) {
      return 0;
    }
    double meanSeconds = 0;
    double meanMb = 0;
    for (int i = 0; i < n; i++) {
      meanSeconds += seconds[i];
      meanMb += bytes[i] / BYTES_PER_MB;
    }
    meanSeconds /= n;
    meanMb /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = seconds[i] - meanSeconds;
      sxx += dx * dx;
      sxy += dx * (bytes[i] / BYTES_PER_MB - meanMb);
    }
    return sxx == 0 ? 0 : sxy / sxx * 60;
  }

  /**
   * The slope of the low points: the points are split into at most {@value #ENVELOPE_BLOCKS}
   * consecutive blocks of (nearly) equal size, the lowest point of each block is kept, and
   * {@link #mbPerMinute} is fitted through those. A sawtooth shorter than a block then contributes
   * its troughs only. With {@value #ENVELOPE_BLOCKS} points or fewer every point is its own block,
   * the same as {@link #mbPerMinute}.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  static double lowerEnvelopeMbPerMinute(double[] seconds, long[] bytes) {
    checkSameLength(seconds, bytes);
    int n = seconds.length;
    int blocks = Math.min(n, ENVELOPE_BLOCKS);
    double[] lowSeconds = new double[blocks];
    long[] lowBytes = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      int from = (int) ((long) b * n / blocks);
      int to = (int) ((long) (b + 1) * n / blocks);
      int lowest = from;
      for (int i = from + 1; i < to; i++) {
        if (bytes[i] < bytes[lowest]) {
          lowest = i;
        }
      }
      lowSeconds[b] = seconds[lowest];
      lowBytes[b] = bytes[lowest];
    }
    return mbPerMinute(lowSeconds, lowBytes);
  }

  private static void checkSameLength(double[] seconds, long[] bytes) {
    if (seconds.length != bytes.length) {
      throw new IllegalArgumentException("seconds and bytes differ in length: "
          + seconds.length + " and " + bytes.length);
    }
  }
}
