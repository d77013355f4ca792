package dev.plimsoll.core.metrics;

import static dev.plimsoll.core.metrics.TestLatencies.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Measurements are the merge of a run's measured intervals, built from the snapshots alone. */
class MeasurementsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ErrorClass timeout(String op, long count, int second) {
    Instant at = T0.plusSeconds(second);
    return new ErrorClass(op, "java.util.concurrent.TimeoutException", "after <n> ms", count, at, at,
        List.of(new ErrorSample(at, "after 1000 ms")));
  }

  private static IntervalSnapshot interval(int index, boolean warmUp, double expected, long inFlight,
      LatencyDistribution searchTimes, long failed, double cpu) {
    long completed = searchTimes.count();
    OperationStats search = new OperationStats("search", completed, completed - failed, failed, 1, inFlight,
        searchTimes, searchTimes, failed > 0 ? List.of(timeout("search", failed, index)) : List.of());
    OperationStats buy = new OperationStats("buy", 1, 1, 0, 0, 0, ms(50), ms(40), List.of());
    SystemSample system = new SystemSample(cpu, 0.5, 100, 200, 300, 0, 0, 10, 0, 0);
    return new IntervalSnapshot(index, T0.plusSeconds(index), Duration.ofSeconds(1), warmUp, expected,
        List.of(search, buy), ms(index + 1), ms(index + 2, index + 3),
        ms(index + 4), system);
  }

  private final List<IntervalSnapshot> run = List.of(
      interval(0, true, 10, 9, ms(900, 900), 2, 0.9), // warm-up: left out
      interval(1, false, 10, 4, ms(1, 2, 3), 1, 0.2),
      interval(2, false, 10, 3, ms(4, 5), 0, 0.4),
      interval(3, false, 5, 2, ms(6), 1, 0.3));

  @Test
  void countsAndDistributionsAddOverTheMeasuredWindow() {
    Measurements m = Measurements.of(run);

    assertThat(m.measuredDuration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(m.expectedArrivals()).isEqualTo(25);
    OperationStats search = m.operation("search").orElseThrow();
    assertThat(search.started()).isEqualTo(6);
    assertThat(search.completed()).isEqualTo(6);
    assertThat(search.failed()).isEqualTo(2);
    assertThat(search.dropped()).isEqualTo(3);
    assertThat(search.inFlight()).as("the last interval's gauge").isEqualTo(2);
    assertThat(search.responseTime().count()).isEqualTo(6);
    assertThat(search.responseTime().stats().maxMs()).isCloseTo(6, within(0.01));
    assertThat(search.errorRate()).isCloseTo(2 / 6.0, within(1e-12));
    assertThat(search.errors()).singleElement().satisfies(e -> {
      assertThat(e.count()).isEqualTo(2);
      assertThat(e.first()).isEqualTo(T0.plusSeconds(1));
      assertThat(e.last()).isEqualTo(T0.plusSeconds(3));
    });
    assertThat(search.throughputPerSecond(m.measuredDuration())).isEqualTo(2.0);
  }

  @Test
  void theTotalMergesEveryOperation() {
    Measurements m = Measurements.of(run);

    assertThat(m.operations()).extracting(OperationStats::name).containsExactly("search", "buy");
    assertThat(m.total().completed()).isEqualTo(9);
    assertThat(m.total().responseTime().count()).isEqualTo(9);
    assertThat(m.total().responseTime().stats().maxMs()).isCloseTo(50, within(0.1));
    assertThat(m.total().errors()).hasSize(1);
    assertThat(m.schedulingLag().count()).isEqualTo(3);
    assertThat(m.toWire().count()).isEqualTo(6);
    assertThat(m.toWire().stats().maxMs()).as("interval 3's, not the warm-up's").isCloseTo(6, within(0.01));
    assertThat(m.afterAnswer().count()).isEqualTo(3);
    assertThat(m.system().processCpuAverage()).isCloseTo(0.3, within(1e-12));
    assertThat(m.system().processCpuPeak()).isEqualTo(0.4);
  }

  @Test
  void aRunningMergeGivesWhatOneMergeAtTheEndGives() {
    Measurements.Builder running = Measurements.builder();
    for (IntervalSnapshot interval : run) {
      running.add(interval);
      running.build(); // judged after every interval
    }

    assertThat(running.build()).isEqualTo(Measurements.of(run));
  }

  /** A coordinator merges its workers' snapshots of each interval, then measures the merge. */
  @Test
  void snapshotsMergedFromTwoMachinesMeasureAsTheirSum() {
    List<IntervalSnapshot> merged = run.stream().map(i -> i.merge(i)).toList();

    Measurements one = Measurements.of(run);
    Measurements both = Measurements.of(merged);

    assertThat(both.total().completed()).isEqualTo(2 * one.total().completed());
    assertThat(both.total().responseTime().stats().p50Ms()).isEqualTo(one.total().responseTime().stats().p50Ms());
    assertThat(both.total().throughputPerSecond(both.measuredDuration())).isEqualTo(2 * one.total().throughputPerSecond(one.measuredDuration()));
    assertThat(both.measuredDuration()).isEqualTo(one.measuredDuration());
  }

  @Test
  void declaredOperationsAppearEvenWithoutData() {
    Measurements m = Measurements.builder().operation("login").add(run.get(0)).build();

    assertThat(m.operations()).extracting(OperationStats::name).containsExactly("login");
    assertThat(m.measuredDuration()).isZero();
    assertThat(m.total().throughputPerSecond(m.measuredDuration())).isZero();
    assertThat(m.system()).isEqualTo(SystemSummary.UNKNOWN);
  }

  @Test
  void readingsOfHeapAfterCollectionInTheWindowDecideMemoryGrowth() {
    // The window is 1 s to 3 s; the warm-up's reading at 0.5 s is left out.
    Measurements m = Measurements.builder()
        .add(run.get(1)).add(run.get(2))
        .addHeapAfterGc(new HeapAfterGc(T0.plusMillis(500), 10L << 20, false))
        .addHeapAfterGc(new HeapAfterGc(T0.plusSeconds(1), 100L << 20, false))
        .addHeapAfterGc(new HeapAfterGc(T0.plusSeconds(2), (100L << 20) + (1L << 19), false))
        .addHeapAfterGc(new HeapAfterGc(T0.plusSeconds(3), 101L << 20, false))
        .build();

    assertThat(m.system().memoryGrowthMbPerMinute()).isCloseTo(30, within(1e-9));
    assertThat(m.system().memoryGrowth().collections()).isEqualTo(3);
    assertThat(m.system().memoryGrowth().judgeable()).as("2 s is too short").isFalse();
  }
}
