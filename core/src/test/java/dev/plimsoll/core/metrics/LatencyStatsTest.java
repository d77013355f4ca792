package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A summary is what HdrHistogram's own getters say, however the histogram was filled. */
class LatencyStatsTest {
  private static final double MS = 1_000_000.0;

  private static void assertSameAsHdrHistogram(Histogram h) {
    LatencyStats s = LatencyStats.of(h);
    assertThat(s.count()).isEqualTo(h.getTotalCount());
    assertThat(s.minMs()).isEqualTo(h.getMinValue() / MS);
    assertThat(s.maxMs()).isEqualTo(h.getMaxValue() / MS);
    assertThat(s.meanMs()).isCloseTo(h.getMean() / MS, within(1e-9 * Math.max(1, h.getMean() / MS)));
    assertThat(s.stdDevMs()).isCloseTo(h.getStdDeviation() / MS, within(1e-9 * Math.max(1, h.getStdDeviation() / MS)));
    assertThat(s.p50Ms()).isEqualTo(h.getValueAtPercentile(50) / MS);
    assertThat(s.p90Ms()).isEqualTo(h.getValueAtPercentile(90) / MS);
    assertThat(s.p95Ms()).isEqualTo(h.getValueAtPercentile(95) / MS);
    assertThat(s.p99Ms()).isEqualTo(h.getValueAtPercentile(99) / MS);
    assertThat(s.p999Ms()).isEqualTo(h.getValueAtPercentile(99.9) / MS);
    assertThat(s.p9999Ms()).isEqualTo(h.getValueAtPercentile(99.99) / MS);
  }

  @Test
  void matchesHdrHistogramOnRandomDistributions() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      Histogram h = round % 2 == 0 ? LatencyDistribution.newFullRangeHistogram() : LatencyDistribution.newHistogram();
      int values = 1 + random.nextInt(round < 50 ? 5 : 20_000);
      for (int i = 0; i < values; i++) {
        // Log-uniform from 1 ns to about an hour, with a heavy body around 100 µs.
        long v = random.nextInt(4) == 0
            ? (long) Math.exp(random.nextDouble() * Math.log(3.6e12))
            : 50_000 + random.nextLong(200_000);
        h.recordValueWithCount(Math.max(1, v), 1 + random.nextInt(3));
      }
      assertSameAsHdrHistogram(h);
    }
  }

  @Test
  void oneValueAndBoundaryCounts() {
    Histogram one = LatencyDistribution.newHistogram();
    one.recordValue(123_456);
    assertSameAsHdrHistogram(one);
    Histogram hundred = LatencyDistribution.newFullRangeHistogram();
    for (int i = 1; i <= 100; i++) {
      hundred.recordValue(i * 1_000_000L);
    }
    assertSameAsHdrHistogram(hundred);
    assertThat(LatencyStats.of(LatencyDistribution.newHistogram())).isSameAs(LatencyStats.EMPTY);
  }
}
