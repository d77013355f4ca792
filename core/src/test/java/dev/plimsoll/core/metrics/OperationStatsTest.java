package dev.plimsoll.core.metrics;

import static dev.plimsoll.core.metrics.TestLatencies.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One type for an operation's numbers over any stretch of time: merged over time the in-flight
 * gauge is the later one's, summed across sources the gauges add; everything else adds either way.
 */
class OperationStatsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ErrorClass reset(long count, int second) {
    Instant at = T0.plusSeconds(second);
    return new ErrorClass("search", "java.io.IOException", "reset", count, at, at,
        List.of(new ErrorSample(at, "reset")));
  }

  private final OperationStats first =
      new OperationStats("search", 5, 3, 1, 2, 7, ms(1, 2, 3, 4), ms(1, 1, 1, 1), List.of(reset(1, 0)));
  private final OperationStats second =
      new OperationStats("search", 4, 4, 2, 0, 3, ms(10, 20, 30, 40, 50, 60), ms(5), List.of(reset(2, 1)));

  @Test
  void merge_addsCountsDistributionsAndErrors_andKeepsTheLaterInFlight() {
    OperationStats merged = first.merge(second);

    assertThat(merged.name()).isEqualTo("search");
    assertThat(merged.started()).isEqualTo(9);
    assertThat(merged.succeeded()).isEqualTo(7);
    assertThat(merged.failed()).isEqualTo(3);
    assertThat(merged.dropped()).isEqualTo(2);
    assertThat(merged.inFlight()).isEqualTo(3);
    assertThat(merged.responseTime().count()).isEqualTo(10);
    assertThat(merged.responseTime().stats().maxMs()).isEqualTo(ms(60).stats().maxMs());
    assertThat(merged.serviceTime().count()).isEqualTo(5);
    assertThat(merged.errors()).singleElement().satisfies(e -> {
      assertThat(e.count()).isEqualTo(3);
      assertThat(e.first()).isEqualTo(T0);
      assertThat(e.last()).isEqualTo(T0.plusSeconds(1));
    });
    assertThat(second.merge(first).inFlight()).isEqualTo(7);
  }

  @Test
  void sum_addsTheInFlightGaugesToo() {
    OperationStats sum = OperationStats.sum("total", List.of(first, second));

    assertThat(sum.name()).isEqualTo("total");
    assertThat(sum.inFlight()).isEqualTo(10);
    assertThat(sum.completed()).isEqualTo(first.merge(second).completed());
    assertThat(sum.responseTime().stats()).isEqualTo(first.merge(second).responseTime().stats());
    assertThat(OperationStats.sum("total", List.of())).isEqualTo(OperationStats.empty("total"));
  }

  @Test
  void mergingWithNothing_changesNoNumber() {
    OperationStats merged = OperationStats.empty("search").merge(first);

    assertThat(merged.withErrors(List.of())).usingRecursiveComparison()
        .ignoringFields("responseTime", "serviceTime")
        .isEqualTo(first.withErrors(List.of()));
    assertThat(merged.responseTime().stats()).isEqualTo(first.responseTime().stats());
    assertThat(merged.errors()).isEqualTo(first.errors());
  }

  @Test
  void derivedValues_followFromTheCounts() {
    OperationStats merged = first.merge(second);

    assertThat(merged.completed()).isEqualTo(10);
    assertThat(merged.errorRate()).isEqualTo(0.3);
    assertThat(merged.throughputPerSecond(Duration.ofMillis(2500))).isEqualTo(4.0);
    assertThat(merged.throughputPerSecond(Duration.ZERO)).isZero();
    assertThat(merged.throughputPerSecond(null)).as("an unknown window").isNaN();
    assertThat(OperationStats.empty("idle").errorRate()).isZero();
  }

  @Test
  void withErrors_replacesOnlyTheErrors() {
    List<ErrorClass> runLog = List.of(reset(3, 0));

    OperationStats replaced = first.withErrors(runLog);

    assertThat(replaced.errors()).isEqualTo(runLog);
    assertThat(replaced.withErrors(first.errors())).isEqualTo(first);
  }
}
