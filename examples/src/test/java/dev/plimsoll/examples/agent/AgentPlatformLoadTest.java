package dev.plimsoll.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.examples.support.BusyMachine;
import dev.plimsoll.examples.support.ExampleRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One load test per component, judged by its expected range (on a busy machine, see
 * {@link BusyMachine}, by its error rate only): the quick variant (3 s each) in every
 * build, the full one (6 minutes each) only when asked for with the "full" tag.
 */
class AgentPlatformLoadTest {
  private static final AgentPlatform PLATFORM =
      new AgentPlatform(PlatformComponent.HASH_ITERATIONS, PlatformComponent.PROBE_LATENCY);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(PlatformComponent.class)
  void eachComponentStaysInItsExpectedRange(PlatformComponent component) throws Exception {
    RunResult result = AgentPlatformExample.run(PLATFORM, component, AgentPlatformExample.QUICK, dir, null, null);

    assertThat(BusyMachine.failuresThatCount(result)).as(component.label()).isEmpty();
    assertThat(result.total().errorRate()).isZero();
    assertThat(result.verdicts()).hasSize(5);
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Criteria", "throughput &gt;= ");
    assertThat(dir.resolve("result.json")).isNotEmptyFile();
  }

  @Test
  @Tag("full")
  void full_everyComponentForSixMinutes() {
    for (PlatformComponent component : PlatformComponent.values()) {
      RunResult result = AgentPlatformExample.run(PLATFORM, component, AgentPlatformExample.FULL,
          Path.of("target/plimsoll/agent-platform-full", component.label()), null, null);
      assertThat(ExampleRuns.failures(result)).as(component.label()).isEmpty();
    }
  }
}
