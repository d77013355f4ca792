package dev.plimsoll.scenario.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.OpenScenario;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.CheckFailedException;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver seam end to end with a protocol the scenario module has never heard of: a file with
 * {@code echo} steps and an {@code echo:} section loads, dry-runs and runs against a TCP server on
 * loopback, with the driver found on the classpath like the HTTP driver.
 */
class EchoDriverTest {

  private static final String FILE = """
      name: echoes
      target: tcp://127.0.0.1:1
      duration: 1s
      echo: { connections: 2, timeout: 2s }
      variables: { greeting: hello }
      workloads:
        - name: talkers
          closed: { users: 2 }
          mix:
            - { name: ping, weight: 3, echo: "${greeting} ${seq}", expect: hello }
            - name: chat
              steps:
                - { echo: "my name is ${userId}", store: reply }
                - think: 1ms
                - { echo: "you said: ${reply}", expect: "you said: my name is" }
      criteria: [ "error_rate < 1%" ]
      """;

  @TempDir Path folder;
  private EchoServer server;

  @BeforeEach
  void start() throws IOException {
    server = new EchoServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private ScenarioSpec load(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("echoes.yaml"), yaml);
    return ScenarioLoader.create()
        .overrides(Overrides.fromEnvironment(Map.of(Overrides.TARGET, server.target())))
        .load(file);
  }

  @Test
  void aFileWithEchoStepsLoads_withTheTargetFromAnOverride() throws IOException {
    ScenarioSpec spec = load(FILE);
    assertThat(spec.target()).hasToString(server.target());
    assertThat(spec.settings()).containsOnlyKeys("echo");
    assertThat(spec.settings("echo")).contains(new EchoSettings(2, Duration.ofSeconds(2)));
    assertThat(spec.workloads().get(0).mix().get(1).steps()).hasSize(3).first()
        .isInstanceOfSatisfying(EchoStep.class, step -> {
          assertThat(step.line().source()).isEqualTo("my name is ${userId}");
          assertThat(step.store()).isEqualTo("reply");
          assertThat(step.expect()).isNull();
        });
  }

  @Test
  void theDryRunShowsTheDriversSettingsAndSteps() throws IOException {
    assertThat(DryRun.describe(load(FILE).withDuration(Duration.ofSeconds(2)))).isEqualTo("""
        Scenario echoes (%s): dry run, nothing is sent
          target    %s
          duration  2s, warm-up 0s, interval 1s, graceful stop 5s, seed 42
          echo      2 connections, timeout 2s
          variables greeting = hello

        Workload talkers: closed: 2 users
          flow  weight  share
          ping       3    75%%
          chat       1    25%%

          ping
            echo '${greeting} ${seq}'
              expect: hello

          chat
            1. echo 'my name is ${userId}'
                 store: reply
            2. think 1ms
            3. echo 'you said: ${reply}'
                 expect: you said: my name is

        Load over time (every 1s)
          time  talkers
          0s    2 users
          1s    2 users

        Criteria
          error_rate < 1%%
        """.formatted(folder.resolve("echoes.yaml"), server.target()));
  }

  @Test
  void itRunsOnCorePlimsollRun_andTheRunClosesItsSession() throws Exception {
    ScenarioSpec spec = load(FILE);
    RunResult result;
    EchoSession session;
    try (OpenScenario open = ScenarioBuilder.open(spec)) {
      session = EchoDriver.SESSIONS.stream().reduce((a, b) -> b).orElseThrow();
      result = Plimsoll.run(open.scenario());
      assertThat(session.closed()).isFalse();
    }
    assertThat(session.closed()).isTrue();

    OperationStats ping = result.operation("ping").orElseThrow();
    OperationStats chat = result.operation("chat").orElseThrow();
    assertThat(ping.failed()).as(ping.errors().toString()).isZero();
    assertThat(chat.failed()).as(chat.errors().toString()).isZero();
    assertThat(ping.completed()).isPositive();
    assertThat(chat.completed()).isPositive();
    assertThat(server.lines.get()).isEqualTo(ping.completed() + 2 * chat.completed());
    assertThat(server.accepted.get()).as("at most the configured connections").isBetween(1, 2);
    awaitNoOpenConnection();
  }

  @Test
  void aFailedExpectationFailsTheFlowWithTheCheckError() throws Exception {
    ScenarioSpec spec = load(FILE.replace("expect: hello", "expect: goodbye"));
    RunResult result;
    try (OpenScenario open = ScenarioBuilder.open(spec)) {
      result = Plimsoll.run(open.scenario());
    }
    OperationStats ping = result.operation("ping").orElseThrow();
    assertThat(ping.failed()).isEqualTo(ping.completed()).isPositive();
    assertThat(ping.errors()).allSatisfy(e -> assertThat(e.type()).isEqualTo(CheckFailedException.class.getName()));
    assertThat(result.operation("chat").orElseThrow().failed()).isZero();
  }

  @Test
  void connectionsOverridesReachTheDriversSettings() throws IOException {
    Path file = Files.writeString(folder.resolve("echoes.yaml"), FILE);
    ScenarioSpec spec = ScenarioLoader.create()
        .overrides(Overrides.builder("command line").connections(7).target(server.target()).build())
        .load(file);
    assertThat(spec.settings("echo")).contains(new EchoSettings(7, Duration.ofSeconds(2)));
  }

  @Test
  void theDriverChecksTheTargetItNeeds() {
    assertThatThrownBy(() -> ScenarioLoader.create()
        .overrides(Overrides.fromEnvironment(Map.of(Overrides.TARGET, "http://127.0.0.1:8080")))
        .parse(FILE, "echoes.yaml", folder))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("echoes.yaml:10:40: workloads[0].mix[0].echo: echo steps need a target tcp://host:port "
            + "(the target is http://127.0.0.1:8080)");
  }

  @Test
  void aStoredNameIsCheckedLikeAnyOther() {
    assertThatThrownBy(() -> ScenarioLoader.create().parse(FILE.replace("store: reply", "store: seq"),
        "echoes.yaml", folder))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("echoes.yaml:13:52: workloads[0].mix[1].steps[0].store: 'seq' is reserved");
  }

  private void awaitNoOpenConnection() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.open.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.open.get()).as("connections left open after the session closed").isZero();
  }
}
