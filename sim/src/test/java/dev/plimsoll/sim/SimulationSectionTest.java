package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.ResultSection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulation's record in the run's result: what a reader of result.json finds under sections.simulation. */
class SimulationSectionTest {

  private static SimResult run(long seed) {
    return Simulation.builder("recorded").nodes(12).connectionsPerNode(4).rate(200)
        .duration(Duration.ofSeconds(6)).deterministic(true).seed(seed)
        .fault(Fault.crash(3, Duration.ofSeconds(2)).restartAt(Duration.ofSeconds(4)))
        .fault(Fault.partition(Duration.ofSeconds(1), Duration.ofSeconds(2)).side(java.util.Set.of(7, 2)))
        .build().run();
  }

  @Test
  void recordsTheSeedTopologyFaultScheduleWithTheNodesStruck_andRecoveries() {
    SimResult r = run(5);
    ResultSection s = r.run().section("simulation").orElseThrow();

    assertThat(s.data("seed")).isEqualTo(5L);
    assertThat(s.data("deterministic")).isEqualTo(true);
    Map<?, ?> topology = (Map<?, ?>) s.data("topology");
    assertThat(topology.get("nodes")).isEqualTo(12L);
    assertThat((List<?>) topology.get("edges")).hasSize(r.topology().connections());
    List<?> faults = (List<?>) s.data("faults");
    Map<?, ?> crash = (Map<?, ?>) faults.get(0);
    assertThat(crash.get("kind")).isEqualTo("crash");
    assertThat(crash.get("atS")).isEqualTo(2.0);
    assertThat(crash.get("untilS")).isEqualTo(4.0);
    assertThat((List<?>) crash.get("nodes")).hasSize(3).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat((Long) n).isBetween(0L, 11L));
    Map<?, ?> partition = (Map<?, ?>) faults.get(1);
    assertThat(partition.get("nodes")).isEqualTo(List.of(2L, 7L));
    assertThat((List<?>) s.data("recoveries")).hasSize(2);
    assertThat(s.facts()).extracting(ResultSection.Fact::name).contains("seed", "topology", "fault", "recovery");
  }

  @Test
  void theNodesCountersAddUpToTheTotals_andTheSameSeedGivesTheSameRecord() {
    SimResult first = run(9);
    Map<?, ?> nodes = (Map<?, ?>) first.run().section("simulation").orElseThrow().data("nodes");
    long sent = ((List<?>) nodes.get("sent")).stream().mapToLong(n -> (Long) n).sum();
    long lost = ((List<?>) nodes.get("lost")).stream().mapToLong(n -> (Long) n).sum();
    assertThat(sent).isEqualTo(first.totals().sent()).isPositive();
    assertThat(lost).isEqualTo(first.totals().lost());

    SimResult second = run(9);
    assertThat(second.run().section("simulation").orElseThrow().data())
        .isEqualTo(first.run().section("simulation").orElseThrow().data());
  }
}
