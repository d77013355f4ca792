package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.OperationStats;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** One seed, one run: event for event, whatever the threads did. */
class DeterminismTest {

  /** Every kind of draw and fault at once, on the relaying protocol. */
  private static Simulation.Builder busy(long seed) {
    return Simulation.builder("busy").nodes(30).connectionsPerNode(4).rate(400).duration(Duration.ofSeconds(10))
        .rampUp(Duration.ofSeconds(1))
        .link(LinkConditions.of(Latency.exponential(Duration.ofMillis(8))).jitter(Duration.ofMillis(2))
            .loss(Loss.gilbertElliott(0.02, 0.3, 0.001, 0.5)).duplicate(0.01).reorder(0.05))
        .traffic(Traffic.BROADCAST).sessions(3)
        .fault(Fault.partition(Duration.ofSeconds(3), Duration.ofSeconds(5)))
        .fault(Fault.crash(4, Duration.ofSeconds(6)).restartAt(Duration.ofSeconds(8)))
        .deterministic(true).seed(seed);
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    SimResult first = busy(11).build().run();
    SimResult second = busy(11).build().run();
    assertThat(first.events()).isGreaterThan(5_000).isEqualTo(second.events());
    assertThat(second.totals()).isEqualTo(first.totals());
    assertThat(second.nodes()).isEqualTo(first.nodes());
    assertThat(second.delivered()).isEqualTo(first.delivered());
    assertThat(second.recoveries()).isEqualTo(first.recoveries());
    OperationStats a = first.run().operation("delivery").orElseThrow();
    OperationStats b = second.run().operation("delivery").orElseThrow();
    assertThat(b.completed()).isEqualTo(a.completed());
    assertThat(b.failed()).isEqualTo(a.failed());
    assertThat(b.responseTime().stats()).isEqualTo(a.responseTime().stats());
    assertThat(second.run().intervals()).extracting(i -> i.operation("delivery").completed())
        .isEqualTo(first.run().intervals().stream().map(i -> i.operation("delivery").completed()).toList());
  }

  @Test
  void anotherSeedGivesAnotherRun() {
    assertThat(busy(12).build().run().totals()).isNotEqualTo(busy(11).build().run().totals());
  }

  @Test
  void theCheckFindsNoDifferenceInADeterministicRun() {
    DeterminismCheck check = busy(13).build().checkDeterminism();
    assertThat(check.deterministic()).isTrue();
    assertThat(check.difference()).isEmpty();
    assertThat(check.events()).isGreaterThan(1_000);
    assertThat(check.seed()).isEqualTo(13);
  }

  @Test
  void theCheckPointsAtTheFirstDifferenceWhenAProtocolDrawsOutsideTheSeed() {
    Simulation sim = Simulation.builder("leaky").nodes(10).connectionsPerNode(4).rate(100)
        .duration(Duration.ofSeconds(2)).seed(1)
        .protocol(() -> new Protocol() {
          @Override
          public void onSend(Node node, Message message) {
            // Picks the peer with a source the seed does not govern: runs differ.
            var peers = node.peers();
            node.send(peers.get(ThreadLocalRandom.current().nextInt(peers.size())), message);
          }

          @Override
          public void onMessage(Node node, int from, Message message) {
            node.deliver(message);
          }
        })
        .build();
    DeterminismCheck check = sim.checkDeterminism();
    assertThat(check.deterministic()).isFalse();
    assertThat(check.difference()).hasValueSatisfying(d -> assertThat(d).matches(
        "event #\\d+: first run \\w+ \\d+->\\d+ message \\d+ at \\d+µs, second run \\w+ \\d+->\\d+ message \\d+ at \\d+µs"));
  }
}
