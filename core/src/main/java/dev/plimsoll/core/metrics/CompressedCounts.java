package dev.plimsoll.core.metrics;

import java.nio.ByteBuffer;
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
  /** The longest payload of that many indexes: 9 bytes each at most. */
  private static final int MAX_PAYLOAD_BYTES = 9 * INDEXES;

  /** Creating an Inflater costs more than inflating a small histogram: one per thread, reset between uses. */
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

  private CompressedCounts() {}

  /** Adds {@code compressed}'s counts into {@code sum}; false (and nothing added) if it cannot. */
  static boolean addInto(Histogram sum, byte[] compressed) {
    if (sum.getNumberOfSignificantValueDigits() != 3 || sum.getLowestDiscernibleValue() != 1) {
      return false;
    }
    byte[] payload = payload(compressed, true);
    if (payload == null) {
      return false;
    }
    addPayload(sum, payload);
    return true;
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
    // Indexes only grow along a payload: the array is grown (rarely) ahead of a count beyond it.
    long[] counts = sum.counts();
    int highest = -1;
    int position = 0;
    int index = 0;
    while (position < payload.length) {
      int length = length(payload, position);
      if (length == 0) {
        break; // not for a checked payload
      }
      long count = zigZag(payload, position, length);
      position += length;
      if (count < 0) {
        index += (int) -count;
      } else {
        if (count > 0) {
          if (index >= counts.length) {
            counts = sum.grow(index);
          }
          counts[index] += count;
          highest = index;
        }
        index++;
      }
    }
    sum.reached(highest);
    return true;
  }

  /**
   * Whether {@code compressed} is an encoding this class reads, whole and undamaged: what
   * {@link LatencyDistribution#fromCompressed} checks instead of decoding it into a histogram.
   */
  static boolean readable(byte[] compressed) {
    return payload(compressed, true) != null;
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
    byte[] header = new byte[HEADER_BYTES];
    try {
      inflater.setInput(compressed, 8, deflatedLength);
      if (inflater.inflate(header) != HEADER_BYTES) {
        return null;
      }
      ByteBuffer h = ByteBuffer.wrap(header);
      int cookie = h.getInt();
      int payloadLength = h.getInt();
      int normalizingIndexOffset = h.getInt();
      int digits = h.getInt();
      long lowest = h.getLong();
      if ((cookie & ~0xf0) != V2_COOKIE_BASE || normalizingIndexOffset != 0 || digits != 3 || lowest != 1
          || payloadLength < 0 || payloadLength > MAX_PAYLOAD_BYTES) {
        return null;
      }
      byte[] payload = new byte[payloadLength];
      int read = 0;
      while (read < payloadLength) {
        int n = inflater.inflate(payload, read, payloadLength - read);
        if (n == 0 && (inflater.finished() || inflater.needsInput())) {
          return null;
        }
        read += n;
      }
      // The stream's end carries its checksum: reaching it checks every byte read before.
      if (inflater.inflate(header, 0, 1) != 0 || !inflater.finished()) {
        return null;
      }
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
    int position = 0;
    long index = 0;
    while (position < payload.length) {
      int length = length(payload, position);
      if (length == 0) {
        return false;
      }
      long count = zigZag(payload, position, length);
      position += length;
      if (count == Long.MIN_VALUE) {
        return false;
      }
      index += count < 0 ? -count : 1;
      if (index > INDEXES) {
        return false;
      }
    }
    return true;
  }

  /** Adds a payload {@link #wellFormed} has checked. */
  private static void addPayload(Histogram sum, byte[] payload) {
    int position = 0;
    int index = 0;
    while (position < payload.length) {
      int length = length(payload, position);
      if (length == 0) {
        break; // not for a checked payload
      }
      long count = zigZag(payload, position, length);
      position += length;
      if (count < 0) {
        index += (int) -count;
      } else {
        if (count > 0) {
          sum.recordValueWithCount(valueAt(index), count);
        }
        index++;
      }
    }
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

  /**
   * The length of the ZigZag LEB128 long at {@code p}, as HdrHistogram writes them: up to 9 bytes,
   * each but the ninth with a continuation bit; 0 if it is cut off.
   */
  private static int length(byte[] b, int p) {
    for (int i = 0; i < 8; i++) {
      if (p + i >= b.length) {
        return 0;
      }
      if (b[p + i] >= 0) {
        return i + 1;
      }
    }
    return p + 8 < b.length ? 9 : 0;
  }

  /** The ZigZag LEB128 long of {@code length} bytes at {@code p} (the ninth byte carries 8 bits). */
  private static long zigZag(byte[] b, int p, int length) {
    if (length == 1) {
      // Most of a payload: counts up to 63, runs of up to 64 empty indexes.
      byte only = b[p];
      return (only >>> 1) ^ -(only & 1);
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      long next = b[p + i];
      value |= i == 8 ? (next & 0xff) << 56 : (next & 0x7f) << (7 * i);
    }
    return (value >>> 1) ^ -(value & 1);
  }
}
