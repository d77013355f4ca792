package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message is golden: file:line:column, the field path, and what is wrong. */
class ScenarioLoaderErrorsTest {

  @TempDir
  Path folder;

  private ScenarioException error(String yaml) {
    return error(yaml, Overrides.none());
  }

  private ScenarioException error(String yaml, Overrides overrides) {
    ScenarioLoader loader = ScenarioLoader.create().environment(Map.of("HOST", "127.0.0.1")).overrides(overrides);
    return catchThrowableOfType(ScenarioException.class, () -> loader.parse(yaml, "shop.yaml", folder));
  }

  /** A valid workload list, for tests whose error is elsewhere. */
  private static final String WORKLOADS = """
      workloads:
        - name: browse
          open: { rate: 10/s }
          mix:
            - name: home
              request: { url: / }
      """;

  @Test
  void unknownKey_suggestsTheClosestKey() {
    ScenarioException e = error("""
        name: shop
        target: http://127.0.0.1:8080
        duraton: 1m
        """ + WORKLOADS);
    assertThat(e).hasMessage("shop.yaml:3:1: duraton: unknown key (did you mean 'duration'?)");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.path()).isEqualTo("duraton");
    assertThat(e.problem()).isEqualTo("unknown key (did you mean 'duration'?)");
  }

  @Test
  void unknownKeyDeepInside_namesTheWholePath() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open: { rate: 10/s }
            mix:
              - name: home
                reqest: { url: / }
        """)).hasMessage("shop.yaml:7:9: workloads[0].mix[0].reqest: unknown key (did you mean 'request'?)");
  }

  @Test
  void unknownKeyFarFromAnyKnown_listsTheAllowedKeys() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        http: { pipelining: true }
        """ + WORKLOADS)).hasMessage("shop.yaml:2:9: http.pipelining: unknown key (allowed keys: connections, "
            + "protocol, timeout, connectTimeout, insecure, caFile, followRedirects, compression)");
  }

  @Test
  void badDuration() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        duration: 1x
        """ + WORKLOADS))
        .hasMessage("shop.yaml:2:11: duration: '1x' is not a duration (examples: 500ms, 30s, 5m, 1h30m)");
  }

  @Test
  void durationWithoutUnit() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        warmUp: 30
        """ + WORKLOADS))
        .hasMessage("shop.yaml:2:9: warmUp: '30' is not a duration (examples: 500ms, 30s, 5m, 1h30m)");
  }

  @Test
  void badRate() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open: { rate: 200/min/s, arrivals: poisson }
            mix:
              - name: home
                request: { url: / }
        """)).hasMessage(
            "shop.yaml:4:19: workloads[0].open.rate: '200/min/s' is not a rate (examples: 200/s, 12000/min)");
  }

  @Test
  void zeroRate_isReportedByCoreAtTheValue() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open: { rate: 0/s }
            mix:
              - name: home
                request: { url: / }
        """)).hasMessage("shop.yaml:4:19: workloads[0].open.rate: must be > 0 per second (was 0.0)");
  }

  @Test
  void negativeUsers() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: shoppers
            closed:
              users: -5
              thinkTime: 1s
            mix:
              - name: home
                request: { url: / }
        """)).hasMessage("shop.yaml:5:14: workloads[0].closed.users: must be > 0 (was -5)");
  }

  @Test
  void relativeUrlWithoutTarget() {
    assertThat(error("""
        name: shop
        workloads:
          - name: browse
            closed: { users: 5 }
            mix:
              - name: home
                request:
                  method: GET
                  url: /orders/1
        """)).hasMessage("shop.yaml:9:16: workloads[0].mix[0].request.url: '/orders/1' is relative and there is "
            + "no target (set target: http://host:port, or PLIMSOLL_TARGET)");
  }

  @Test
  void relativeUrlWithTheTargetFromAnOverride_isFine() {
    String yaml = """
        workloads:
          - name: browse
            closed: { users: 5 }
            mix:
              - { name: home, request: { url: /orders/1 } }
        """;
    ScenarioSpec spec = ScenarioLoader.create()
        .overrides(Overrides.fromEnvironment(Map.of(Overrides.TARGET, "http://127.0.0.1:18080/")))
        .parse(yaml, "shop.yaml", folder);
    assertThat(spec.target()).hasToString("http://127.0.0.1:18080");
  }

  @Test
  void unknownTemplateFunction() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            closed: { users: 5 }
            mix:
              - name: order
                request: { url: "/orders/${randomInteger(1,100)}" }
        """)).hasMessage("shop.yaml:7:25: workloads[0].mix[0].request.url: unknown function 'randomInteger' in "
            + "${randomInteger(1,100)} (functions: randomInt(min,max), uuid(), seq())");
  }

  @Test
  void misspeltTemplateFunction_suggestsTheRightOne() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            closed: { users: 5 }
            mix:
              - name: order
                request: { url: "/orders/${randomIn(1,100)}" }
        """)).hasMessage("shop.yaml:7:25: workloads[0].mix[0].request.url: unknown function 'randomIn' in "
            + "${randomIn(1,100)} (did you mean 'randomInt'?)");
  }

  @Test
  void unknownTemplateVariable_suggestsAnExtractedName() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            closed: { users: 5 }
            mix:
              - name: buy
                steps:
                  - request: { method: POST, url: /login }
                    extract: { token: { jsonPath: $.token } }
                  - request: { url: /orders/1, headers: { Authorization: "Bearer ${tokn}" } }
        """)).hasMessage("shop.yaml:10:66: workloads[0].mix[0].steps[1].request.headers.Authorization: unknown "
            + "variable 'tokn' in ${tokn} (did you mean 'token'?)");
  }

  @Test
  void missingEnvironmentVariable() {
    assertThat(error("""
        target: http://${env.HOST}:8080
        variables:
          apiKey: ${env.PLIMSOLL_TEST_API_KEY}
        """ + WORKLOADS)).hasMessage("shop.yaml:3:11: variables.apiKey: environment variable "
            + "'PLIMSOLL_TEST_API_KEY' is not set (used in ${env.PLIMSOLL_TEST_API_KEY})");
  }

  @Test
  void feederFileMissing() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        feeders:
          users: { file: users.csv, order: circular }
        """ + WORKLOADS)).hasMessage("shop.yaml:3:18: feeders.users.file: 'users.csv' not found (looked for "
            + folder.resolve("users.csv").toAbsolutePath() + ")");
  }

  @Test
  void feederFileWithARaggedRow_namesBothFiles() throws IOException {
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\nbob\n");
    assertThat(error("""
        target: http://127.0.0.1:8080
        feeders:
          users: { file: users.csv }
        """ + WORKLOADS)).hasMessage(
            "shop.yaml:3:18: feeders.users.file: users.csv:3: the row has 1 field but the header has 2");
  }

  @Test
  void unknownFeederColumn() throws IOException {
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\n");
    assertThat(error("""
        target: http://127.0.0.1:8080
        feeders:
          users: { file: users.csv }
        workloads:
          - name: browse
            open: { rate: 10/s }
            mix:
              - name: login
                request: { method: POST, url: /login, body: "${users.nam}" }
        """)).hasMessage("shop.yaml:9:53: workloads[0].mix[0].request.body: feeder 'users' has no column 'nam' "
            + "(used in ${users.nam}) (did you mean 'name'?)");
  }

  @Test
  void twoRateProfiles() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open:
              rate: 10/s
              ramp: { from: 0/s, to: 10/s, over: 10s }
            mix:
              - { name: home, request: { url: / } }
        """)).hasMessage("shop.yaml:6:7: workloads[0].open.ramp: cannot be combined with 'rate' (give one of "
            + "rate, stages, ramp, spike, burst, random)");
  }

  @Test
  void stageTargetThatIsNotARate() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open:
              stages:
                - { duration: 30s, target: 200/s }
                - { duration: 1m, target: 200 }
            mix:
              - { name: home, request: { url: / } }
        """)).hasMessage("shop.yaml:7:35: workloads[0].open.stages[1].target: '200' is not a rate "
            + "(examples: 200/s, 12000/min)");
  }

  @Test
  void flowNamesAreUniqueAcrossWorkloads() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: a
            open: { rate: 1/s }
            mix: [ { name: home, request: { url: / } } ]
          - name: b
            closed: { users: 1 }
            mix: [ { name: home, request: { url: / } } ]
        """)).hasMessage("shop.yaml:8:20: workloads[1].mix[0].name: 'home' is already the name of "
            + "workloads[0].mix[0] (flow names are operation names, unique in the scenario)");
  }

  @Test
  void badCriterion_quotesCoreMessage() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        criteria: [ "p95 < 25ms", "p95 < 25" ]
        """ + WORKLOADS)).hasMessage("shop.yaml:2:27: criteria[1]: criterion 'p95 < 25': p95 needs a unit "
            + "(allowed: ns, us, µs, ms, s, m)");
  }

  @Test
  void unknownPreset() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        preset: prod
        """ + WORKLOADS)).hasMessage("shop.yaml:2:9: preset: unknown preset 'prod' (allowed: production, development)");
  }

  @Test
  void warmUpNotShorterThanTheDuration() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        duration: 30s
        warmUp: 30s
        """ + WORKLOADS)).hasMessage("shop.yaml:3:9: warmUp: the warm-up 30s must be shorter than the duration 30s");
  }

  /** Core decides the rule and its wording; the loader says where in the file the value is. */
  @Test
  void tooShortAnInterval_isCoresRuleAtTheFilesPosition() {
    ScenarioException e = error("""
        target: http://127.0.0.1:8080
        interval: 5ms
        """ + WORKLOADS);
    assertThat(e).hasMessage("shop.yaml:2:11: interval: must be at least 10ms (was 5ms)");
    assertThat(e.problem()).isEqualTo(catchThrowableOfType(InvalidConfigurationException.class,
        () -> Scenario.checkInterval(Duration.ofMillis(5))).problem());
  }

  @Test
  void warmUpNotShorterThanTheDefaultDuration_saysItIsTheDefault() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        warmUp: 1m
        """ + WORKLOADS)).hasMessage("shop.yaml:2:9: warmUp: the warm-up 1m must be shorter than the duration 1m "
            + "(the default)");
  }

  @Test
  void warmUpLongerThanAnOverriddenDuration_namesTheOverride() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        warmUp: 30s
        """ + WORKLOADS, Overrides.fromEnvironment(Map.of(Overrides.DURATION, "20s"))))
        .hasMessage("PLIMSOLL_DURATION: the warm-up 30s must be shorter than the duration 20s");
  }

  @Test
  void yesIsNotABoolean() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        http: { insecure: yes }
        """ + WORKLOADS)).hasMessage("shop.yaml:2:19: http.insecure: 'yes' is not true or false");
  }

  @Test
  void regexWithoutAGroup() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open: { rate: 10/s }
            mix:
              - name: home
                request: { url: / }
                extract: { id: { regex: "id=\\\\d+" } }
        """)).hasMessage("shop.yaml:8:33: workloads[0].mix[0].extract.id.regex: 'id=\\d+' has no group: the value "
            + "taken is group 1, e.g. \"id=(\\\\d+)\"");
  }

  @Test
  void unsupportedJsonPath() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open: { rate: 10/s }
            mix:
              - name: home
                request: { url: / }
                checks: { jsonPath: { "$.items[*].id": "1" } }
        """)).hasMessage("shop.yaml:8:31: workloads[0].mix[0].checks.jsonPath[\"$.items[*].id\"]: '$.items[*].id' is "
            + "not a supported JSON path: '[*]' is neither an index nor a quoted name (examples: $.token, "
            + "$.items[0].id, $['content-type'])");
  }

  @Test
  void yamlSyntaxError() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads: [ { name: a
        """)).hasMessage("shop.yaml:3:1: YAML syntax: expected ',' or '}', but got <stream end> "
            + "(while parsing a flow mapping at 2:14)");
  }

  @Test
  void emptyFile() {
    assertThat(error("")).hasMessage("shop.yaml: the file is empty");
  }

  @Test
  void missingFile() {
    Path file = folder.resolve("nope.yaml");
    assertThat(catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.create().load(file)))
        .hasMessage(file + ": no such file");
  }

  @Test
  void duplicateKey() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        target: http://127.0.0.1:8081
        """ + WORKLOADS)).hasMessage("shop.yaml:2:1: key 'target' appears twice in this mapping (first at line 1)");
  }

  @Test
  void missingMix() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        workloads:
          - name: browse
            open: { rate: 10/s }
        """)).hasMessage("shop.yaml:3:5: workloads[0].mix: is required (the weighted flows this workload runs)");
  }

  @Test
  void badEnvironmentOverride_namesTheVariable() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> Overrides.fromEnvironment(Map.of(Overrides.RATE, "20x")));
    assertThat(e).hasMessage("PLIMSOLL_RATE: '20x' is not a rate (examples: 200/s, 12000/min)");
    assertThat(e.line()).isZero();
  }
}
