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

  /** Creating an Inflater costs more than inflating a small histogram: one per thread, reset between uses. */
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

  private CompressedCounts() {}

  /** Adds {@code compressed}'s counts into {@code sum}; false (and nothing added) if it cannot. */
  static boolean addInto(Histogram sum, byte[] compressed) {
    if (LatencyDistribution.SIGNIFICANT_DIGITS != 3 || sum.getNumberOfSignificantValueDigits() != 3
        || sum.getLowestDiscernibleValue() != 1) {
      return false;
    }
    ByteBuffer in = ByteBuffer.wrap(compressed);
    if (compressed.length < 8 || (in.getInt() & ~0xf0) != V2_COMPRESSED_COOKIE_BASE) {
      return false;
    }
    int deflatedLength = in.getInt();
    Inflater inflater = INFLATERS.get();
    inflater.reset();
    byte[] header = new byte[HEADER_BYTES];
    try {
      inflater.setInput(compressed, 8, Math.min(deflatedLength, compressed.length - 8));
      if (inflater.inflate(header) != HEADER_BYTES) {
        return false;
      }
      ByteBuffer h = ByteBuffer.wrap(header);
      int cookie = h.getInt();
      int payloadLength = h.getInt();
      int normalizingIndexOffset = h.getInt();
      int digits = h.getInt();
      long lowest = h.getLong();
      if ((cookie & ~0xf0) != V2_COOKIE_BASE || normalizingIndexOffset != 0 || digits != 3 || lowest != 1) {
        return false;
      }
      byte[] payload = new byte[payloadLength];
      int read = 0;
      while (read < payloadLength) {
        int n = inflater.inflate(payload, read, payloadLength - read);
        if (n == 0 && (inflater.finished() || inflater.needsInput())) {
          return false;
        }
        read += n;
      }
      return addPayload(sum, payload);
    } catch (DataFormatException e) {
      return false;
    }
  }

  /**
   * The counts as HdrHistogram writes them: ZigZag LEB128 longs, a positive one the count at the
   * next index, a negative one a run of that many empty indexes. Checked whole before anything is
   * added, so a damaged payload adds nothing.
   */
  private static boolean addPayload(Histogram sum, byte[] payload) {
    int[] position = {0};
    int index = 0;
    while (position[0] < payload.length) {
      long count = zigZag(payload, position);
      if (count == Long.MIN_VALUE) {
        return false;
      }
      index += count < 0 ? (int) -count : 1;
    }
    position[0] = 0;
    index = 0;
    while (position[0] < payload.length) {
      long count = zigZag(payload, position);
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
  private static long valueAt(int index) {
    int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  /** One ZigZag LEB128 long (HdrHistogram's: the ninth byte carries 8 bits); MIN_VALUE if truncated. */
  private static long zigZag(byte[] b, int[] position) {
    int p = position[0];
    long value = 0;
    for (int i = 0; i < 9; i++) {
      if (p >= b.length) {
        return Long.MIN_VALUE;
      }
      long next = b[p++];
      if (i == 8) {
        value |= (next & 0xff) << 56;
        break;
      }
      value |= (next & 0x7f) << (7 * i);
      if ((next & 0x80) == 0) {
        break;
      }
    }
    position[0] = p;
    return (value >>> 1) ^ (-(value & 1));
  }
}
