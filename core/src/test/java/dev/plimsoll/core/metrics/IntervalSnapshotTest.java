package dev.plimsoll.core.metrics;

import static dev.plimsoll.core.metrics.TestLatencies.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots of one interval from two machines merge exactly: counts add, histograms add. */
class IntervalSnapshotTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static ErrorClass error(String op, long count, long atMs) {
    return new ErrorClass(op, "java.io.IOException", "reset", count, T0.plusMillis(atMs), T0.plusMillis(atMs),
        List.of(new ErrorSample(T0.plusMillis(atMs), "reset")));
  }

  private static IntervalSnapshot snapshot(long okSearch, long failedSearch, LatencyDistribution searchTimes, List<ErrorClass> errors) {
    OperationStats search = new OperationStats("search", okSearch + failedSearch, okSearch, failedSearch, 1, 2,
        searchTimes, searchTimes, errors);
    OperationStats buy = new OperationStats("buy", 1, 1, 0, 0, 0, nanos(5_000_000), nanos(4_000_000), List.of());
    return new IntervalSnapshot(3, T0, Duration.ofSeconds(1), false, 100, List.of(search, buy), nanos(1000),
        nanos(200_000), nanos(30_000, 40_000), SystemSample.UNKNOWN);
  }

  @Test
  void mergingAddsCountsDistributionsAndErrors() {
    IntervalSnapshot a = snapshot(10, 1, nanos(1_000_000, 2_000_000), List.of(error("search", 1, 10)));
    IntervalSnapshot b = snapshot(20, 2, nanos(3_000_000), List.of(error("search", 2, 5)));
    IntervalSnapshot merged = a.merge(b);
    OperationStats search = merged.operation("search");
    assertThat(search.succeeded()).isEqualTo(30);
    assertThat(search.failed()).isEqualTo(3);
    assertThat(search.dropped()).isEqualTo(2);
    assertThat(search.inFlight()).isEqualTo(4);
    assertThat(search.responseTime().count()).isEqualTo(3);
    assertThat(search.responseTime().stats().maxMs()).isEqualTo(nanos(3_000_000).stats().maxMs());
    assertThat(search.errors()).singleElement().satisfies(e -> {
      assertThat(e.count()).isEqualTo(3);
      assertThat(e.first()).isEqualTo(T0.plusMillis(5));
      assertThat(e.samples()).hasSize(2);
    });
    assertThat(merged.expectedArrivals()).isEqualTo(200);
    assertThat(merged.total().completed()).isEqualTo(35);
    assertThat(merged.schedulingLag().count()).isEqualTo(2);
    assertThat(merged.toWire().count()).isEqualTo(2);
    assertThat(merged.afterAnswer().count()).isEqualTo(4);
  }

  @Test
  void onlyTheSameIntervalMerges() {
    IntervalSnapshot a = snapshot(1, 0, nanos(1), List.of());
    IntervalSnapshot other = new IntervalSnapshot(4, T0, Duration.ofSeconds(1), false, 0, List.of(), nanos(), nanos(), nanos(),
        SystemSample.UNKNOWN);
    assertThatThrownBy(() -> a.merge(other)).hasMessageContaining("cannot merge interval 4 into interval 3");
  }

  /** A snapshot read from an older file may lack the client's costs: the other's stand. */
  @Test
  void aMissingDistributionMergesAsNothing() {
    IntervalSnapshot a = snapshot(1, 0, nanos(1), List.of());
    IntervalSnapshot old = new IntervalSnapshot(3, T0, Duration.ofSeconds(1), false, 0, List.of(), null, null, null,
        SystemSample.UNKNOWN);
    assertThat(old.merge(a).afterAnswer()).isEqualTo(a.afterAnswer());
    assertThat(a.merge(old).toWire()).isEqualTo(a.toWire());
    assertThat(a.merge(old).schedulingLag()).isEqualTo(a.schedulingLag());
  }

  @Test
  void errorSamplesStayBoundedWhenMerged() {
    List<ErrorSample> many = java.util.stream.IntStream.range(0, ErrorClass.MAX_SAMPLES)
        .mapToObj(i -> new ErrorSample(T0.plusMillis(i), "reset")).toList();
    ErrorClass full = new ErrorClass("search", "java.io.IOException", "reset", 100, T0, T0.plusMillis(99), many);
    assertThat(full.merge(full).samples()).hasSize(ErrorClass.MAX_SAMPLES);
    assertThat(full.merge(full).count()).isEqualTo(200);
  }
}
