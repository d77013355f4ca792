package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On virtual time everything happens when it was planned, from the run's very start: the nodes
 * start with the run's clock, a timer due before the load's first arrival fires on time, and every
 * send (the first one too) has no scheduling lag.
 */
class StartTimingTest {

  /** Records, on the one thread of a deterministic run, when things happened. */
  private static final class Clocking implements Protocol {
    final List<Long> started;
    final List<Long> timers;
    final List<long[]> sends;

    Clocking(List<Long> started, List<Long> timers, List<long[]> sends) {
      this.started = started;
      this.timers = timers;
      this.sends = sends;
    }

    @Override
    public void onStart(Node node) {
      long t0 = node.nanoTime();
      started.add(t0);
      if (node.id() == 0) {
        node.after(Duration.ofMillis(3), () -> timers.add(node.nanoTime() - t0));
      }
    }

    @Override
    public void onSend(Node node, Message m) {
      sends.add(new long[] {m.intendedNanos(), node.nanoTime()});
      node.send(m.destination(), m);
    }

    @Override
    public void onMessage(Node node, int from, Message m) {
      node.deliver(m);
    }
  }

  @Test
  void aTimerDueBeforeTheFirstArrivalFiresOnTimeAndTheFirstSendIsNotLate() {
    List<Long> started = new ArrayList<>();
    List<Long> timers = new ArrayList<>();
    List<long[]> sends = new ArrayList<>();
    // 10 messages a second: the first arrival is 50 ms into the run, the timer 3 ms.
    SimResult r = Simulation.builder("start").nodes(4).connectionsPerNode(3).rate(10)
        .duration(Duration.ofSeconds(1)).deterministic(true)
        .protocol(() -> new Clocking(started, timers, sends)).build().run();

    assertThat(started).hasSize(4).containsOnly(started.get(0));
    assertThat(timers).containsExactly(3_000_000L); // before: at the first arrival, 50 ms
    long origin = started.get(0);
    assertThat(sends.get(0)[0] - origin).isEqualTo(50_000_000L); // the load starts with the nodes
    assertThat(sends.get(0)[1]).isEqualTo(sends.get(0)[0]);
    assertThat(r.run().generatorHealth().schedulingLag().stats().maxMs()).isZero();
  }

  @Test
  void atTenThousandMessagesASecondNoSendIsLate() {
    List<long[]> sends = new ArrayList<>();
    SimResult r = Simulation.builder("fast").nodes(4).connectionsPerNode(3).rate(10_000)
        .duration(Duration.ofMillis(200)).deterministic(true)
        .protocol(() -> new Clocking(new ArrayList<>(), new ArrayList<>(), sends)).build().run();

    assertThat(sends).hasSize(2_000);
    // Arrivals 0.1 ms apart were once started two at a time, up to 0.2 ms late, on virtual time too.
    assertThat(sends).allSatisfy(s -> assertThat(s[1]).isEqualTo(s[0]));
    assertThat(r.run().generatorHealth().schedulingLag().stats().maxMs()).isZero();
    assertThat(r.run().operation("delivery").orElseThrow().serviceTime().stats().maxMs())
        .isEqualTo(r.run().operation("delivery").orElseThrow().responseTime().stats().maxMs());
  }
}
