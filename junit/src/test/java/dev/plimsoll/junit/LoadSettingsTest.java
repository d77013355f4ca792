package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one precedence rule: defaults < the test < PLIMSOLL_* variables < plimsoll.* properties. */
class LoadSettingsTest {

  private static Environment of(Map<String, String> variables, Map<String, String> properties) {
    return new Environment(variables, name -> Optional.ofNullable(properties.get(name)));
  }

  @Test
  void withNothingDeclaredTheDefaultsAreTenUsersForThirtySecondsAtNoRate() {
    LoadSettings s = LoadSettings.resolve(0, 0, null, null, of(Map.of(), Map.of()));

    assertThat(s).isEqualTo(new LoadSettings(10, 0, Duration.ofSeconds(30), Duration.ZERO));
    assertThat(s.loadModel()).isEqualTo(ClosedModel.users(10));
    assertThat(s.describe()).isEqualTo("10 users, 30s");
  }

  @Test
  void theEnvironmentOverridesTheTestAndPropertiesOverrideTheEnvironment() {
    Map<String, String> variables = Map.of("PLIMSOLL_USERS", "4", "PLIMSOLL_DURATION", "10s", "PLIMSOLL_RATE", "50/s");
    Map<String, String> properties = Map.of("plimsoll.duration", "2s", "plimsoll.warmup", "500ms");

    LoadSettings s = LoadSettings.resolve(20, 0, Duration.ofMinutes(30), null, of(variables, properties));

    assertThat(s).isEqualTo(new LoadSettings(4, 50, Duration.ofSeconds(2), Duration.ofMillis(500)));
    assertThat(s.describe()).isEqualTo("4 users at 50/s, 2s (warm-up 500ms)");
  }

  @Test
  void usersAndARatePaceEachUserToItsShare() {
    LoadSettings s = new LoadSettings(4, 200, Duration.ofSeconds(1), Duration.ZERO);

    assertThat(s.loadModel()).isEqualTo(ClosedModel.users(4).pacing(Duration.ofMillis(20)));
  }

  @Test
  void aRateAloneArrivesWhateverTheResponseTime() {
    assertThat(LoadSettings.resolve(0, 200, null, null, of(Map.of(), Map.of())).loadModel()).isEqualTo(OpenModel.rate(200));
  }

  @Test
  void shortRunsAreCutIntoTenIntervals() {
    assertThat(new LoadSettings(1, 0, Duration.ofSeconds(2), Duration.ZERO).interval()).hasMillis(200);
    assertThat(new LoadSettings(1, 0, Duration.ofMillis(50), Duration.ZERO).interval()).hasMillis(10);
    assertThat(new LoadSettings(1, 0, Duration.ofMinutes(5), Duration.ZERO).interval()).hasSeconds(1);
  }

  @Test
  void anUnreadableOverrideIsNamedWhereItCameFrom() {
    assertThatThrownBy(() -> LoadSettings.resolve(1, 0, null, null, of(Map.of("PLIMSOLL_USERS", "many"), Map.of())))
        .hasMessageStartingWith("PLIMSOLL_USERS: 'many' is not a whole number > 0");
    assertThatThrownBy(() -> LoadSettings.resolve(1, 0, null, null, of(Map.of(), Map.of("plimsoll.users", "many"))))
        .hasMessage("-Dplimsoll.users: 'many' is not a whole number > 0");
    assertThatThrownBy(() -> LoadSettings.resolve(1, 0, null, null, of(Map.of(), Map.of("plimsoll.duration", "soon"))))
        .hasMessageStartingWith("-Dplimsoll.duration: duration: 'soon' is not a duration");
  }

  @Test
  void theProfileBaselineUpdateAndReportsFolderFollowTheSameRule() {
    Environment environment = of(Map.of("PLIMSOLL_PROFILE", "full", "PLIMSOLL_BASELINE_UPDATE", "true"),
        Map.of("plimsoll.baseline.update", "false", "plimsoll.reports", "build/load"));

    assertThat(environment.profile()).isEqualTo(Profile.FULL);
    assertThat(environment.updateBaseline()).isFalse();
    assertThat(environment.reportsRoot()).isEqualTo(Path.of("build", "load"));
    assertThat(of(Map.of(), Map.of()).profile()).isEqualTo(Profile.QUICK);
    assertThat(of(Map.of(), Map.of()).reportsRoot()).isEqualTo(Path.of("target", "plimsoll"));
  }
}
