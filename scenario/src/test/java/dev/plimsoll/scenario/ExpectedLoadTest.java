package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.scenario.driver.ExpectedLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the drivers are told to get ready for: the workloads' peak rates and users, added. */
class ExpectedLoadTest {
  private static final dev.plimsoll.core.Operation NOTHING = ctx -> { };

  @Test
  void peakRatesAndUsersAddUpAcrossWorkloads() {
    Scenario scenario = Scenario.builder("s").duration(Duration.ofSeconds(60))
        .workload(Workload.of("ramp", NOTHING, OpenModel.of(RateProfile.ramp(100, 4_000, Duration.ofSeconds(30)))))
        .workload(Workload.of("steady", NOTHING, OpenModel.rate(1_500)))
        .workload(Workload.of("users", NOTHING, ClosedModel.users(12)))
        .build();
    ExpectedLoad load = ScenarioBuilder.expectedLoad(scenario);
    assertThat(load.peakArrivalsPerSecond()).isCloseTo(5_500, within(1.0));
    assertThat(load.peakUsers()).isEqualTo(12);
    assertThat(load.demanding()).isTrue();
  }

  @Test
  void aLightRunIsNotDemanding() {
    Scenario scenario = Scenario.builder("s").duration(Duration.ofSeconds(10))
        .workload(Workload.of("steady", NOTHING, OpenModel.rate(200)))
        .workload(Workload.of("users", NOTHING, ClosedModel.users(63)))
        .build();
    assertThat(ScenarioBuilder.expectedLoad(scenario).demanding()).isFalse();
    assertThat(new ExpectedLoad(0, 10_000).demanding()).as("users have no schedule to keep").isFalse();
    assertThat(new ExpectedLoad(5_000, 0).demanding()).isTrue();
    assertThat(ExpectedLoad.UNKNOWN.demanding()).isFalse();
  }
}
