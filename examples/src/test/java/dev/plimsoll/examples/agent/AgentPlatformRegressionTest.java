package dev.plimsoll.examples.agent;

import static dev.plimsoll.junit.PlimsollAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.plimsoll.junit.LoadResult;
import dev.plimsoll.junit.LoadTestFailure;
import dev.plimsoll.junit.Quick;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The regression gate against the committed baseline of the service registry, with plimsoll-junit's
 * baseline support: the run fails when it falls outside {@link AgentPlatformExample#GATE} of
 * {@code agent-platform/baselines/registry.json}. Rewrite that file with
 * <pre>mvn -pl examples -am verify -Dtest=AgentPlatformRegressionTest -Dsurefire.failIfNoSpecifiedTests=false -Dplimsoll.baseline.update=true</pre>
 * The same file gates {@code plimsoll example agent-platform --baseline-dir examples/agent-platform/baselines}:
 * both runs have one load shape. The registry's time is its simulated network round trip, so its
 * baseline holds on any machine; the CPU-bound components' baselines are this machine's.
 */
@Quick
class AgentPlatformRegressionTest {
  static final Path BASELINE = Path.of("agent-platform/baselines/registry.json");

  @Test
  void theUnchangedRegistry_passesTheGate() {
    AgentPlatform unchanged = new AgentPlatform(PlatformComponent.HASH_ITERATIONS, PlatformComponent.PROBE_LATENCY);

    LoadResult result = gatedRegistryRun(unchanged);

    assertThat(result).passed();
  }

  @Test
  void aRegistryWhoseHealthChecksTakeThreeTimesAsLong_failsTheGate() {
    // Writing baselines, this run would pass its criteria and save the slowed registry's numbers as the baseline.
    assumeFalse(updatingBaselines(), "not while -Dplimsoll.baseline.update=true rewrites the baseline");
    AgentPlatform slowed = new AgentPlatform(PlatformComponent.HASH_ITERATIONS,
        PlatformComponent.PROBE_LATENCY.multipliedBy(3));

    assertThatThrownBy(() -> gatedRegistryRun(slowed))
        .isInstanceOf(LoadTestFailure.class)
        .hasMessageMatching("(?s).*registry: throughput \\S+ vs baseline \\S+ \\(-\\d+(\\.\\d+)? %, limit -25 %\\).*");
  }

  /** The registry's quick run, held to its expected range and gated against {@link #BASELINE}. */
  private static LoadResult gatedRegistryRun(AgentPlatform platform) {
    PlatformComponent registry = PlatformComponent.REGISTRY;
    return AgentPlatformLoadTest.quick(registry)
        .criteria(registry.expected().criteria().toArray(String[]::new))
        .baseline(BASELINE)
        .gate(AgentPlatformExample.GATE)
        .run(registry.label(), AgentPlatformLoadTest.mix(platform, registry));
  }

  private static boolean updatingBaselines() {
    return Boolean.parseBoolean(System.getProperty("plimsoll.baseline.update", System.getenv("PLIMSOLL_BASELINE_UPDATE")));
  }
}
