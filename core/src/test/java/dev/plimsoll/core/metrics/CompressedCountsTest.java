package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CompressedCountsTest {

  private static LatencyDistribution recorded(long seed, int count, double spread) {
    SplittableRandom random = new SplittableRandom(seed);
    Histogram h = LatencyDistribution.newHistogram();
    for (int i = 0; i < count; i++) {
      h.recordValue(LatencyDistribution.clamp((long) (1_000_000 * Math.exp(random.nextGaussian() * spread))));
    }
    return LatencyDistribution.of(h);
  }

  @Test
  void addingTheEncodingEqualsAddingTheDecodedHistogram() {
    for (long seed = 0; seed < 40; seed++) {
      LatencyDistribution d = recorded(seed, (int) (seed * 97 % 5_000) + 1, 0.2 + seed % 7);
      Histogram direct = LatencyDistribution.newHistogram();
      assertThat(CompressedCounts.addInto(direct, d.toCompressed())).isTrue();
      Histogram decoded = LatencyDistribution.newHistogram();
      decoded.add(d.toHistogram());
      assertThat(direct).as("seed %d", seed).isEqualTo(decoded);
      assertThat(LatencyStats.of(direct)).isEqualTo(d.stats());
    }
  }

  @Test
  void compressingAnUncompressedEncodingWritesWhatHdrHistogramWrites() {
    for (long seed = 0; seed < 30; seed++) {
      LatencyDistribution d = recorded(seed, (int) (seed * 131 % 4_000) + 1, 0.5 + seed % 5);
      byte[] uncompressed = CompressedCounts.uncompressed(d.toCompressed());
      assertThat(CompressedCounts.isUncompressed(uncompressed)).isTrue();
      assertThat(CompressedCounts.isUncompressed(d.toCompressed())).isFalse();
      assertThat(CompressedCounts.wellFormedEncoding(uncompressed)).isTrue();
      assertThat(CompressedCounts.compress(uncompressed)).as("seed %d", seed).isEqualTo(d.toCompressed());
    }
  }

  @Test
  void aHistogramOfMoreValuesThanAnyRunHasIsNotReadable() {
    Histogram h = LatencyDistribution.newHistogram();
    h.recordValueWithCount(1_000, CompressedCounts.MAX_TOTAL_COUNT / 2);
    h.recordValueWithCount(2_000, CompressedCounts.MAX_TOTAL_COUNT / 2);
    assertThat(CompressedCounts.readable(LatencyDistribution.of(h).toCompressed())).isTrue();
    h.recordValue(3_000);
    assertThat(CompressedCounts.readable(LatencyDistribution.of(h).toCompressed())).isFalse();
  }

  @Test
  void indexesAndValuesAreLaidOutAsHdrHistogramLaysThemOut() {
    Histogram h = LatencyDistribution.newFullRangeHistogram();
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong(1, LatencyDistribution.HIGHEST_TRACKABLE_NANOS + 1) >>> random.nextInt(40);
      int index = CompressedCounts.indexOf(value);
      assertThat(CompressedCounts.valueAt(index)).as("value %d", value).isEqualTo(h.lowestEquivalentValue(value));
      assertThat(CompressedCounts.valueAt(index + 1)).as("value %d", value).isEqualTo(h.nextNonEquivalentValue(value));
    }
    assertThat(CompressedCounts.RECORDABLE_INDEXES - 1)
        .isEqualTo(CompressedCounts.indexOf(LatencyDistribution.HIGHEST_TRACKABLE_NANOS));
  }

  @Test
  void extremesAndRepeatsAddExactly() {
    Histogram h = LatencyDistribution.newHistogram();
    h.recordValueWithCount(1, 5);
    h.recordValueWithCount(LatencyDistribution.HIGHEST_TRACKABLE_NANOS, 3);
    h.recordValueWithCount(1_234_567, 1L << 40);
    LatencyDistribution d = LatencyDistribution.of(h);
    Histogram full = LatencyDistribution.newFullRangeHistogram();
    assertThat(CompressedCounts.addInto(full, d.toCompressed())).isTrue();
    assertThat(CompressedCounts.addInto(full, d.toCompressed())).isTrue();
    Histogram expected = LatencyDistribution.newFullRangeHistogram();
    expected.add(h);
    expected.add(h);
    assertThat(full).isEqualTo(expected);
  }

  @Test
  void somethingElseIsLeftToHdrHistogram() {
    Histogram sum = LatencyDistribution.newHistogram();
    assertThat(CompressedCounts.addInto(sum, new byte[] {1, 2, 3})).isFalse();
    Histogram other = new Histogram(1000, 3_600_000_000_000L, 2);
    other.recordValue(5_000);
    assertThat(CompressedCounts.addInto(sum, LatencyDistribution.of(other).toCompressed())).isFalse();
    assertThat(sum.getTotalCount()).isZero();
    // mergeAll still merges it, through the decoder.
    assertThat(LatencyDistribution.mergeAll(List.of(LatencyDistribution.of(other), recorded(1, 10, 1))).count())
        .isEqualTo(11);
  }

  /** Found by fuzzing a result file: a deflated length beyond the bytes was read as "the rest", HdrHistogram then failed late. */
  @Test
  void aDeflatedLengthBeyondTheBytesIsNotReadable_andTheReadRefusesIt() {
    Histogram h = LatencyDistribution.newHistogram();
    h.recordValue(1_000);
    byte[] good = LatencyDistribution.of(h).toCompressed();
    byte[] bad = good.clone();
    java.nio.ByteBuffer.wrap(bad).putInt(4, 268_435_500);

    assertThat(CompressedCounts.readable(good)).isTrue();
    assertThat(CompressedCounts.readable(bad)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencyDistribution.fromCompressed(bad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a compressed HdrHistogram");
  }

  @Test
  void anIndexBeyondAnyLongValueIsNotReadable() {
    // A payload of one run of empty indexes past the last a long value has, then a count of 1.
    byte[] payload = {(byte) 0xff, (byte) 0xff, 0x07, 0x02}; // zigzag(-65536), zigzag(1)
    java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate(40 + payload.length);
    raw.putInt(0x1c849303 | 0x10).putInt(payload.length).putInt(0).putInt(3).putLong(1).putLong(Long.MAX_VALUE)
        .putDouble(1.0).put(payload);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(raw.array());
    deflater.finish();
    byte[] deflated = new byte[1024];
    int length = deflater.deflate(deflated);
    java.nio.ByteBuffer encoded = java.nio.ByteBuffer.allocate(8 + length);
    encoded.putInt(0x1c849304 | 0x10).putInt(length).put(deflated, 0, length);
    assertThat(CompressedCounts.readable(encoded.array())).isFalse();
    Histogram sum = LatencyDistribution.newHistogram();
    assertThat(CompressedCounts.addInto(sum, encoded.array())).isFalse();
    assertThat(sum.getTotalCount()).isZero();
    assertThat(CompressedCounts.readable(recorded(2, 100, 1).toCompressed())).isTrue();
  }
}
