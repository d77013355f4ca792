package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  private static List<Double> arrivals(RatePlan plan, Arrivals spacing, long seed) {
    ArrivalSchedule schedule = new ArrivalSchedule(plan, spacing, seed);
    List<Double> times = new ArrayList<>();
    for (double t = schedule.next(); !Double.isNaN(t); t = schedule.next()) {
      times.add(t);
    }
    return times;
  }

  private static long countIn(List<Double> times, double from, double to) {
    return times.stream().filter(t -> t >= from && t < to).count();
  }

  @Test
  void uniformArrivalsAreEvenlySpaced() {
    List<Double> times = arrivals(RateProfile.constant(100).plan(Duration.ofSeconds(2)), Arrivals.UNIFORM, 1);
    assertThat(times).hasSize(200);
    assertThat(times.get(0)).isCloseTo(0.005, within(1e-9));
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).isCloseTo(0.01, within(1e-9));
    }
  }

  @Test
  void uniformCountsInAnyWindowMatchTheIntegralToWithinOne() {
    RatePlan plan = RateProfile.stages(0, Stage.rampTo(500, Duration.ofSeconds(3)), Stage.rampTo(120, Duration.ofSeconds(4)))
        .plan(Duration.ofSeconds(9));
    List<Double> times = arrivals(plan, Arrivals.UNIFORM, 1);
    assertThat((double) times.size()).isCloseTo(plan.totalArrivals(), within(1.0));
    for (double from = 0; from < 9; from += 0.37) {
      for (double len : new double[] {0.1, 1, 2.5}) {
        double expected = plan.expectedArrivals(from, Math.min(9, from + len));
        assertThat((double) countIn(times, from, from + len)).isCloseTo(expected, within(1.0));
      }
    }
  }

  @Test
  void burstArrivalsComeAtOnce() {
    List<Double> times = arrivals(RateProfile.burst(40, Duration.ofSeconds(1)).plan(Duration.ofSeconds(3)), Arrivals.UNIFORM, 1);
    assertThat(times).hasSize(120);
    assertThat(countIn(times, 0, 1e-9)).isEqualTo(40);
    assertThat(countIn(times, 1, 1 + 1e-9)).isEqualTo(40);
  }

  @Test
  void poissonArrivalsHaveTheExpectedCountAndAreSeeded() {
    RatePlan plan = RateProfile.constant(1000).plan(Duration.ofSeconds(100));
    List<Double> times = arrivals(plan, Arrivals.POISSON, 5);
    // Poisson(100,000): sd ≈ 316, so 5 sd is 1,581.
    assertThat(times.size()).isBetween(100_000 - 1581, 100_000 + 1581);
    assertThat(arrivals(plan, Arrivals.POISSON, 5)).isEqualTo(times);
    // Exponential gaps: the share of gaps above the mean is e^-1.
    long above = 0;
    for (int i = 1; i < times.size(); i++) {
      above += times.get(i) - times.get(i - 1) > 0.001 ? 1 : 0;
    }
    assertThat((double) above / times.size()).isCloseTo(Math.exp(-1), within(0.01));
  }
}
