package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.OperationStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated network against its settings, in deterministic runs (virtual time: milliseconds of real time). */
class NetworkTest {
  private static final long S = 1_000_000_000L;

  private static Simulation.Builder sim() {
    return Simulation.builder("net").nodes(10).connectionsPerNode(4).rate(500)
        .duration(Duration.ofSeconds(20)).deterministic(true).seed(3);
  }

  private static OperationStats delivery(SimResult r) {
    return r.run().operation("delivery").orElseThrow();
  }

  @Test
  void randomLossDropsItsShareOfMessages() {
    SimResult r = sim().loss(Loss.random(0.1)).build().run();
    double lost = (double) r.totals().lost() / r.totals().sent();
    // 10,000 messages: the standard error is 0.3 %.
    assertThat(lost).isCloseTo(0.1, within(0.012));
    assertThat(delivery(r).failed() / (double) delivery(r).completed()).isCloseTo(0.1, within(0.012));
    assertThat(delivery(r).errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("not delivered within <n>s"));
  }

  @Test
  void gilbertElliottLossIsBurstyAtItsMeanRate() {
    Loss ge = Loss.gilbertElliott(0.05, 0.25, 0.0, 0.9);
    // One link carries everything, so its state runs through the whole sequence.
    SimResult r = Simulation.builder("ge").nodes(2).connectionsPerNode(1).rate(1000)
        .duration(Duration.ofSeconds(30)).deterministic(true).seed(5).loss(ge).build().run();
    double lost = (double) r.totals().lost() / r.totals().sent();
    assertThat(ge.meanLossRate()).isCloseTo(0.15, within(1e-9));
    assertThat(lost).isCloseTo(0.15, within(0.03));
  }

  @Test
  void latencyAndJitterShowInDeliveryTimes() {
    SimResult r = sim().link(LinkConditions.of(Latency.constant(Duration.ofMillis(20))).jitter(Duration.ofMillis(5)))
        .build().run();
    assertThat(delivery(r).responseTime().stats().minMs()).isBetween(14.99, 15.5);
    assertThat(delivery(r).responseTime().stats().maxMs()).isBetween(24.5, 25.1);
    assertThat(delivery(r).responseTime().stats().meanMs()).isCloseTo(20.0, within(0.3));
    assertThat(delivery(r).failed()).isZero();
  }

  @Test
  void duplicationSendsCopiesThatShowAsDuplicates() {
    SimResult r = sim().link(LinkConditions.DEFAULT.duplicate(0.2)).build().run();
    double duplicated = (double) r.totals().duplicated() / r.totals().sent();
    assertThat(duplicated).isCloseTo(0.2, within(0.02));
    assertThat(r.duplicates()).isCloseTo(r.totals().duplicated(), within(20L));
    assertThat(delivery(r).completed()).isEqualTo(r.delivered());
  }

  @Test
  void linksKeepOrderUnlessMessagesMayOvertake() {
    LinkConditions spread = LinkConditions.of(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(100)));
    SimResult inOrder = sim().nodes(2).connectionsPerNode(1).link(spread).build().run();
    SimResult reordered = sim().nodes(2).connectionsPerNode(1).link(spread.reorder(1.0)).build().run();
    // 500 messages a second on one link, each taking 1-100 ms: most would overtake the one before.
    assertThat(inOrder.totals().delayed()).isGreaterThan(inOrder.totals().sent() / 2);
    assertThat(reordered.totals().delayed()).isZero();
    assertThat(delivery(inOrder).responseTime().stats().meanMs())
        .isGreaterThan(delivery(reordered).responseTime().stats().meanMs());
  }

  @Test
  void aPartitionStopsDeliveryAcrossItAndHealingRestoresIt() {
    Arrivals arrivals = new Arrivals();
    SimResult r = sim().protocol(arrivals::protocol)
        .fault(Fault.partition(Duration.ofSeconds(5), Duration.ofSeconds(10))).build().run();
    List<Arrivals.Seen> during = arrivals.between(5 * S, 10 * S);
    assertThat(during).isNotEmpty().noneMatch(s -> across(s.from(), s.to()));
    assertThat(arrivals.between(10 * S + 100_000_000L, 20 * S)).anyMatch(s -> across(s.from(), s.to()));
    assertThat(arrivals.between(0, 5 * S)).anyMatch(s -> across(s.from(), s.to()));
    assertThat(r.faults()).containsExactly("partition first half | rest at 5s, healed at 10s");
  }

  @Test
  void aOneWayPartitionCutsOnlyOneDirection() {
    Arrivals arrivals = new Arrivals();
    SimResult r = sim().protocol(arrivals::protocol)
        .fault(Fault.partition(Duration.ofSeconds(5), Duration.ofSeconds(10)).oneWay()).build().run();
    List<Arrivals.Seen> during = arrivals.between(5 * S + 100_000_000L, 10 * S);
    assertThat(during).noneMatch(s -> s.from() < 5 && s.to() >= 5);
    assertThat(during).anyMatch(s -> s.from() >= 5 && s.to() < 5);
  }

  @Test
  void crashedNodesReceiveNothingUntilTheyRestart() {
    Arrivals arrivals = new Arrivals();
    SimResult r = sim().protocol(arrivals::protocol)
        .fault(Fault.crash(3, Duration.ofSeconds(5)).restartAt(Duration.ofSeconds(10))).build().run();
    long[] received = new long[10];
    arrivals.between(6 * S, 10 * S).forEach(s -> received[s.to()]++);
    long silent = java.util.Arrays.stream(received).filter(c -> c == 0).count();
    assertThat(silent).isEqualTo(3);
    long[] after = new long[10];
    arrivals.between(11 * S, 20 * S).forEach(s -> after[s.to()]++);
    assertThat(java.util.Arrays.stream(after).allMatch(c -> c > 0)).isTrue();
    assertThat(r.totals().lost()).isPositive();
  }

  private static boolean across(int a, int b) {
    return (a < 5) != (b < 5);
  }

  @Test
  void pausedNodesHandleWhatReachedThemWhenTheyResume() {
    Arrivals arrivals = new Arrivals();
    SimResult r = sim().protocol(arrivals::protocol).deliveryTimeout(Duration.ofSeconds(5))
        .fault(Fault.pause(3, Duration.ofSeconds(5), Duration.ofSeconds(8))).build().run();
    long[] during = new long[10];
    arrivals.between(5 * S + 10_000_000L, 8 * S).forEach(s -> during[s.to()]++);
    assertThat(java.util.Arrays.stream(during).filter(c -> c == 0).count()).isEqualTo(3);
    // Nothing lost: what waited is handled at 8 s, three seconds late at most.
    assertThat(r.totals().lost()).isZero();
    assertThat(r.totals().delayed()).isPositive();
    assertThat(delivery(r).failed()).isZero();
    assertThat(delivery(r).responseTime().stats().maxMs()).isBetween(2_900.0, 3_010.0);
    assertThat(arrivals.between(8 * S, 8 * S + 1)).hasSizeGreaterThan(100);
  }

  @Test
  void skewedClocksDisagreeByUpToTheirBoundAndTheSameWayEachRun() {
    List<Long> first = new java.util.ArrayList<>();
    List<Long> second = new java.util.ArrayList<>();
    for (List<Long> offsets : List.of(first, second)) {
      sim().duration(Duration.ofSeconds(1)).clockSkew(Duration.ofMillis(50)).protocol(() -> new Protocol() {
        @Override
        public void onStart(Node node) {
          offsets.add(node.nanoTime());
        }

        @Override
        public void onSend(Node node, Message m) {
          node.send(m.destination(), m);
        }

        @Override
        public void onMessage(Node node, int from, Message m) {
          node.deliver(m);
        }
      }).build().run();
    }
    assertThat(first).hasSize(10).isEqualTo(second).allMatch(t -> Math.abs(t) <= 50_000_000L);
    assertThat(first.stream().distinct().count()).isGreaterThan(5);
  }

  @Test
  void aLinksBandwidthQueuesMessagesAndItsQueueLimitDropsThem() {
    // Two nodes, one link each way, 500 messages a second of 1 KiB over 256 KiB/s: 4 ms each, so
    // the link is busy 2 s of every second. The queue grows until its limit of 50, then drops.
    LinkConditions slow = LinkConditions.of(Latency.constant(Duration.ofMillis(1))).bandwidth(256 * 1024);
    SimResult queued = sim().nodes(2).connectionsPerNode(1).duration(Duration.ofSeconds(4))
        .deliveryTimeout(Duration.ofSeconds(10)).link(slow).build().run();
    SimResult limited = sim().nodes(2).connectionsPerNode(1).duration(Duration.ofSeconds(4))
        .link(slow.queueLimit(50)).build().run();
    assertThat(queued.totals().lost()).isZero();
    assertThat(queued.totals().delayed()).isGreaterThan(queued.totals().sent() * 9 / 10);
    // Each link carries half the messages: 250/s for a capacity of 256/s: it nearly keeps up.
    assertThat(delivery(queued).responseTime().stats().minMs()).isCloseTo(4.9, within(0.1));
    assertThat(limited.totals().lost()).isZero();
    SimResult overloaded = sim().nodes(2).connectionsPerNode(1).duration(Duration.ofSeconds(4)).rate(1000)
        .link(slow.queueLimit(50)).build().run();
    double dropped = (double) overloaded.totals().lost() / overloaded.totals().sent();
    // 500/s per link for 256/s of capacity: about half is dropped once the queue is full.
    assertThat(dropped).isCloseTo(0.49, within(0.05));
    // What is dropped fails at the delivery timeout; what is not waited at most the 50 ahead of it.
    // (those dropped in the run's last second have no timeout before its end).
    assertThat(delivery(overloaded).failed()).isBetween(overloaded.totals().lost() * 6 / 10, overloaded.totals().lost());
    assertThat(delivery(overloaded).responseTime().stats().minMs()).isLessThan(50 * 4 + 10);
  }

  @Test
  void aBridgeNodeStillReachesBothSides() {
    Arrivals arrivals = new Arrivals();
    sim().protocol(arrivals::protocol).connectionsPerNode(9)
        .fault(Fault.partition(Duration.ofSeconds(5), Duration.ofSeconds(10)).bridge(java.util.Set.of(0))).build().run();
    List<Arrivals.Seen> during = arrivals.between(5 * S + 100_000_000L, 10 * S);
    assertThat(during).noneMatch(s -> s.from() != 0 && s.to() != 0 && across(s.from(), s.to()));
    assertThat(during).anyMatch(s -> s.from() == 0 && s.to() >= 5);
    assertThat(during).anyMatch(s -> s.to() == 0 && s.from() >= 5);
  }

  @Test
  void aHoldingPartitionDeliversWhatCrossedItWhenItHeals() {
    Arrivals arrivals = new Arrivals();
    SimResult r = sim().protocol(arrivals::protocol).deliveryTimeout(Duration.ofSeconds(10))
        .fault(Fault.partition(Duration.ofSeconds(5), Duration.ofSeconds(8)).holdInFlight()).build().run();
    assertThat(arrivals.between(5 * S + 10_000_000L, 8 * S)).noneMatch(s -> across(s.from(), s.to()));
    // Nothing lost: every crossing message of the three seconds arrives at the heal, in order.
    assertThat(r.totals().lost()).isZero();
    assertThat(delivery(r).failed()).isZero();
    assertThat(arrivals.between(8 * S, 8 * S + 1).stream().filter(s -> across(s.from(), s.to())).count())
        .isGreaterThan(300);
    assertThat(delivery(r).responseTime().stats().maxMs()).isBetween(2_990.0, 3_010.0);
    assertThat(r.faults()).containsExactly("partition first half | rest at 5s, healed at 8s, holding messages until then");
  }
}
