package dev.plimsoll.sim;

/**
 * Delivery by intended send time, in short buckets: how many deliveries were expected and made,
 * and a coarse latency histogram, so recovery after a fault can be read off afterwards. Latency
 * bins grow by 10 % each, from 1 µs: a p95 read from them is within 10 % of the exact one, which
 * is finer than any tolerance recovery is judged with.
 */
final class Timeline {
  static final long BUCKET_NANOS = 100_000_000L;
  private static final int BINS = 200;
  private static final double GROWTH = Math.log(1.1);

  private final long originNanos;
  private final long[] expected;
  private final long[] delivered;
  private final int[] latencyBins;

  Timeline(long originNanos, long lengthNanos) {
    this.originNanos = originNanos;
    int buckets = (int) (lengthNanos / BUCKET_NANOS) + 1;
    expected = new long[buckets];
    delivered = new long[buckets];
    latencyBins = new int[buckets * BINS];
  }

  int buckets() {
    return expected.length;
  }

  private int bucket(long intendedNanos) {
    long b = (intendedNanos - originNanos) / BUCKET_NANOS;
    return b < 0 || b >= expected.length ? -1 : (int) b;
  }

  void expect(long intendedNanos, int count) {
    int b = bucket(intendedNanos);
    if (b >= 0) {
      expected[b] += count;
    }
  }

  void delivered(long intendedNanos, long latencyNanos) {
    int b = bucket(intendedNanos);
    if (b >= 0) {
      delivered[b]++;
      latencyBins[b * BINS + bin(latencyNanos)]++;
    }
  }

  private static int bin(long latencyNanos) {
    double micros = Math.max(1, latencyNanos / 1000.0);
    return (int) Math.min(BINS - 1, Math.log(micros) / GROWTH);
  }

  /** The share delivered of what was expected in buckets [from, to), or NaN when nothing was. */
  double ratio(int from, int to) {
    long e = 0;
    long d = 0;
    for (int b = Math.max(0, from); b < Math.min(to, expected.length); b++) {
      e += expected[b];
      d += delivered[b];
    }
    return e == 0 ? Double.NaN : Math.min(1.0, (double) d / e);
  }

  /** The 95th percentile latency in milliseconds over buckets [from, to), or NaN. */
  double p95Ms(int from, int to) {
    long[] bins = new long[BINS];
    long count = 0;
    for (int b = Math.max(0, from); b < Math.min(to, expected.length); b++) {
      for (int i = 0; i < BINS; i++) {
        bins[i] += latencyBins[b * BINS + i];
        count += latencyBins[b * BINS + i];
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(count * 0.95);
    long seen = 0;
    for (int i = 0; i < BINS; i++) {
      seen += bins[i];
      if (seen >= rank) {
        return Math.exp((i + 1) * GROWTH) / 1000.0; // the bin's upper edge, in ms
      }
    }
    return Double.NaN;
  }

  /** The bucket an offset from the origin falls in. */
  static int bucketAt(long offsetNanos) {
    return (int) (offsetNanos / BUCKET_NANOS);
  }
}
