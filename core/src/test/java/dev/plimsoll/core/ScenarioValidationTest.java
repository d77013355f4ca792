package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad configuration fails before the run, with one message naming the field and what is allowed. */
class ScenarioValidationTest {
  private static final Workload WORKLOAD = Workload.of("w", ctx -> {}, ClosedModel.users(1));

  private static Scenario.Builder valid() {
    return Scenario.builder("s").workload(WORKLOAD).duration(Duration.ofSeconds(1));
  }

  @Test
  void aValidScenarioBuilds() {
    Scenario s = valid().build();
    assertThat(s.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.describe().workloads()).singleElement().satisfies(w -> {
      assertThat(w.model()).isEqualTo("closed");
      assertThat(w.loadDescription()).isEqualTo("closed: 1 user");
    });
  }

  @Test
  void negativeUsers() {
    assertThatThrownBy(() -> ClosedModel.users(-3))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("users: must be > 0 (was -3)")
        .satisfies(e -> assertThat(((InvalidConfigurationException) e).field()).isEqualTo("users"));
  }

  @Test
  void zeroDuration() {
    assertThatThrownBy(() -> valid().duration(Duration.ZERO).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("scenario.duration: must be positive (was 0s)");
  }

  @Test
  void zeroRate() {
    assertThatThrownBy(() -> OpenModel.rate(0)).hasMessage("rate: must be > 0 per second (was 0.0)");
  }

  @Test
  void noWorkloads() {
    assertThatThrownBy(() -> Scenario.builder("s").duration(Duration.ofSeconds(1)).build())
        .hasMessageContaining("scenario.workloads").hasMessageContaining("empty");
  }

  @Test
  void warmUpNotShorterThanTheRun() {
    assertThatThrownBy(() -> valid().warmUp(Duration.ofSeconds(1)).build())
        .hasMessageContaining("scenario.warmUp").hasMessageContaining("shorter than the duration");
  }

  @Test
  void tooShortAnInterval() {
    assertThatThrownBy(() -> valid().interval(Duration.ofMillis(1)).build())
        .hasMessageContaining("scenario.interval").hasMessageContaining("at least 10ms");
  }

  @Test
  void operationNamesMustBeUniqueAcrossWorkloads() {
    assertThatThrownBy(() -> valid().workload(Workload.of("v", Mix.of("w", ctx -> {}), ClosedModel.users(1))).build())
        .hasMessageContaining("operation 'w' is also in another workload");
  }

  @Test
  void unknownPresetListsTheAllowedOnes() {
    assertThatThrownBy(() -> valid().preset("prod"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("preset")
        .hasMessageContaining("production")
        .hasMessageContaining("development");
  }

  @Test
  void criterionThatDoesNotParseNamesItsPosition() {
    assertThatThrownBy(() -> valid().criterion("p95 < 25ms").criterion("p97 < 5ms"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("criteria[1]: ")
        .hasMessageContaining("p97");
  }

  @Test
  void theFieldAndTheProblemAreData() {
    InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
        () -> valid().warmUp(Duration.ofSeconds(2)).build());
    assertThat(e.field()).isEqualTo("scenario.warmUp");
    assertThat(e.problem()).isEqualTo("the warm-up 2s must be shorter than the duration 1s");
    assertThat(e).hasMessage(e.field() + ": " + e.problem());
  }

  /** The rule every layer calls: the builder, a scenario file and the overrides of one. */
  @Test
  void theWarmUpRule() {
    Scenario.checkWarmUp(Duration.ZERO, Duration.ofSeconds(1));
    Scenario.checkWarmUp(Duration.ofMillis(999), Duration.ofSeconds(1));
    assertThat(catchThrowableOfType(InvalidConfigurationException.class,
        () -> Scenario.checkWarmUp(Duration.ofMinutes(1), Duration.ofMinutes(1))).problem())
        .isEqualTo("the warm-up 1m must be shorter than the duration 1m");
    assertThat(catchThrowableOfType(InvalidConfigurationException.class,
        () -> Scenario.checkWarmUp(Duration.ofSeconds(-1), Duration.ofMinutes(1))).problem())
        .isEqualTo("must be >= 0s (was -1s)");
    assertThat(catchThrowableOfType(InvalidConfigurationException.class,
        () -> Scenario.checkInterval(Duration.ofMillis(5)))).hasMessage("scenario.interval: must be at least 10ms (was 5ms)");
  }

  @Test
  void unsetSettingsTakeTheDefaults() {
    Scenario s = valid().build();
    assertThat(s.warmUp()).isEqualTo(Defaults.WARM_UP);
    assertThat(s.interval()).isEqualTo(Defaults.INTERVAL);
    assertThat(s.gracefulStop()).isEqualTo(Defaults.GRACEFUL_STOP);
    assertThat(s.seed()).isEqualTo(Defaults.SEED);
  }
}
