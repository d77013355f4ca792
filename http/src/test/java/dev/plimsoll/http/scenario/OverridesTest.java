package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precedence, lowest first: built-in defaults, the file, the environment, the command line. */
class OverridesTest {

  private static final String WORKLOADS = """
      workloads:
        - name: browse
          open:
            stages: [ { duration: 10s, target: 100/s } ]
            arrivals: poisson
            maxInFlight: 50
          mix: [ { name: home, request: { url: / } } ]
        - name: shoppers
          closed:
            stages: [ { duration: 10s, target: 20 } ]
            thinkTime: 2s
            iterationsPerUser: 7
          mix: [ { name: buy, request: { url: /buy } } ]
      """;

  private static final String FILE = """
      target: http://file:8080
      duration: 2m
      warmUp: 20s
      http: { connections: 8 }
      criteria: [ "p99 < 1s" ]
      preset: development
      """ + WORKLOADS;

  private static final Map<String, String> ENVIRONMENT = Map.of(
      Overrides.DURATION, "3m",
      Overrides.WARMUP, "30s",
      Overrides.CONNECTIONS, "16",
      Overrides.TARGET, "http://env:8080",
      Overrides.RATE, "50/s",
      Overrides.USERS, "5",
      Overrides.CRITERIA, " p95 < 25ms ;error_rate < 1%; ");

  private static ScenarioSpec load(String yaml, Overrides overrides) {
    return ScenarioLoader.create().overrides(overrides).parse(yaml, "shop.yaml", Path.of("."));
  }

  @Test
  void builtInDefaults_whenTheFileSaysNothing() {
    ScenarioSpec spec = load("target: http://file:8080\n" + WORKLOADS, Overrides.none());
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(spec.warmUp()).isZero();
    assertThat(spec.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(spec.gracefulStop()).isEqualTo(Duration.ofSeconds(5));
    assertThat(spec.seed()).isEqualTo(42);
    assertThat(HttpDriverSettings.of(spec).http()).isEqualTo(HttpSettingsSpec.DEFAULTS);
    assertThat(spec.criteria()).isEmpty();
    assertThat(spec.preset()).isNull();
    assertThat(spec.name()).isEqualTo("shop");
  }

  @Test
  void theFileReplacesDefaults() {
    ScenarioSpec spec = load(FILE, Overrides.none());
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.warmUp()).isEqualTo(Duration.ofSeconds(20));
    assertThat(HttpDriverSettings.of(spec).http().connections()).isEqualTo(8);
    assertThat(spec.target()).hasToString("http://file:8080");
    assertThat(spec.criteria()).extracting(Criterion::source).containsExactly("p99 < 1s");
    assertThat(spec.preset()).isEqualTo("development");
  }

  @Test
  void theEnvironmentReplacesTheFile() {
    ScenarioSpec spec = load(FILE, Overrides.fromEnvironment(ENVIRONMENT));
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(3));
    assertThat(spec.warmUp()).isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpDriverSettings.of(spec).http().connections()).isEqualTo(16);
    assertThat(spec.target()).hasToString("http://env:8080");
    assertThat(spec.criteria()).extracting(Criterion::source).containsExactly("p95 < 25ms", "error_rate < 1%");
    assertThat(spec.preset()).as("PLIMSOLL_CRITERIA replaces the preset too").isNull();
  }

  @Test
  void rateAndUsersReplaceEveryWorkloadsProfile_keepingTheRestOfTheModel() {
    ScenarioSpec spec = load(FILE, Overrides.fromEnvironment(ENVIRONMENT));
    OpenModel open = (OpenModel) spec.workloads().get(0).load();
    assertThat(open.profile()).isEqualTo(RateProfile.constant(50));
    assertThat(open.arrivals()).hasToString("POISSON");
    assertThat(open.maxInFlight()).isEqualTo(50);
    ClosedModel closed = (ClosedModel) spec.workloads().get(1).load();
    assertThat(closed.users()).isEqualTo(UserProfile.constant(5));
    assertThat(closed.thinkTime()).isEqualTo(ThinkTime.constant(Duration.ofSeconds(2)));
    assertThat(closed.iterationsPerUser()).isEqualTo(7);
  }

  @Test
  void theCommandLineReplacesTheEnvironment() {
    Overrides commandLine = Overrides.builder("command line")
        .duration("4m").warmUp(Duration.ofSeconds(40)).connections(32).target("https://cli:8443/api/")
        .rate("600/min").users(9).criteria(List.of("p50 < 5ms")).build();
    ScenarioSpec spec = load(FILE, commandLine.orElse(Overrides.fromEnvironment(ENVIRONMENT)));
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(4));
    assertThat(spec.warmUp()).isEqualTo(Duration.ofSeconds(40));
    assertThat(HttpDriverSettings.of(spec).http().connections()).isEqualTo(32);
    assertThat(spec.target()).hasToString("https://cli:8443/api");
    assertThat(((OpenModel) spec.workloads().get(0).load()).profile()).isEqualTo(RateProfile.constant(10));
    assertThat(((ClosedModel) spec.workloads().get(1).load()).users()).isEqualTo(UserProfile.constant(9));
    assertThat(spec.criteria()).extracting(Criterion::source).containsExactly("p50 < 5ms");
  }

  @Test
  void aPartialCommandLineFallsBackToTheEnvironmentFieldByField() {
    Overrides commandLine = Overrides.builder("command line").duration("4m").build();
    ScenarioSpec spec = load(FILE, commandLine.orElse(Overrides.fromEnvironment(ENVIRONMENT)));
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(4));
    assertThat(spec.warmUp()).isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpDriverSettings.of(spec).http().connections()).isEqualTo(16);
  }

  @Test
  void blankVariablesCountAsUnset() {
    Overrides o = Overrides.fromEnvironment(Map.of(Overrides.DURATION, " ", "PATH", "/bin"));
    assertThat(o.isEmpty()).isTrue();
    assertThat(o.duration()).isEmpty();
  }

  @Test
  void unusableOverridesNameTheirOrigin() {
    assertThat(catchThrowableOfType(ScenarioException.class,
        () -> Overrides.fromEnvironment(Map.of(Overrides.USERS, "0"))))
        .hasMessage("PLIMSOLL_USERS: '0' is not a whole number > 0");
    assertThat(catchThrowableOfType(ScenarioException.class,
        () -> Overrides.fromEnvironment(Map.of(Overrides.CRITERIA, "p95 < 25ms; p95 <"))))
        .hasMessageStartingWith("PLIMSOLL_CRITERIA: criterion 'p95 <': ");
    assertThat(catchThrowableOfType(ScenarioException.class,
        () -> Overrides.fromEnvironment(Map.of(Overrides.TARGET, "127.0.0.1:8080"))))
        .hasMessage("PLIMSOLL_TARGET: '127.0.0.1:8080' is not a base URL (expected http://host:port or "
            + "https://host/path)");
    assertThat(catchThrowableOfType(ScenarioException.class,
        () -> Overrides.builder("command line").duration("five minutes")))
        .hasMessage("command line: duration: 'five minutes' is not a duration (examples: 500ms, 30s, 5m, 1h30m)");
    assertThat(catchThrowableOfType(ScenarioException.class,
        () -> Overrides.builder("command line").rate(0).build().applyTo(load(FILE, Overrides.none()))))
        .hasMessage("command line: rate: must be > 0 per second (was 0.0)");
  }

  @Test
  void aRateForAScenarioWithoutOpenWorkloads_isAnError() {
    String closedOnly = """
        target: http://file:8080
        workloads:
          - { name: w, closed: { users: 1 }, mix: [ { name: home, request: { url: / } } ] }
        """;
    assertThat(catchThrowableOfType(ScenarioException.class,
        () -> load(closedOnly, Overrides.fromEnvironment(Map.of(Overrides.RATE, "10/s")))))
        .hasMessage("PLIMSOLL_RATE: the scenario has no open workload whose rate it could set");
  }
}
