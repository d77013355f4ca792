package dev.plimsoll.core.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * Reads HdrHistogram's V2 encodings, compressed or not, and adds their counts straight into a
 * sum, without building a histogram of its own: inflating into a full histogram costs a counts
 * array of the whole range (over 100 KB) per distribution, which made merging hundreds of
 * machines' intervals slow. Handles exactly the encodings {@link LatencyDistribution} writes
 * (lowest discernible value 1, its precision, no index shift); anything else is left to
 * HdrHistogram's own decoder.
 *
 * <p>An uncompressed encoding is a 40-byte header (cookie, payload length, index offset,
 * precision, lowest value, highest value, conversion ratio) and the payload: the counts as ZigZag
 * LEB128 longs. The compressed one is a cookie, a length and the uncompressed one deflated.
 */
final class CompressedCounts {
  private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
  private static final int V2_COOKIE_BASE = 0x1c849303;
  /** The cookie's bits beside its base (HdrHistogram's word size marker). */
  private static final int COOKIE_FLAGS = 0xf0;
  /** Where an uncompressed encoding's payload begins. */
  private static final int HEADER_BYTES = 40;
  /** For lowest discernible value 1 and 3 significant digits: 2,048 sub-buckets, half of them 1,024. */
  private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 10;
  private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
  /** Counts indexes of values up to Long.MAX_VALUE: 53 buckets of 1,024 after the first 2,048 values. */
  private static final int INDEXES = 54 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
  /**
   * Counts indexes of the values a {@link LatencyDistribution} records (up to its highest
   * trackable value): what a sum needs unless an encoding from elsewhere holds larger ones.
   */
  static final int RECORDABLE_INDEXES = indexOf(LatencyDistribution.HIGHEST_TRACKABLE_NANOS) + 1;
  /**
   * The most values one histogram read may hold: 2^48 (2.8 × 10^14, 9 years at a million a
   * second), so that merging many (a fleet's intervals, a run's) cannot overflow a count; a
   * histogram claiming more is damaged.
   */
  static final long MAX_TOTAL_COUNT = 1L << 48;
    /** The longest uncompressed encoding of that many indexes: 9 bytes each at most. */
  private static final int MAX_ENCODING_BYTES = HEADER_BYTES + 9 * INDEXES;

  /** Creating an Inflater costs more than inflating a small histogram: one per thread, reset between uses. */
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);
  /** The same for deflating; HdrHistogram's level, so the bytes are the ones it writes. */
  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION));
  /** Where each thread inflates: grown (up to the longest encoding) when one does not fit. */
  private static final ThreadLocal<byte[]> INFLATED = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private CompressedCounts() {}

  /** Adds {@code compressed}'s counts into {@code sum}; false (and nothing added) if it cannot. */
  static boolean addInto(Histogram sum, byte[] compressed) {
    if (!laidOutAlike(sum)) {
      return false;
    }
    byte[] encoding = checkedEncoding(compressed);
    return encoding != null && addEncoding(sum, encoding);
  }

  /** Whether {@code sum}'s counts are laid out as this class reads them. */
  private static boolean laidOutAlike(Histogram sum) {
    return sum.getNumberOfSignificantValueDigits() == 3 && sum.getLowestDiscernibleValue() == 1;
  }

  /**
   * Adds the counts of {@code compressed}, the encoding of a {@link LatencyDistribution} (made by
   * HdrHistogram, or checked by {@link #readable} when read), into {@code sum}; false (and nothing
   * added) if this class does not read its encoding.
   */
  static boolean addInto(CountsSum sum, byte[] compressed) {
    byte[] encoding = uncompressed(compressed);
    if (encoding == null) {
      return false;
    }
    addEncoding(sum, encoding);
    return true;
  }

  /** Adds an uncompressed encoding {@link #checkedEncoding} or {@link #wellFormedEncoding} passed into {@code sum}. */
  static void addEncoding(CountsSum sum, byte[] encoding) {
    // Indexes only grow along a payload: the array is grown (rarely) ahead of an index beyond it.
    long[] counts = sum.counts();
    int highest = -1;
    int index = 0;
    Longs longs = new Longs(encoding, HEADER_BYTES);
    while (longs.next()) {
      if (index >= counts.length) {
        counts = sum.grow(index);
      }
      // Without branches on whether it is a count or a run of empty indexes: they come in no
      // order a processor could predict, and mispredicting cost a third of the merge.
      long count = longs.value;
      long run = count >> 63; // all ones for a run, else zero
      long add = count & ~run;
      counts[index] += add;
      long added = -add >> 63; // all ones if a count was added
      highest = (int) ((index & added) | (highest & ~added));
      index += (int) ((-count & run) | (1 & ~run));
    }
    sum.reached(highest);
  }

  /**
   * Adds an uncompressed encoding {@link #checkedEncoding} or {@link #wellFormedEncoding} passed
   * into {@code sum}; false (and nothing added) if {@code sum}'s counts are laid out otherwise.
   */
  static boolean addEncoding(Histogram sum, byte[] encoding) {
    if (!laidOutAlike(sum)) {
      return false;
    }
    int index = 0;
    Longs longs = new Longs(encoding, HEADER_BYTES);
    while (longs.next()) {
      long count = longs.value;
      if (count < 0) {
        index += (int) -count;
      } else {
        if (count > 0) {
          sum.recordValueWithCount(valueAt(index), count);
        }
        index++;
      }
    }
    return true;
  }

  /**
   * Whether {@code compressed} is an encoding this class reads, whole and undamaged: what
   * {@link LatencyDistribution#fromCompressed} checks instead of decoding it into a histogram.
   */
  static boolean readable(byte[] compressed) {
    return checkedEncoding(compressed) != null;
  }

  /**
   * {@code compressed} inflated to its uncompressed encoding and checked as {@link #readable}
   * checks it; null if it is not readable.
   */
  static byte[] checkedEncoding(byte[] compressed) {
    byte[] encoding = uncompressed(compressed);
    return encoding != null && wellFormed(encoding) ? encoding : null;
  }

  /** Whether {@code encoding} is uncompressed, by its cookie: HdrHistogram's V2 encoding as is. */
  static boolean isUncompressed(byte[] encoding) {
    return encoding.length >= 4 && (ByteBuffer.wrap(encoding).getInt() & ~COOKIE_FLAGS) == V2_COOKIE_BASE;
  }

  /** Whether an uncompressed encoding's payload length is the bytes after its header: none missing, none after. */
  static boolean whole(byte[] encoding) {
    return encoding.length >= HEADER_BYTES && ByteBuffer.wrap(encoding).getInt(4) == encoding.length - HEADER_BYTES;
  }

  /** Whether {@code encoding}, uncompressed, is one this class reads, whole and undamaged. */
  static boolean wellFormedEncoding(byte[] encoding) {
    return headerReadable(encoding) && wellFormed(encoding);
  }

  /**
   * The uncompressed encoding of {@code compressed}: inflated, the deflate stream's checksum and
   * the header checked, not the payload; null if this class cannot read it.
   */
  static byte[] uncompressed(byte[] compressed) {
    byte[] encoding = inflated(compressed);
    return encoding != null && headerReadable(encoding) ? encoding : null;
  }

  /**
   * What {@code compressed} holds deflated, whatever its header says: HdrHistogram's uncompressed
   * encoding of the same histogram; null if the bytes are not a compressed V2 encoding whose
   * deflated stream is whole (its checksum checked) and fills its given length exactly.
   */
  static byte[] inflated(byte[] compressed) {
    ByteBuffer in = ByteBuffer.wrap(compressed);
    if (compressed.length < 8 || (in.getInt() & ~COOKIE_FLAGS) != V2_COMPRESSED_COOKIE_BASE) {
      return null;
    }
    int deflatedLength = in.getInt();
    // Stricter than HdrHistogram's own decoder, which the summary may still use: the length given
    // is the bytes' (a file claiming 268 MB in 52 bytes was found by fuzzing), none after them.
    if (deflatedLength != compressed.length - 8) {
      return null;
    }
    Inflater inflater = INFLATERS.get();
    inflater.reset();
    try {
      inflater.setInput(compressed, 8, deflatedLength);
      // Inflated whole in one call where it fits: each call crosses into native code, which cost
      // more than inflating a small histogram's header.
      byte[] out = INFLATED.get();
      int length = 0;
      while (!inflater.finished()) {
        if (length == out.length) {
          if (out.length >= MAX_ENCODING_BYTES) {
            return null;
          }
          out = Arrays.copyOf(out, Math.min(2 * out.length, MAX_ENCODING_BYTES));
          INFLATED.set(out);
        }
        int n = inflater.inflate(out, length, out.length - length);
        if (n == 0 && !inflater.finished() && length < out.length) {
          return null; // cut off (it needs more input) or damaged
        }
        length += n;
      }
      // Finished: the stream's end carries its checksum, which zlib has checked. Bytes after it
      // are refused: no encoder writes them, and they would make equal histograms unequal.
      return inflater.getRemaining() == 0 ? Arrays.copyOf(out, length) : null;
    } catch (DataFormatException e) {
      return null;
    }
  }

  /** Whether an uncompressed encoding's header is one this class reads, its payload length the bytes after it. */
  static boolean headerReadable(byte[] encoding) {
    if (LatencyDistribution.SIGNIFICANT_DIGITS != 3 || encoding.length < HEADER_BYTES) {
      return false;
    }
    ByteBuffer h = ByteBuffer.wrap(encoding, 0, HEADER_BYTES);
    int cookie = h.getInt();
    int payloadLength = h.getInt();
    int normalizingIndexOffset = h.getInt();
    int digits = h.getInt();
    long lowest = h.getLong();
    return (cookie & ~COOKIE_FLAGS) == V2_COOKIE_BASE && normalizingIndexOffset == 0 && digits == 3 && lowest == 1
        && payloadLength == encoding.length - HEADER_BYTES && encoding.length <= MAX_ENCODING_BYTES;
  }

  /**
   * {@code encoding}, uncompressed and {@linkplain #wellFormedEncoding well formed}, compressed
   * as HdrHistogram compresses it: byte for byte what it writes for the same histogram.
   */
  static byte[] compress(byte[] encoding) {
    int cookie = ByteBuffer.wrap(encoding).getInt();
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    deflater.setInput(encoding);
    deflater.finish();
    byte[] out = new byte[8 + encoding.length + encoding.length / 8 + 64];
    int length = 8;
    while (!deflater.finished()) {
      if (length == out.length) {
        out = Arrays.copyOf(out, 2 * out.length);
      }
      length += deflater.deflate(out, length, out.length - length);
    }
    ByteBuffer.wrap(out).putInt(V2_COMPRESSED_COOKIE_BASE | (cookie & COOKIE_FLAGS)).putInt(length - 8);
    return Arrays.copyOf(out, length);
  }

  /**
   * Whether an uncompressed encoding's payload is counts as HdrHistogram writes them: ZigZag
   * LEB128 longs, a positive one the count at the next index, a negative one a run of that many
   * empty indexes, every index one of a value a long can hold, at most {@link #MAX_TOTAL_COUNT}
   * values in all.
   */
  private static boolean wellFormed(byte[] encoding) {
    long index = 0;
    long total = 0;
    Longs longs = new Longs(encoding, HEADER_BYTES);
    while (longs.next()) {
      long count = longs.value;
      // As in addEncoding, without a branch on a count or a run of empty indexes.
      long run = count >> 63;
      index += (-count & run) | (1 & ~run);
      total += count & ~run;
      // Long.MIN_VALUE is no run: its negation is itself, so the index falls below zero.
      if (index > INDEXES || index < 0 || total > MAX_TOTAL_COUNT || total < 0) {
        return false;
      }
    }
    return !longs.cutOff;
  }

  /** The lowest value of counts index {@code index}, as HdrHistogram lays them out for these settings. */
  static long valueAt(int index) {
    int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  /** The counts index of {@code value}, as HdrHistogram lays them out for these settings. */
  static int indexOf(long value) {
    int bucket = 63 - Long.numberOfLeadingZeros(value | (2 * SUB_BUCKET_HALF_COUNT - 1)) - SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    int subBucket = (int) (value >>> bucket);
    return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
  }

  /**
   * Reads a payload's ZigZag LEB128 longs in order, as HdrHistogram writes them: up to 9 bytes
   * each, every byte but the ninth with 7 bits and a continuation bit, the ninth with 8 bits. One
   * pass, one- and two-byte longs (nearly all of a payload) read inline: the merge of a large
   * fleet reads millions of them per interval.
   */
  private static final class Longs {
    private final byte[] bytes;
    private int position;
    /** The long {@link #next} read. */
    long value;
    /** Whether the last long was cut off by the payload's end. */
    boolean cutOff;

    Longs(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    /** Reads the next long into {@link #value}; false at the end, or at a long cut off. */
    boolean next() {
      byte[] b = bytes;
      int p = position;
      if (p >= b.length) {
        return false;
      }
      long raw = b[p];
      if (raw >= 0) {
        position = p + 1;
      } else if (p + 1 < b.length && b[p + 1] >= 0) {
        raw = (raw & 0x7f) | ((long) b[p + 1] << 7);
        position = p + 2;
      } else {
        raw = 0;
        for (int i = 0; ; i++) {
          if (p + i >= b.length) {
            cutOff = true;
            return false;
          }
          long next = b[p + i];
          if (i == 8) {
            raw |= (next & 0xff) << 56;
            position = p + 9;
            break;
          }
          raw |= (next & 0x7f) << (7 * i);
          if (next >= 0) {
            position = p + i + 1;
            break;
          }
        }
      }
      value = (raw >>> 1) ^ -(raw & 1);
      return true;
    }
  }
}
