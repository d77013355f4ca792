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

    assertThat(summary).isEqualTo(new SystemSummary(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, MemoryGrowth.NONE));
  }

  /** The case: an 18 ms last interval read 100 % and made the run's peak. */
  @Test
  void cpuIsWeightedByTimeAndAShortLastIntervalMakesNoPeak() {
    SystemSummary summary = SystemSummaries.of(List.of(
        interval(0, 1, sample(0.30, 0.50, 1, 1, 0, 0, 1, 0, 0)),
        interval(1, 1, sample(0.35, 0.60, 1, 1, 0, 0, 1, 0, 0)),
        interval(2, 0.018, sample(1.0, 1.0, 1, 1, 0, 0, 1, 0, 0))));

    assertThat(summary.processCpuPeak()).isCloseTo((0.35 + 0.018) / 1.018, within(1e-9));
    assertThat(summary.processCpuAverage()).isCloseTo((0.30 + 0.35 + 0.018) / 2.018, within(1e-9));
    assertThat(summary.machineCpuPeak()).isCloseTo((0.60 + 0.018) / 1.018, within(1e-9));
  }

  @Test
  void memoryGrowthCountsReadingsFromTheFirstIntervalsStartToTheLastOnesEnd() {
    // Measured from 100 s to 160 s; a reading just before (the warm-up's) and after do not count.
    List<IntervalSnapshot> intervals = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      intervals.add(interval(100 + i, 1, sample(0.1, 0.1, 100 * MB, 1, 1, 0, 1, 0, 0)));
    }
    List<HeapAfterGc> readings = new ArrayList<>();
    readings.add(new HeapAfterGc(START.plusSeconds(99), 10 * MB, false));
    for (int s = 100; s <= 160; s += 5) {
      readings.add(new HeapAfterGc(START.plusSeconds(s), 100 * MB + (s % 10 == 0 ? MB : 0), false));
    }
    readings.add(new HeapAfterGc(START.plusSeconds(161), 900 * MB, false));

    SystemSummary summary = SystemSummaries.of(intervals, readings);

    assertThat(summary.memoryGrowth().collections()).isEqualTo(13);
    assertThat(summary.memoryGrowth().judgeable()).isTrue();
    assertThat(summary.memoryGrowthMbPerMinute()).isCloseTo(0, within(0.1));
  }

  @Test
  void withoutReadingsAfterCollectionThereIsNoGrowth() {
    // Heap in use climbing at the intervals' ends is garbage as much as data: not growth.
    long[] heap = {100 * MB, 102 * MB, 104 * MB, 106 * MB};
    long[] gcs = {0, 1, 0, 0};

    SystemSummary summary = SystemSummaries.of(heap(heap, gcs));

    assertThat(summary.memoryGrowth()).isEqualTo(MemoryGrowth.NONE);
    assertThat(summary.memoryGrowthMbPerMinute()).isNaN();
  }
}
