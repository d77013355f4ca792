package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Recovery time measured on protocols whose answer is known by construction. */
class RecoveryTest {

  /** Delivers what reaches it, except for its first 1.5 s after a restart (it "rejoins" that long). */
  private static final class SlowRejoin implements Protocol {
    private final Set<Integer> startedBefore;
    private long deafUntil;

    SlowRejoin(Set<Integer> startedBefore) {
      this.startedBefore = startedBefore;
    }

    @Override
    public void onStart(Node node) {
      if (!startedBefore.add(node.id())) {
        deafUntil = node.nanoTime() + 1_500_000_000L;
      }
    }

    @Override
    public void onSend(Node node, Message message) {
      node.send(message.destination(), message);
    }

    @Override
    public void onMessage(Node node, int from, Message message) {
      if (node.nanoTime() >= deafUntil) {
        node.deliver(message);
      }
    }
  }

  private static Simulation.Builder sim() {
    return Simulation.builder("recovery").nodes(10).connectionsPerNode(9).rate(1000)
        .duration(Duration.ofSeconds(20)).deterministic(true).seed(21);
  }

  @Test
  void aNodeThatTakesOneAndAHalfSecondsToRejoinRecoversInOneAndAHalfSeconds() {
    Set<Integer> started = ConcurrentHashMap.newKeySet();
    SimResult r = sim().protocol(() -> new SlowRejoin(started))
        .fault(Fault.crash(5, Duration.ofSeconds(8)).restartAt(Duration.ofSeconds(10))).build().run();
    assertThat(r.recoveries()).singleElement().satisfies(rec -> {
      assertThat(rec.from()).isEqualTo(Duration.ofSeconds(10));
      // All delivered before the crash, but for a message or two in flight to a node as it crashed.
      assertThat(rec.baselineRatio()).isGreaterThan(0.999);
      assertThat(rec.time()).contains(Duration.ofMillis(1500));
      assertThat(rec.describe()).isEqualTo("crash 5 nodes at 8s, restarted at 10s: recovered 1s500ms after 10s");
    });
  }

  @Test
  void deliveryAcrossAHealedPartitionRecoversAtOnce() {
    SimResult r = sim().fault(Fault.partition(Duration.ofSeconds(5), Duration.ofSeconds(8))).build().run();
    assertThat(r.recoveries()).singleElement().satisfies(rec -> assertThat(rec.time()).contains(Duration.ZERO));
  }

  @Test
  void aCrashWithoutRestartNeverRecovers() {
    SimResult r = sim().fault(Fault.crash(3, Duration.ofSeconds(5))).build().run();
    assertThat(r.recoveries()).singleElement().satisfies(rec -> {
      assertThat(rec.time()).isEmpty();
      assertThat(rec.describe()).isEqualTo("crash 3 nodes at 5s: not recovered by the end of the run");
    });
  }
}
