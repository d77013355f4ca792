package dev.plimsoll.examples.agent;

import static dev.plimsoll.junit.PlimsollAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Mix;
import dev.plimsoll.examples.support.BusyMachine;
import dev.plimsoll.examples.support.ExampleRuns;
import dev.plimsoll.junit.Load;
import dev.plimsoll.junit.LoadPlan;
import dev.plimsoll.junit.LoadResult;
import dev.plimsoll.junit.Quick;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One load test per component, written with plimsoll-junit's fluent API and judged by the
 * component's expected range (on a busy machine, see {@link BusyMachine}, by its error rate only):
 * the quick variant (3 s each) in every build, with its reports under
 * {@code target/plimsoll/AgentPlatformLoadTest/<component>/}; the full one (6 minutes each) only
 * when asked for with the "full" tag.
 */
class AgentPlatformLoadTest {
  private static final AgentPlatform PLATFORM =
      new AgentPlatform(PlatformComponent.HASH_ITERATIONS, PlatformComponent.PROBE_LATENCY);

  @Quick
  @ParameterizedTest
  @EnumSource(PlatformComponent.class)
  void eachComponentStaysInItsExpectedRange(PlatformComponent component) {
    LoadResult result = quick(component).run(component.label(), mix(PLATFORM, component));

    assertThat(result).meets(BusyMachine.criteriaThatCount(result.runResult(), component.expected().criteria()));
    assertThat(result.errorRate()).isZero();
    assertThat(result.reportDirectory()).hasValueSatisfying(dir -> {
      assertThat(dir.resolve("report.md")).isNotEmptyFile();
      assertThat(dir.resolve("report.html")).isNotEmptyFile();
      assertThat(dir.resolve("result.json")).isNotEmptyFile();
    });
  }

  /**
   * The quick load of one component, as {@code plimsoll example agent-platform} runs it: its users
   * in a closed model for 3 s, the first quarter warm-up.
   */
  static LoadPlan quick(PlatformComponent component) {
    return Load.users(component.users())
        .duration(AgentPlatformExample.QUICK)
        .warmUp(AgentPlatformExample.QUICK.dividedBy(4));
  }

  /** The component's operation, named by its label as in the example's own runs (and baselines). */
  static Mix mix(AgentPlatform platform, PlatformComponent component) {
    return Mix.of(component.label(), component.operation(platform));
  }

  @Test
  @Tag("full")
  void full_everyComponentForSixMinutes() {
    for (PlatformComponent component : PlatformComponent.values()) {
      var result = AgentPlatformExample.run(PLATFORM, component, AgentPlatformExample.FULL,
          Path.of("target/plimsoll/agent-platform-full", component.label()), null, null);
      assertThat(ExampleRuns.failures(result)).as(component.label()).isEmpty();
    }
  }
}
