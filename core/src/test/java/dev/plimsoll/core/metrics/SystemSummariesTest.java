package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemSummariesTest {

  private static final long MB = 1024 * 1024;
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static IntervalSnapshot interval(double startSecond, double lengthSeconds,
      SystemSample system) {
    return new IntervalSnapshot(0, START.plusMillis((long) (startSecond * 1000)),
        Duration.ofMillis((long) (lengthSeconds * 1000)), false, 0, List.of(),
        LatencyDistribution.empty(), LatencyDistribution.empty(), LatencyDistribution.empty(), system);
  }

  private static SystemSample sample(double processCpu, double machineCpu, long heapUsed,
      long rss, long gcCount, double gcPauseMs, int threads, long received, long sent) {
    return new SystemSample(processCpu, machineCpu, heapUsed, heapUsed * 2, rss, gcCount, gcPauseMs,
        threads, received, sent);
  }

  /** Heap in use at the end of each one-second interval, with {@code gcs} collections in each. */
  private static List<IntervalSnapshot> heap(long[] heapUsed, long[] gcs) {
    List<IntervalSnapshot> intervals = new ArrayList<>();
    for (int i = 0; i < heapUsed.length; i++) {
      intervals.add(interval(i, 1, sample(0.1, 0.1, heapUsed[i], 1, gcs[i], 0, 1, 0, 0)));
    }
    return intervals;
  }

  @Test
  void noIntervalsIsUnknown() {
    assertThat(SystemSummaries.of(List.of())).isEqualTo(SystemSummary.UNKNOWN);
  }

  @Test
  void averagesPeaksAndTotalsSkipUnknownValues() {
    SystemSummary summary = SystemSummaries.of(List.of(
        interval(0, 1, sample(0.2, 0.5, 100 * MB, 300 * MB, 2, 10.5, 40, 1000, 10)),
        interval(1, 1, sample(-1, -1, -1, -1, -1, -1, -1, -1, -1)),
        interval(2, 1, sample(0.6, 0.7, 150 * MB, 280 * MB, 0, 0, 44, 500, 5)),
        interval(3, 1, sample(0.4, -1, 120 * MB, 290 * MB, 1, 4.5, 42, 0, 0))));

    assertThat(summary.processCpuAverage()).isCloseTo(0.4, within(1e-12));
    assertThat(summary.processCpuPeak()).isEqualTo(0.6);
    assertThat(summary.machineCpuAverage()).isCloseTo(0.6, within(1e-12));
    assertThat(summary.machineCpuPeak()).isEqualTo(0.7);
    assertThat(summary.heapUsedPeakBytes()).isEqualTo(150 * MB);
    assertThat(summary.rssPeakBytes()).isEqualTo(300 * MB);
    assertThat(summary.gcCount()).isEqualTo(3);
    assertThat(summary.gcPauseMs()).isEqualTo(15.0);
    assertThat(summary.threadPeak()).isEqualTo(44);
    assertThat(summary.networkReceivedBytes()).isEqualTo(1500);
    assertThat(summary.networkSentBytes()).isEqualTo(15);
  }

  @Test
  void valuesNoIntervalKnewAreUnknown() {
    SystemSummary summary = SystemSummaries.of(List.of(
        interval(0, 1, SystemSample.UNKNOWN), interval(1, 1, null)));

    assertThat(summary).isEqualTo(new SystemSummary(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0));
  }

  @Test
  void growthTimesAreFromTheFirstStartToEachIntervalsEnd() {
    // The last interval is half as long: ends at 1, 2 and 2.5 s, heap on a 1 MB/s line there.
    SystemSummary summary = SystemSummaries.of(List.of(
        interval(0, 1, sample(0, 0, 100 * MB, 1, 1, 0, 1, 0, 0)),
        interval(1, 1, sample(0, 0, 101 * MB, 1, 1, 0, 1, 0, 0)),
        interval(2, 0.5, sample(0, 0, 101 * MB + MB / 2, 1, 1, 0, 1, 0, 0))));

    assertThat(summary.memoryGrowthMbPerMinute()).isCloseTo(60, within(1e-9));
  }

  @Test
  void growthUsesIntervalsThatSawACollection() {
    // After each collection heap is back at 100 MB; in between it climbs high.
    long[] heap = {100 * MB, 300 * MB, 500 * MB, 100 * MB, 300 * MB, 500 * MB, 100 * MB, 400 * MB};
    long[] gcs = {1, 0, 0, 1, 0, 0, 2, 0};

    SystemSummary summary = SystemSummaries.of(heap(heap, gcs));

    assertThat(summary.memoryGrowthMbPerMinute()).isCloseTo(0, within(1e-9));
  }

  @Test
  void withoutCollectionsGrowthIsTheRawHeapTrend() {
    long[] heap = {100 * MB, 102 * MB, 104 * MB, 106 * MB};
    long[] gcs = {0, 0, 0, 0};

    SystemSummary summary = SystemSummaries.of(heap(heap, gcs));

    assertThat(summary.memoryGrowthMbPerMinute()).isCloseTo(120, within(1e-9));
  }

  @Test
  void oneCollectionIsTooFewToFitSoTheRawTrendIsUsed() {
    long[] heap = {100 * MB, 102 * MB, 104 * MB, 106 * MB};
    long[] gcs = {0, 1, 0, 0};

    SystemSummary summary = SystemSummaries.of(heap(heap, gcs));

    assertThat(summary.memoryGrowthMbPerMinute()).isCloseTo(120, within(1e-9));
  }

  @Test
  void growthIsZeroWithoutHeapReadings() {
    SystemSummary summary = SystemSummaries.of(List.of(
        interval(0, 1, sample(0.5, 0.5, -1, 1, 1, 0, 1, 0, 0)),
        interval(1, 1, sample(0.5, 0.5, -1, 1, 1, 0, 1, 0, 0))));

    assertThat(summary.memoryGrowthMbPerMinute()).isZero();
    assertThat(summary.heapUsedPeakBytes()).isEqualTo(-1);
  }
}
