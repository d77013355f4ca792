package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs that used to run (and fail, or pass with every request an error) or crash: each is
 * now one golden message naming the place and the field, before anything is sent.
 */
class BadInputMessagesTest {

  @TempDir
  Path folder;

  private ScenarioException error(String yaml) {
    return error(yaml, Overrides.none());
  }

  private ScenarioException error(String yaml, Overrides overrides) {
    ScenarioLoader loader = ScenarioLoader.create().environment(Map.of()).overrides(overrides);
    return catchThrowableOfType(ScenarioException.class, () -> loader.parse(yaml, "shop.yaml", folder));
  }

  /** A scenario with two flows, whose request URL and extra lines each test chooses. */
  private static String scenario(String url, String top) {
    return """
        target: http://127.0.0.1:8080
        %s
        workloads:
          - name: browse
            open: { rate: 10/s }
            mix:
              - name: search
                request: { url: "%s" }
              - name: checkout
                request: { url: / }
        """.formatted(top, url);
  }

  @Test
  void criterionNamingAnUnknownOperation_suggestsTheClosestOne() {
    assertThat(error(scenario("/", "criteria: [ \"p95 < 1s\", \"serch.p99 < 100ms\" ]"))).hasMessage(
        "shop.yaml:2:25: criteria[1]: criterion 'serch.p99 < 100ms': no operation 'serch' (did you mean 'search'?)");
  }

  @Test
  void criterionNamingAnOperationFarFromAny_listsTheOperations() {
    assertThat(error(scenario("/", "criteria: [ \"login.p99 < 100ms\" ]"))).hasMessage(
        "shop.yaml:2:13: criteria[0]: criterion 'login.p99 < 100ms': no operation 'login' (operations: search, checkout)");
  }

  @Test
  void criteriaFromOverrides_areCheckedAgainstTheOperationsToo() {
    assertThat(error(scenario("/", ""), Overrides.builder("command line").criteria(List.of("p99 < 1s", "chekout.p99 < 1s")).build()))
        .hasMessage("command line: criteria[1]: criterion 'chekout.p99 < 1s': no operation 'chekout' (did you mean 'checkout'?)");
    assertThat(error(scenario("/", ""), Overrides.fromEnvironment(Map.of(Overrides.CRITERIA, "x.p99 < 1s"))))
        .hasMessage("PLIMSOLL_CRITERIA: criterion 'x.p99 < 1s': no operation 'x' (operations: search, checkout)");
  }

  @Test
  void aFileCriterionReplacedByAnOverride_isNotHeldAgainstTheFile() {
    ScenarioLoader loader = ScenarioLoader.create().environment(Map.of())
        .overrides(Overrides.builder("command line").criteria(List.of("search.p99 < 1s")).build());
    ScenarioSpec spec = loader.parse(scenario("/", "criteria: [ \"serch.p99 < 100ms\" ]"), "shop.yaml", folder);
    assertThat(spec.criteria()).singleElement().satisfies(c -> assertThat(c.scope()).isEqualTo("search"));
  }

  @Test
  void urlWithCharactersAUrlCannotHold_isRefusedWhereItIsWritten() {
    assertThat(error(scenario("/a b<>", ""))).hasMessage("shop.yaml:8:25: workloads[0].mix[0].request.url: "
        + "'/a b<>' is not a valid URL: it contains a space (write it as %20)");
    assertThat(error(scenario("/items/<${seq}>", ""))).hasMessage("shop.yaml:8:25: workloads[0].mix[0].request.url: "
        + "'/items/<${seq}>' is not a valid URL: it contains '<' (write it as %3C)");
  }

  @Test
  void urlWithAPortOutOfRange_isRefused() {
    assertThat(error(scenario("http://127.0.0.1:99999/", ""))).hasMessage("shop.yaml:8:25: "
        + "workloads[0].mix[0].request.url: 'http://127.0.0.1:99999/' has port 99999, out of range (1 to 65535)");
  }

  @Test
  void targetWithAPortOutOfRange_isRefused() {
    assertThat(error(scenario("/", "").replace("8080", "70000"))).hasMessage(
        "shop.yaml:1:9: target: 'http://127.0.0.1:70000' is not a base URL: port 70000 is out of range (1 to 65535)");
  }

  @Test
  void templatesInAUrlAreReadAsPlaceholders_soAValidOneIsAccepted() {
    ScenarioSpec spec = ScenarioLoader.create().environment(Map.of("HOST", "127.0.0.1"))
        .parse(scenario("http://${env.HOST}:8080/items/${seq}?q=${uuid}", ""), "shop.yaml", folder);
    assertThat(spec.workloads()).hasSize(1);
  }

  @Test
  void headerValueWithALineBreak_isRefused() {
    assertThat(error("""
        target: http://127.0.0.1:8080
        defaults:
          headers: { X-Tenant: "acme\\r\\nX-Admin: yes" }
        workloads:
          - name: browse
            open: { rate: 10/s }
            mix: [ { name: home, request: { url: / } } ]
        """)).hasMessage("shop.yaml:3:24: defaults.headers.X-Tenant: contains a line break (CR or LF), "
            + "which no header value may hold");
  }

  @Test
  void aFlowNamedTotal_isReserved() {
    assertThat(error(scenario("/", "").replace("name: checkout", "name: total"))).hasMessage(
        "shop.yaml:9:15: workloads[0].mix[1].name: 'total' is reserved (reports use 'total' for all operations "
            + "together); choose another name");
  }

  @Test
  void aListGivenForADuration_namesThePlaceOnce() {
    assertThat(error(scenario("/", "warmUp: [1s, 2s]"))).hasMessage(
        "shop.yaml:2:9: warmUp: expected a duration (examples: 500ms, 30s, 5m, 1h30m), got a list");
  }

  @Test
  void hugeDurations_areRefusedWherevertheyComeFrom() {
    assertThat(error(scenario("/", "duration: 999999999999h"))).hasMessage(
        "shop.yaml:2:11: duration: '999999999999h' is too long a duration (at most 8760h)");
    assertThatThrownBy(() -> Overrides.fromEnvironment(Map.of(Overrides.DURATION, "999999999999h")))
        .hasMessage("PLIMSOLL_DURATION: '999999999999h' is too long a duration (at most 8760h)");
    assertThatThrownBy(() -> Overrides.builder("command line").warmUp("9000h"))
        .hasMessage("command line: warmUp: '9000h' is too long a duration (at most 8760h)");
  }

  @Test
  void clientSettingsAreCheckedInTheFileWithItsNames() {
    assertThat(error(scenario("/", "http: { timeout: 25h }"))).hasMessage(
        "shop.yaml:2:18: http.timeout: must be > 0s and at most 24h (was 25h)");
  }

  @Test
  void quickTest_namesEachValueAsItsBuilderDoes() {
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").method("G ET")))
        .hasMessage("command line: method: 'G ET' is not an HTTP method (examples: GET, POST, PUT, DELETE)");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").header("X-A", "a\r\nX-B: b")))
        .hasMessage("command line: header: 'X-A' contains a line break (CR or LF), which no header value may hold");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").header("X A", "a")))
        .hasMessage("command line: header: 'X A' is not a valid header name");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:99999/")))
        .hasMessage("command line: url: 'http://127.0.0.1:99999/' has port 99999, out of range (1 to 65535)");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").timeout(Duration.ZERO)))
        .hasMessage("command line: timeout: must be > 0s and at most 24h (was 0s)");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").connections(0)))
        .hasMessage("command line: connections: must be between 1 and 100000 (was 0)");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").criteria(List.of("reqest.p99 < 1s"))))
        .hasMessage("command line: criteria[0]: criterion 'reqest.p99 < 1s': no operation 'reqest' (did you mean 'request'?)");
    assertThat(quickTestError(HttpQuickTest.url("http://127.0.0.1:8080/").warmUp(Duration.ofSeconds(2))))
        .hasMessage("command line: warmUp: the warm-up 2s must be shorter than the duration 1s");
  }

  private static ScenarioException quickTestError(HttpQuickTest.Builder test) {
    return catchThrowableOfType(ScenarioException.class,
        () -> test.source("command line").ratePerSecond(1).duration(Duration.ofSeconds(1)).build());
  }

  @Test
  void aHostThatDoesNotResolve_isRefusedBeforeTheRun() {
    ScenarioSpec spec = HttpQuickTest.url("http://no-such-host.invalid/").source("command line").ratePerSecond(1)
        .duration(Duration.ofSeconds(1)).build();
    assertThatThrownBy(() -> ScenarioBuilder.checkBeforeRun(spec)).isInstanceOf(ScenarioException.class)
        .hasMessage("command line: host 'no-such-host.invalid' (of http://no-such-host.invalid) does not resolve "
            + "to an address; check its spelling and this machine's DNS (nothing was sent)");
    assertThatThrownBy(() -> ScenarioBuilder.open(spec)).isInstanceOf(ScenarioException.class);
  }

  @Test
  void parserLimitsAreToldWithoutTheParsersSettingNames() {
    assertThat(error("name: " + "[".repeat(1200) + "]".repeat(1200))).hasMessage(
        "shop.yaml: YAML syntax: Document nesting depth (1001) exceeds the maximum allowed (1000)");
  }

  @Test
  void connectionsFromOverrides_areCheckedByTheDriverAndNamedByTheirOrigin() {
    assertThat(error(scenario("/", ""), Overrides.builder("command line").connections(200_000).build()))
        .hasMessage("command line: connections: must be between 1 and 100000 (was 200000)");
    assertThat(error(scenario("/", ""), Overrides.fromEnvironment(Map.of(Overrides.CONNECTIONS, "200000"))))
        .hasMessage("PLIMSOLL_CONNECTIONS: must be between 1 and 100000 (was 200000)");
  }

  @Test
  void aPasswordInARefusedUrl_isNotRepeated() {
    assertThat(error(scenario("http://alice:s3cret@127.0.0.1:99999/", ""))).hasMessage("shop.yaml:8:25: "
        + "workloads[0].mix[0].request.url: 'http://***@127.0.0.1:99999/' has port 99999, out of range (1 to 65535)");
  }
}
