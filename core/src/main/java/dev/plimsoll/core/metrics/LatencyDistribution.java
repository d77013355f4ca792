package dev.plimsoll.core.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable latency distribution: an HdrHistogram of nanosecond values, held in HdrHistogram's
 * compressed encoding, with its summary computed once: when it is made from a histogram, or, when
 * it is read from its encoding, when first asked for (many are read only to be merged).
 *
 * <p>Keeping the compressed form (typically a few hundred bytes) rather than the live counts array
 * (up to hundreds of kilobytes) is what lets a run keep every interval's exact distribution in
 * memory and in its result file, so intervals and whole runs merge exactly, across time and across
 * machines.
 */
public final class LatencyDistribution {

  /** Values are recorded in nanoseconds, from 1 ns up to this bound; larger values are clamped. */
  public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(2);

  /** Relative precision of 0.1 %. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private static final LatencyDistribution EMPTY = of(newHistogram());

  /**
   * HdrHistogram's compressed encoding: null only for a distribution {@linkplain #readToMerge read
   * to be merged} from its uncompressed encoding, until first asked for; then compressed from
   * that, byte for byte what HdrHistogram writes for the same histogram. Volatile, with
   * {@link #uncompressed}: the uncompressed encoding is let go only once this is set.
   */
  private volatile byte[] compressed;
  /**
   * Null until first asked for, for a distribution read from its encoding. Two threads asking at
   * once may both compute it: the same immutable value, so the unsynchronised cache is safe.
   */
  private LatencyStats stats;
  /**
   * The uncompressed encoding of a distribution {@linkplain #readToMerge read to be merged}, so
   * that merging it inflates nothing: the first merge takes it once {@link #compressed} is known
   * (null after that, and for any other distribution). Two threads merging at once may both take
   * it: it is only read.
   */
  private volatile byte[] uncompressed;

  private LatencyDistribution(byte[] compressed, LatencyStats stats) {
    this.compressed = compressed;
    this.stats = stats;
  }

  /**
   * A new empty histogram with Plimsoll's precision. It grows with the values recorded, so its
   * memory follows the range actually seen; callers clamp values to {@link #HIGHEST_TRACKABLE_NANOS}.
   */
  public static Histogram newHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /**
   * A histogram covering the whole recordable range from the start. Its memory is fixed (about
   * 270 KB), so a long-lived recorder never grows during a run, where growth would read as a leak.
   */
  public static Histogram newFullRangeHistogram() {
    return new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  }

  /** {@code nanos} limited to the recordable range. */
  public static long clamp(long nanos) {
    return Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NANOS));
  }

  public static LatencyDistribution empty() {
    return EMPTY;
  }

  /** Takes a snapshot of {@code nanos}; later changes to the histogram do not affect it. */
  public static LatencyDistribution of(AbstractHistogram nanos) {
    ByteBuffer buffer = ByteBuffer.allocate(nanos.getNeededByteBufferCapacity());
    int length = nanos.encodeIntoCompressedByteBuffer(buffer);
    return new LatencyDistribution(Arrays.copyOf(buffer.array(), length), LatencyStats.of(nanos));
  }

  /**
   * Reads HdrHistogram's compressed encoding, as produced by {@link #toCompressed()}: checked
   * whole now, summarised when the summary is first asked for. A cluster coordinator reads
   * hundreds of workers' distributions per interval only to merge them, where summarising each
   * cost more than the merge.
   *
   * @throws IllegalArgumentException if the bytes are not a compressed HdrHistogram
   */
  public static LatencyDistribution fromCompressed(byte[] compressed) {
    return read(compressed, false);
  }

  /**
   * Reads a distribution only to be merged, such as a cluster worker's interval: HdrHistogram's V2
   * encoding, compressed (as {@link #toCompressed} writes it) or not (as {@link #toUncompressed}
   * writes it), checked whole now as {@link #fromCompressed} checks. Its uncompressed encoding is
   * kept until it is first merged, so merging inflates nothing (inflating was most of a large
   * fleet's merge); an uncompressed one is compressed only if asked for. Until merged it holds
   * about three times the memory of one {@link #fromCompressed} reads, so this is not for
   * distributions kept for long.
   *
   * @throws IllegalArgumentException if the bytes are not an HdrHistogram encoding Plimsoll writes
   */
  public static LatencyDistribution readToMerge(byte[] encoding) {
    if (!CompressedCounts.isUncompressed(encoding)) {
      return read(encoding, true);
    }
    byte[] copy = encoding.clone();
    if (CompressedCounts.headerReadable(copy)) {
      if (!CompressedCounts.wellFormedEncoding(copy)) {
        throw new IllegalArgumentException("not an uncompressed HdrHistogram: its counts are damaged");
      }
      LatencyDistribution read = new LatencyDistribution(null, null);
      read.uncompressed = copy;
      return read;
    }
    // Another precision or lowest value: HdrHistogram's own decoder checks it, then it is kept
    // compressed as HdrHistogram compresses it.
    try {
      if (!CompressedCounts.whole(copy)) {
        throw new IllegalArgumentException("its payload is not the bytes after its header");
      }
      Histogram histogram = withinBounds(Histogram.decodeFromByteBuffer(ByteBuffer.wrap(copy), 0));
      return new LatencyDistribution(CompressedCounts.compress(copy), LatencyStats.of(histogram));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an uncompressed HdrHistogram, or damaged", e);
    }
  }

  private static LatencyDistribution read(byte[] compressed, boolean keepUncompressed) {
    byte[] copy = compressed.clone();
    byte[] encoding = CompressedCounts.inflated(copy);
    if (encoding == null) {
      throw new IllegalArgumentException("not a compressed HdrHistogram, or damaged");
    }
    if (CompressedCounts.headerReadable(encoding)) {
      if (!CompressedCounts.wellFormedEncoding(encoding)) {
        throw new IllegalArgumentException("not a compressed HdrHistogram: its counts are damaged");
      }
      LatencyDistribution read = new LatencyDistribution(copy, null);
      read.uncompressed = keepUncompressed ? encoding : null;
      return read;
    }
    // Another encoding (precision, lowest value): HdrHistogram's own decoder checks it.
    try {
      Histogram histogram =
          withinBounds(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(copy), 0));
      return new LatencyDistribution(copy, LatencyStats.of(histogram));
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a compressed HdrHistogram: " + e.getMessage(), e);
    }
  }


  /**
   * {@code histogram}, if its counts are none negative and at most
   * {@link CompressedCounts#MAX_TOTAL_COUNT} in all, as the encodings Plimsoll reads itself must be:
   * more could overflow when merged.
   */
  private static Histogram withinBounds(Histogram histogram) {
    long total = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      long count = v.getCountAtValueIteratedTo();
      total += count;
      if (count < 0 || total > CompressedCounts.MAX_TOTAL_COUNT || total < 0) {
        throw new IllegalArgumentException("it holds more values than any run could");
      }
    }
    return histogram;
  }

  /**
   * A distribution from its compressed encoding and the summary computed when it was made, as
   * {@link IntervalCodec} keeps them: trusted, so nothing is decoded.
   */
  static LatencyDistribution ofEncoded(byte[] compressed, LatencyStats stats) {
    return new LatencyDistribution(compressed, stats);
  }

  public static LatencyDistribution fromBase64(String base64) {
    return fromCompressed(Base64.getDecoder().decode(base64));
  }

  /** Merges many distributions at once, decoding each only once. */
  public static LatencyDistribution mergeAll(Collection<LatencyDistribution> distributions) {
    CountsSum sum = new CountsSum();
    distributions.forEach(sum::add);
    return sum.result();
  }

  public LatencyDistribution merge(LatencyDistribution other) {
    if (other.count() == 0) {
      return this;
    }
    if (count() == 0) {
      return other;
    }
    Histogram sum = toHistogram();
    sum.add(other.toHistogram());
    return of(sum);
  }

  /** Adds this distribution's values into {@code sum}, a histogram from {@link #newHistogram}. */
  void addInto(Histogram sum) {
    // Not count(): it would summarise a distribution read from its encoding only to merge it.
    LatencyStats known = stats;
    if (known != null && known.count() == 0) {
      return;
    }
    byte[] encoding = takeUncompressed();
    if (encoding != null && CompressedCounts.addEncoding(sum, encoding)) {
      return;
    }
    if (!CompressedCounts.addInto(sum, compressed())) {
      sum.add(toHistogram());
    }
  }

  /** Adds this distribution's values into {@code sum}. */
  void addInto(CountsSum sum) {
    LatencyStats known = stats;
    if (known != null && known.count() == 0) {
      return;
    }
    byte[] encoding = takeUncompressed();
    if (encoding != null) {
      CompressedCounts.addEncoding(sum, encoding);
    } else if (!CompressedCounts.addInto(sum, compressed())) {
      sum.add(toHistogram());
    }
  }

  /** The uncompressed encoding kept from the read, if any; let go if the compressed one is known. */
  private byte[] takeUncompressed() {
    byte[] encoding = uncompressed;
    if (encoding != null && compressed != null) {
      uncompressed = null;
    }
    return encoding;
  }

  /** The compressed encoding, made from the uncompressed one the first time it is asked for. */
  private byte[] compressed() {
    byte[] c = compressed;
    if (c == null) {
      byte[] encoding = uncompressed;
      // Null only if a merge took it, which it does once the compressed encoding is set.
      c = encoding != null ? CompressedCounts.compress(encoding) : compressed;
      compressed = c;
    }
    return c;
  }

  /** A new, mutable histogram holding this distribution's values. */
  public Histogram toHistogram() {
    byte[] encoding = compressed == null ? uncompressed : null;
    if (encoding != null) {
      // Read uncompressed and checked: its counts, without compressing them first.
      CountsSum sum = new CountsSum();
      CompressedCounts.addEncoding(sum, encoding);
      return sum.toHistogram();
    }
    byte[] c = compressed();
    try {
      Histogram decoded =
          Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(c), 0);
      // Decoded histograms are sized to their content; let them grow so adding works.
      decoded.setAutoResize(true);
      return decoded;
    } catch (DataFormatException | RuntimeException e) {
      // An encoding checked when read (fromCompressed) that HdrHistogram's decoder still refuses:
      // read its counts the way they were checked, rather than fail long after the read.
      CountsSum sum = new CountsSum();
      if (CompressedCounts.addInto(sum, c)) {
        return sum.toHistogram();
      }
      throw new IllegalStateException("corrupt histogram encoding", e);
    }
  }

  public byte[] toCompressed() {
    return compressed().clone();
  }

  /**
   * HdrHistogram's uncompressed V2 encoding of this distribution (what
   * {@code Histogram.encodeIntoByteBuffer} writes): about twice the bytes of the compressed one,
   * read without inflating. A cluster worker sends its intervals' histograms in this form, since
   * inflating was most of what merging a large fleet cost the coordinator.
   */
  public byte[] toUncompressed() {
    byte[] encoding = uncompressed;
    if (encoding != null) {
      return encoding.clone();
    }
    encoding = CompressedCounts.inflated(compressed());
    if (encoding != null) {
      return encoding;
    }
    // Never for bytes HdrHistogram compressed; should it be, HdrHistogram's own encoder.
    Histogram h = toHistogram();
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoByteBuffer(buffer);
    return Arrays.copyOf(buffer.array(), length);
  }

  /** The compressed encoding itself, for {@link IntervalCodec}, which only reads it. */
  byte[] compressedBytes() {
    return compressed();
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(compressed());
  }

  public LatencyStats stats() {
    LatencyStats s = stats;
    if (s == null) {
      s = LatencyStats.of(toHistogram());
      stats = s;
    }
    return s;
  }

  public long count() {
    return stats().count();
  }

  /** The value at {@code percentile} (0–100) in milliseconds. */
  public double percentileMs(double percentile) {
    if (count() == 0) {
      return 0;
    }
    return toHistogram().getValueAtPercentile(percentile) / 1_000_000.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencyDistribution other && Arrays.equals(compressed(), other.compressed());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed());
  }

  @Override
  public String toString() {
    return "LatencyDistribution" + stats();
  }
}
