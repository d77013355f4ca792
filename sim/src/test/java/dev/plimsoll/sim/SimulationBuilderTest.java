package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every setting is checked when the simulation is built, with a message naming it. */
class SimulationBuilderTest {

  private static Simulation.Builder valid() {
    return Simulation.builder("ok").nodes(10).duration(Duration.ofSeconds(10));
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> valid().nodes(1).build())
        .isInstanceOf(InvalidConfigurationException.class).hasMessage("sim.nodes: must be >= 2 (was 1)");
    assertThatThrownBy(() -> valid().connectionsPerNode(0).build())
        .hasMessage("sim.connectionsPerNode: must be >= 1 (was 0)");
    assertThatThrownBy(() -> valid().rampUp(Duration.ofSeconds(10)).build())
        .hasMessage("sim.rampUp: the ramp-up 10s must be shorter than the duration 10s");
    assertThatThrownBy(() -> valid().fault(Fault.crash(10, Duration.ofSeconds(1))).build())
        .hasMessage("sim.faults: 'crash 10 nodes at 1s' would crash every node");
    assertThatThrownBy(() -> valid().fault(Fault.partition(Duration.ofSeconds(20), null)).build())
        .hasMessage("sim.faults: 'partition first half | rest at 20s' begins after the run ends (10s)");
    assertThatThrownBy(() -> Fault.partition(Duration.ofSeconds(5), Duration.ofSeconds(5)))
        .hasMessage("partition.healAt: must be after partition.at 5s (was 5s)");
    assertThatThrownBy(() -> valid().link(3, 12, LinkConditions.DEFAULT).build())
        .hasMessage("sim.links: link 3->12 names a node outside 0..9");
    assertThatThrownBy(() -> valid().criterion("delivery.p95 <").build())
        .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("criteria[0]: ");
    assertThatThrownBy(() -> Loss.random(1.5)).hasMessage("loss: must be between 0 and 1 (was 1.5)");
    assertThatThrownBy(() -> Simulation.preset("huge"))
        .hasMessage("sim.size: unknown size 'huge' (sizes: small, medium, large)");
  }

  @Test
  void presetsHaveTheIssuesNumbers() {
    Simulation large = Simulation.preset("large").build();
    assertThat(large.nodes()).isEqualTo(1000);
    assertThat(large.connectionsPerNode()).isEqualTo(20);
    assertThat(large.rate().describe()).isEqualTo("constant 10000/s");
    assertThat(large.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(large.criteria()).containsExactly("delivery.error_rate < 5%", "delivery.p95 < 200ms");
    assertThat(Simulation.preset("Small").build().criteria()).containsExactly("delivery.error_rate < 1%", "delivery.p95 < 50ms");
  }

  @Test
  void aCopyKeepsEverySetting() {
    Simulation sim = valid().link(1, 2, LinkConditions.DEFAULT.duplicate(0.5))
        .fault(Fault.crash(1, Duration.ofSeconds(1))).criterion("delivery.p99 < 1s").seed(5).build();
    Simulation copy = sim.toBuilder().build();
    assertThat(copy.describe()).isEqualTo(sim.describe());
    assertThat(copy.link(1, 2).duplicateProbability()).isEqualTo(0.5);
    assertThat(copy.criteria()).containsExactly("delivery.p99 < 1s");
  }
}
