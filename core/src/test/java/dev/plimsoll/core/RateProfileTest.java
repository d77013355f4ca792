package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateProfileTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static double rateAt(RateProfile p, double seconds) {
    return p.plan(MINUTE).ratePerSecond(seconds);
  }

  @Test
  void constant() {
    RatePlan plan = RateProfile.constant(250).plan(Duration.ofSeconds(10));
    assertThat(plan.ratePerSecond(3.3)).isEqualTo(250);
    assertThat(plan.totalArrivals()).isCloseTo(2500, within(1e-6));
    assertThat(plan.expectedArrivals(2, 4)).isCloseTo(500, within(1e-6));
  }

  @Test
  void rampIsLinearThenHolds() {
    RateProfile ramp = RateProfile.ramp(0, 100, Duration.ofSeconds(10));
    assertThat(rateAt(ramp, 2.5)).isCloseTo(25, within(1e-9));
    assertThat(rateAt(ramp, 30)).isCloseTo(100, within(1e-9));
    RatePlan plan = ramp.plan(Duration.ofSeconds(20));
    // Triangle 0..10 s (500) plus 10 s held at 100/s (1000).
    assertThat(plan.totalArrivals()).isCloseTo(1500, within(1e-6));
  }

  @Test
  void stagesFollowEachTarget() {
    RateProfile stages = RateProfile.stages(10,
        Stage.rampTo(50, Duration.ofSeconds(4)), Stage.rampTo(50, Duration.ofSeconds(6)), Stage.rampTo(0, Duration.ofSeconds(2)));
    assertThat(rateAt(stages, 2)).isCloseTo(30, within(1e-9));
    assertThat(rateAt(stages, 7)).isCloseTo(50, within(1e-9));
    assertThat(rateAt(stages, 11)).isCloseTo(25, within(1e-9));
    RatePlan plan = stages.plan(Duration.ofSeconds(12));
    assertThat(plan.totalArrivals()).isCloseTo(4 * 30 + 6 * 50 + 2 * 25, within(1e-6));
  }

  @Test
  void stagesCutShortByTheRunEndWhereTheRunEnds() {
    RatePlan plan = RateProfile.stages(0, Stage.rampTo(100, Duration.ofSeconds(10))).plan(Duration.ofSeconds(5));
    assertThat(plan.durationSeconds()).isEqualTo(5);
    assertThat(plan.totalArrivals()).isCloseTo(125, within(1e-6));
  }

  @Test
  void spike() {
    RateProfile spike = RateProfile.spike(100, 1000, Duration.ofSeconds(10), Duration.ofSeconds(2));
    assertThat(rateAt(spike, 9.99)).isEqualTo(100);
    assertThat(rateAt(spike, 10)).isEqualTo(1000);
    assertThat(rateAt(spike, 11.99)).isEqualTo(1000);
    assertThat(rateAt(spike, 12)).isEqualTo(100);
    assertThat(spike.plan(Duration.ofSeconds(20)).totalArrivals()).isCloseTo(18 * 100 + 2 * 1000, within(1e-6));
  }

  @Test
  void burstPutsItsArrivalsAtOneInstant() {
    RatePlan plan = RateProfile.burst(50, Duration.ofSeconds(2)).plan(Duration.ofSeconds(5));
    assertThat(plan.cumulative(0)).isEqualTo(50);
    assertThat(plan.cumulative(1.99)).isEqualTo(50);
    assertThat(plan.cumulative(2)).isEqualTo(100);
    assertThat(plan.totalArrivals()).isEqualTo(150);
  }

  @Test
  void randomIsSeededAndBounded() {
    RateProfile a = RateProfile.random(10, 20, Duration.ofSeconds(1), 99);
    RateProfile b = RateProfile.random(10, 20, Duration.ofSeconds(1), 99);
    for (double t = 0; t < 60; t += 0.5) {
      assertThat(rateAt(a, t)).isEqualTo(rateAt(b, t)).isBetween(10.0, 20.0);
      assertThat(rateAt(a, t)).isEqualTo(rateAt(a, Math.floor(t)));
    }
    assertThat(rateAt(a, 1)).isNotEqualTo(rateAt(RateProfile.random(10, 20, Duration.ofSeconds(1), 100), 1));
  }

  @Test
  void customIsSampledAndIntegrated() {
    RateProfile sine = RateProfile.custom("sine", t -> 100 + 50 * Math.sin(t));
    RatePlan plan = sine.plan(Duration.ofSeconds(10));
    assertThat(plan.ratePerSecond(1.0)).isCloseTo(100 + 50 * Math.sin(1.0), within(0.01));
    double exact = 100 * 10 + 50 * (1 - Math.cos(10));
    assertThat(plan.totalArrivals()).isCloseTo(exact, within(0.01));
  }

  @Test
  void badRatesNameTheirField() {
    assertThatThrownBy(() -> RateProfile.constant(0)).hasMessageContaining("rate").hasMessageContaining("> 0");
    assertThatThrownBy(() -> RateProfile.ramp(0, 0, Duration.ofSeconds(1))).hasMessageContaining("both 0");
    assertThatThrownBy(() -> RateProfile.burst(10, Duration.ZERO)).hasMessageContaining("burst.every");
    assertThatThrownBy(() -> RateProfile.stages(0)).hasMessageContaining("rate.stages").hasMessageContaining("empty");
    assertThatThrownBy(() -> RateProfile.custom("neg", t -> -1).plan(Duration.ofSeconds(1)))
        .hasMessageContaining("custom rate");
  }

  @Test
  void userStages() {
    UserProfile users = UserProfile.stages(0, Stage.rampTo(10, Duration.ofSeconds(10)), Stage.rampTo(0, Duration.ofSeconds(5)));
    assertThat(users.usersAt(0)).isZero();
    assertThat(users.usersAt(5)).isEqualTo(5);
    assertThat(users.usersAt(10)).isEqualTo(10);
    assertThat(users.usersAt(12.5)).isEqualTo(5);
    assertThat(users.usersAt(99)).isZero();
    assertThat(users.maxUsers()).isEqualTo(10);
    assertThatThrownBy(() -> UserProfile.constant(-3)).hasMessageContaining("users").hasMessageContaining("-3");
  }
}
