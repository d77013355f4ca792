package dev.plimsoll.core.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * Adds a histogram in HdrHistogram's compressed (V2) encoding straight into a sum, without building
 * a histogram of its own: inflating into a full histogram costs a counts array of the whole range
 * (over 100 KB) per distribution, which made merging hundreds of machines' intervals slow. Handles
 * exactly the encodings {@link LatencyDistribution} writes (lowest discernible value 1, its
 * precision, no index shift); anything else is left to HdrHistogram's own decoder.
 */
final class CompressedCounts {
  private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
  private static final int V2_COOKIE_BASE = 0x1c849303;
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
  /** The longest payload of that many indexes: 9 bytes each at most. */
  private static final int MAX_PAYLOAD_BYTES = 9 * INDEXES;

  /** Creating an Inflater costs more than inflating a small histogram: one per thread, reset between uses. */
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);
  /** Where each thread inflates: grown (up to the longest payload) when one does not fit. */
  private static final ThreadLocal<byte[]> INFLATED = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private CompressedCounts() {}

  /** Adds {@code compressed}'s counts into {@code sum}; false (and nothing added) if it cannot. */
  static boolean addInto(Histogram sum, byte[] compressed) {
    if (!laidOutAlike(sum)) {
      return false;
    }
    byte[] payload = payload(compressed, true);
    return payload != null && addPayload(sum, payload);
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
    byte[] payload = payload(compressed, false);
    if (payload == null) {
      return false;
    }
    addPayload(sum, payload);
    return true;
  }

  /** Adds a payload {@link #checkedPayload} returned into {@code sum}. */
  static void addPayload(CountsSum sum, byte[] payload) {
    // Indexes only grow along a payload: the array is grown (rarely) ahead of an index beyond it.
    long[] counts = sum.counts();
    int highest = -1;
    int index = 0;
    Longs longs = new Longs(payload);
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
   * Whether {@code compressed} is an encoding this class reads, whole and undamaged: what
   * {@link LatencyDistribution#fromCompressed} checks instead of decoding it into a histogram.
   */
  static boolean readable(byte[] compressed) {
    return checkedPayload(compressed) != null;
  }

  /**
   * The counts of {@code compressed} (HdrHistogram's payload: ZigZag LEB128 longs), inflated and
   * checked as {@link #readable} checks them; null if it is not readable.
   */
  static byte[] checkedPayload(byte[] compressed) {
    return payload(compressed, true);
  }

  /**
   * The counts of {@code compressed}, inflated (the deflate stream's checksum checked) and, if
   * {@code check}, checked {@linkplain #wellFormed well formed}; null if this class cannot read them.
   */
  private static byte[] payload(byte[] compressed, boolean check) {
    if (LatencyDistribution.SIGNIFICANT_DIGITS != 3) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(compressed);
    if (compressed.length < 8 || (in.getInt() & ~0xf0) != V2_COMPRESSED_COOKIE_BASE) {
      return null;
    }
    int deflatedLength = in.getInt();
    // As strict as HdrHistogram's own decoder, which the summary may still use: the length given
    // must lie within the bytes (a file claiming 268 MB in 52 bytes was found by fuzzing).
    if (deflatedLength < 0 || deflatedLength > compressed.length - 8) {
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
          if (out.length >= HEADER_BYTES + MAX_PAYLOAD_BYTES) {
            return null;
          }
          out = Arrays.copyOf(out, Math.min(2 * out.length, HEADER_BYTES + MAX_PAYLOAD_BYTES));
          INFLATED.set(out);
        }
        int n = inflater.inflate(out, length, out.length - length);
        if (n == 0 && !inflater.finished() && length < out.length) {
          return null; // cut off (it needs more input) or damaged
        }
        length += n;
      }
      // Finished: the stream's end carries its checksum, which zlib has checked.
      if (length < HEADER_BYTES) {
        return null;
      }
      ByteBuffer h = ByteBuffer.wrap(out, 0, HEADER_BYTES);
      int cookie = h.getInt();
      int payloadLength = h.getInt();
      int normalizingIndexOffset = h.getInt();
      int digits = h.getInt();
      long lowest = h.getLong();
      if ((cookie & ~0xf0) != V2_COOKIE_BASE || normalizingIndexOffset != 0 || digits != 3 || lowest != 1
          || payloadLength != length - HEADER_BYTES) {
        return null;
      }
      byte[] payload = Arrays.copyOfRange(out, HEADER_BYTES, length);
      return !check || wellFormed(payload) ? payload : null;
    } catch (DataFormatException e) {
      return null;
    }
  }

  /**
   * Whether the payload is counts as HdrHistogram writes them: ZigZag LEB128 longs, a positive one
   * the count at the next index, a negative one a run of that many empty indexes, every index one
   * of a value a long can hold.
   */
  private static boolean wellFormed(byte[] payload) {
    long index = 0;
    Longs longs = new Longs(payload);
    while (longs.next()) {
      long count = longs.value;
      // As in addPayload, without a branch on a count or a run of empty indexes.
      long run = count >> 63;
      index += (-count & run) | (1 & ~run);
      // Long.MIN_VALUE is no run: its negation is itself, so the index falls below zero.
      if (index > INDEXES || index < 0) {
        return false;
      }
    }
    return !longs.cutOff;
  }

  /**
   * Adds a payload {@link #wellFormed} has checked into {@code sum}; false (and nothing added) if
   * {@code sum}'s counts are laid out otherwise.
   */
  static boolean addPayload(Histogram sum, byte[] payload) {
    if (!laidOutAlike(sum)) {
      return false;
    }
    int index = 0;
    Longs longs = new Longs(payload);
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

    Longs(byte[] bytes) {
      this.bytes = bytes;
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
