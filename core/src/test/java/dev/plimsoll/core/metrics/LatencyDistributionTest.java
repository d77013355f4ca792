package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {

  /** The value at percentile p of sorted values, by HdrHistogram's rank rule (ceil(p·n)). */
  private static long bruteForce(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  @Test
  void percentilesAgreeWithBruteForceToThePrecision() {
    SplittableRandom random = new SplittableRandom(3);
    long[] values = new long[200_000];
    Histogram h = LatencyDistribution.newHistogram();
    for (int i = 0; i < values.length; i++) {
      // Log-normal-ish latencies from 50 µs to seconds.
      values[i] = (long) (50_000 * Math.exp(random.nextGaussian() * 1.5 + 1));
      h.recordValue(values[i]);
    }
    Arrays.sort(values);
    LatencyStats stats = LatencyDistribution.of(h).stats();
    double[][] checks = {
        {50, stats.p50Ms()}, {90, stats.p90Ms()}, {95, stats.p95Ms()}, {99, stats.p99Ms()},
        {99.9, stats.p999Ms()}, {99.99, stats.p9999Ms()}};
    for (double[] c : checks) {
      double exactMs = bruteForce(values, c[0]) / 1e6;
      assertThat(c[1]).as("p%s", c[0]).isCloseTo(exactMs, within(exactMs * 0.001 + 1e-6));
    }
    assertThat(stats.maxMs()).isCloseTo(values[values.length - 1] / 1e6, within(values[values.length - 1] / 1e9));
    assertThat(stats.minMs()).isCloseTo(values[0] / 1e6, within(values[0] / 1e9));
    assertThat(stats.count()).isEqualTo(values.length);
  }

  @Test
  void compressedFormRoundTripsAndMergesExactly() {
    Histogram a = LatencyDistribution.newHistogram();
    Histogram b = LatencyDistribution.newHistogram();
    for (int i = 1; i <= 1000; i++) {
      a.recordValue(i * 1000L);
      b.recordValue(i * 7_000_000L);
    }
    LatencyDistribution da = LatencyDistribution.fromBase64(LatencyDistribution.of(a).toBase64());
    assertThat(da).isEqualTo(LatencyDistribution.of(a));
    LatencyDistribution merged = da.merge(LatencyDistribution.of(b));
    Histogram both = LatencyDistribution.newHistogram();
    both.add(a);
    both.add(b);
    assertThat(merged.stats()).isEqualTo(LatencyStats.of(both));
    assertThat(LatencyDistribution.mergeAll(java.util.List.of(LatencyDistribution.of(a), LatencyDistribution.of(b))).stats())
        .isEqualTo(merged.stats());
  }

  @Test
  void emptyDistribution() {
    assertThat(LatencyDistribution.empty().count()).isZero();
    assertThat(LatencyDistribution.empty().stats()).isEqualTo(LatencyStats.EMPTY);
    assertThat(LatencyDistribution.empty().merge(LatencyDistribution.empty()).count()).isZero();
  }

  @Test
  void readFromItsEncodingItSummarisesAndMergesAsTheOriginal() {
    SplittableRandom random = new SplittableRandom(5);
    Histogram a = LatencyDistribution.newHistogram();
    Histogram b = LatencyDistribution.newHistogram();
    for (int i = 0; i < 20_000; i++) {
      a.recordValue(LatencyDistribution.clamp((long) (1_000_000 * Math.exp(random.nextGaussian() * 2))));
      b.recordValue(LatencyDistribution.clamp((long) (3_000_000 * Math.exp(random.nextGaussian()))));
    }
    LatencyDistribution readA = LatencyDistribution.fromCompressed(LatencyDistribution.of(a).toCompressed());
    LatencyDistribution readB = LatencyDistribution.fromCompressed(LatencyDistribution.of(b).toCompressed());
    // Merged before either was summarised, then summarised: as one histogram recording both.
    Histogram both = LatencyDistribution.newHistogram();
    both.add(a);
    both.add(b);
    LatencyDistribution merged = LatencyDistribution.mergeAll(List.of(readA, readB));
    assertThat(merged.toHistogram()).isEqualTo(both);
    assertThat(merged.stats()).isEqualTo(LatencyStats.of(both));
    assertThat(readA.stats()).isEqualTo(LatencyStats.of(a));
    assertThat(readB.count()).isEqualTo(20_000);
    assertThat(LatencyDistribution.fromCompressed(LatencyDistribution.empty().toCompressed()).count()).isZero();
  }

  @Test
  void readToBeMergedItMergesAndSummarisesAsAnyOther_asOftenAsAsked() {
    SplittableRandom random = new SplittableRandom(8);
    Histogram a = LatencyDistribution.newHistogram();
    Histogram b = LatencyDistribution.newHistogram();
    for (int i = 0; i < 5_000; i++) {
      a.recordValue(LatencyDistribution.clamp((long) (1_000_000 * Math.exp(random.nextGaussian() * 2))));
      b.recordValue(LatencyDistribution.clamp((long) (2_000 * Math.exp(random.nextGaussian()))));
    }
    byte[] encodedA = LatencyDistribution.of(a).toCompressed();
    LatencyDistribution toMergeA = LatencyDistribution.readToMerge(encodedA);
    LatencyDistribution toMergeB = LatencyDistribution.readToMerge(LatencyDistribution.of(b).toCompressed());
    Histogram both = LatencyDistribution.newHistogram();
    both.add(a);
    both.add(b);
    // The first merge takes the counts kept from the read; the second inflates them again.
    assertThat(LatencyDistribution.mergeAll(List.of(toMergeA, toMergeB)).toHistogram()).isEqualTo(both);
    assertThat(LatencyDistribution.mergeAll(List.of(toMergeA, toMergeB)).toHistogram()).isEqualTo(both);
    assertThat(LatencyDistribution.readToMerge(encodedA).merge(toMergeB).toHistogram()).isEqualTo(both);
    assertThat(toMergeA).isEqualTo(LatencyDistribution.fromCompressed(encodedA));
    assertThat(toMergeA.stats()).isEqualTo(LatencyStats.of(a));
    assertThat(LatencyDistribution.readToMerge(encodedA).stats()).isEqualTo(LatencyStats.of(a));
    byte[] flipped = encodedA.clone();
    flipped[encodedA.length / 2] ^= 0x5a;
    assertThatThrownBy(() -> LatencyDistribution.readToMerge(flipped))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a compressed HdrHistogram");
  }

  @Test
  void readToBeMergedFromItsUncompressedEncodingItIsTheSameDistribution() {
    SplittableRandom random = new SplittableRandom(9);
    Histogram a = LatencyDistribution.newHistogram();
    for (int i = 0; i < 7_000; i++) {
      a.recordValue(LatencyDistribution.clamp((long) (500_000 * Math.exp(random.nextGaussian() * 1.7))));
    }
    LatencyDistribution original = LatencyDistribution.of(a);
    byte[] uncompressed = original.toUncompressed();
    // HdrHistogram reads it as its own uncompressed encoding.
    assertThat(Histogram.decodeFromByteBuffer(java.nio.ByteBuffer.wrap(uncompressed), 0)).isEqualTo(a);
    LatencyDistribution read = LatencyDistribution.readToMerge(uncompressed);
    assertThat(read.stats()).isEqualTo(original.stats());
    assertThat(read.toHistogram()).isEqualTo(a);
    assertThat(LatencyDistribution.mergeAll(List.of(read, read)).toHistogram())
        .isEqualTo(LatencyDistribution.mergeAll(List.of(original, original)).toHistogram());
    // Compressed when asked for: byte for byte the original's, so equal to it, before and after merging.
    LatencyDistribution again = LatencyDistribution.readToMerge(uncompressed);
    assertThat(again).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(LatencyDistribution.mergeAll(List.of(again)).toHistogram()).isEqualTo(a);
    assertThat(again.toCompressed()).isEqualTo(original.toCompressed());
    assertThat(again.toUncompressed()).isEqualTo(uncompressed);
    assertThat(LatencyDistribution.readToMerge(LatencyDistribution.empty().toUncompressed()).count()).isZero();
  }

  @Test
  void aDamagedUncompressedEncodingIsRefusedWhenReadToBeMerged() {
    Histogram h = LatencyDistribution.newHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * 12_345L);
    }
    byte[] good = LatencyDistribution.of(h).toUncompressed();
    byte[] truncated = Arrays.copyOf(good, good.length - 1);
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    byte[] flipped = good.clone();
    flipped[good.length - 1] = (byte) 0x80; // a long cut off at the end
    for (byte[] bad : List.of(truncated, longer, flipped, Arrays.copyOf(good, 30))) {
      assertThatThrownBy(() -> LatencyDistribution.readToMerge(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an uncompressed HdrHistogram");
    }
    assertThatThrownBy(() -> LatencyDistribution.fromCompressed(good))
        .as("result files hold compressed histograms only").isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anotherPrecisionIsReadToBeMergedThroughHdrHistogramsDecoder_compressedOrNot() {
    Histogram coarse = new Histogram(1000, 3_600_000_000_000L, 2);
    coarse.recordValue(5_000);
    coarse.recordValue(7_000_000);
    LatencyDistribution original = LatencyDistribution.of(coarse);
    byte[] uncompressed = original.toUncompressed();
    for (LatencyDistribution read : List.of(LatencyDistribution.readToMerge(uncompressed),
        LatencyDistribution.readToMerge(original.toCompressed()))) {
      assertThat(read.stats()).isEqualTo(LatencyStats.of(coarse));
      assertThat(read).isEqualTo(original);
      assertThat(read.toUncompressed()).isEqualTo(uncompressed);
    }
    assertThatThrownBy(() -> LatencyDistribution.readToMerge(Arrays.copyOf(uncompressed, uncompressed.length + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an uncompressed HdrHistogram");
  }

  @Test
  void aDistributionReadToBeMergedAddsIntoAHistogramAsWell() {
    Histogram h = LatencyDistribution.newHistogram();
    for (int i = 1; i <= 3_000; i++) {
      h.recordValue(i * 7_919L);
    }
    LatencyDistribution read = LatencyDistribution.readToMerge(LatencyDistribution.of(h).toCompressed());
    Histogram sum = LatencyDistribution.newHistogram();
    read.addInto(sum);
    read.addInto(sum);
    Histogram twice = LatencyDistribution.newHistogram();
    twice.add(h);
    twice.add(h);
    assertThat(sum).isEqualTo(twice);
  }

  @Test
  void aDamagedEncodingIsRefusedWhenRead() {
    Histogram h = LatencyDistribution.newHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * 12_345L);
    }
    byte[] good = LatencyDistribution.of(h).toCompressed();
    byte[] truncated = Arrays.copyOf(good, good.length - 5);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x5a;
    for (byte[] bad : List.of(truncated, flipped, new byte[] {1, 2, 3}, new byte[0])) {
      assertThatThrownBy(() -> LatencyDistribution.fromCompressed(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a compressed HdrHistogram");
    }
  }

  @Test
  void anotherPrecisionIsReadThroughHdrHistogramsDecoder() {
    Histogram other = new Histogram(1000, 3_600_000_000_000L, 2);
    other.recordValue(5_000);
    other.recordValue(7_000_000);
    LatencyDistribution read = LatencyDistribution.fromCompressed(LatencyDistribution.of(other).toCompressed());
    assertThat(read.stats()).isEqualTo(LatencyStats.of(other));
  }
}
