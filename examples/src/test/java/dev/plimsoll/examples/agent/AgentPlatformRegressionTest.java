package dev.plimsoll.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The regression gate against the committed baseline of the service registry (made with
 * {@code plimsoll example agent-platform --component registry --save-baseline-dir
 * examples/agent-platform/baselines}). The registry's time is its simulated network round trip, so
 * its baseline holds on any machine; the CPU-bound components' baselines are this machine's.
 */
class AgentPlatformRegressionTest {
  static final Path BASELINE = Path.of("agent-platform/baselines/registry.json");

  @Test
  void theUnchangedRegistry_passesTheGate() {
    AgentPlatform unchanged = new AgentPlatform(PlatformComponent.HASH_ITERATIONS, PlatformComponent.PROBE_LATENCY);

    RunResult result = AgentPlatformExample.run(unchanged, PlatformComponent.REGISTRY, AgentPlatformExample.QUICK,
        null, BASELINE, null);

    assertThat(gateVerdicts(result)).isNotEmpty().allMatch(Verdict::passed);
    assertThat(result.status()).isEqualTo(RunStatus.PASSED);
  }

  @Test
  void aRegistryWhoseHealthChecksTakeThreeTimesAsLong_failsTheGate() {
    AgentPlatform slowed = new AgentPlatform(PlatformComponent.HASH_ITERATIONS,
        PlatformComponent.PROBE_LATENCY.multipliedBy(3));

    RunResult result = AgentPlatformExample.run(slowed, PlatformComponent.REGISTRY, AgentPlatformExample.QUICK,
        null, BASELINE, null);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(gateVerdicts(result)).filteredOn(v -> !v.passed()).extracting(v -> v.criterion().source())
        .anyMatch(s -> s.startsWith("total: throughput ") && s.contains("vs baseline"));
  }

  /** The gate's verdicts: their sources compare with the baseline. */
  private static java.util.List<Verdict> gateVerdicts(RunResult result) {
    return result.verdicts().stream().filter(v -> v.criterion().source().contains("vs baseline")).toList();
  }
}
