package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.OperationStats;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Nodes as protocols see them: sending, relaying, sessions, timers, counters, failures. */
class NodeTest {

  private static Simulation.Builder sim() {
    return Simulation.builder("nodes").nodes(6).connectionsPerNode(5).rate(200).duration(Duration.ofSeconds(5))
        .link(LinkConditions.of(Latency.constant(Duration.ofMillis(5)))).deterministic(true).seed(9);
  }

  private static OperationStats delivery(SimResult r) {
    return r.run().operation("delivery").orElseThrow();
  }

  @Test
  void aRequestAndItsReplyTakeTwoLinks() {
    SimResult r = sim().protocol(() -> new Protocol() {
      @Override
      public void onSend(Node node, Message m) {
        node.send(m.destination(), m);
      }

      @Override
      public void onMessage(Node node, int from, Message m) {
        if (m.payload() == null) {
          node.send(from, m.withPayload("reply"));
        } else {
          node.deliver(m);
        }
      }
    }).build().run();
    assertThat(delivery(r).responseTime().stats().minMs()).isCloseTo(10.0, within(0.02));
    assertThat(delivery(r).responseTime().stats().maxMs()).isCloseTo(10.0, within(0.02));
    assertThat(r.messagesPerOperation()).isCloseTo(2.0, within(0.01));
    assertThat(r.deliveryRatio()).isGreaterThan(0.99);
  }

  @Test
  void aBroadcastReachesEveryOtherMemberOfTheSessionOnce() {
    SimResult r = sim().traffic(Traffic.BROADCAST).sessions(2).build().run();
    // Six nodes, all connected, in two sessions of three: two deliveries owed per message.
    assertThat(r.expectedDeliveries()).isCloseTo(2 * r.sends(), within(2L));
    assertThat(r.deliveryRatio()).isGreaterThan(0.99);
    assertThat(r.duplicates()).isZero();
    assertThat(r.topology().minDegree()).isEqualTo(5);
  }

  @Test
  void nodesThatLeaveASessionAreNotOwedItsBroadcasts() {
    SimResult r = sim().traffic(Traffic.BROADCAST).protocol(() -> new GossipRelayLeaver()).build().run();
    // One session of six; nodes 4 and 5 leave it when they start: the others owe 3 each, they owe 3 too.
    assertThat(r.expectedDeliveries()).isCloseTo(3 * r.sends(), within(2L));
    assertThat(r.nodes().get(4).delivered()).isZero();
    assertThat(r.nodes().get(5).delivered()).isZero();
  }

  /** The default protocol, but nodes 4 and 5 are in no session. */
  private static final class GossipRelayLeaver implements Protocol {
    private final GossipRelay relay = new GossipRelay();

    @Override
    public void onStart(Node node) {
      if (node.id() >= 4) {
        node.leave("s0");
      }
    }

    @Override
    public void onSend(Node node, Message message) {
      relay.onSend(node, message);
    }

    @Override
    public void onMessage(Node node, int from, Message message) {
      relay.onMessage(node, from, message);
    }
  }

  @Test
  void timersRunOnTheNodeAfterTheirDelay() {
    SimResult r = sim().protocol(() -> new Protocol() {
      @Override
      public void onSend(Node node, Message m) {
        node.after(Duration.ofMillis(20), () -> node.send(m.destination(), m));
      }

      @Override
      public void onMessage(Node node, int from, Message m) {
        node.deliver(m);
      }
    }).build().run();
    assertThat(delivery(r).responseTime().stats().minMs()).isCloseTo(25.0, within(0.03));
    assertThat(delivery(r).responseTime().stats().maxMs()).isCloseTo(25.0, within(0.03));
  }

  @Test
  void countersAddUpPerNodeAndInTotal() {
    SimResult r = sim().loss(Loss.random(0.05)).build().run();
    NodeCounters t = r.totals();
    assertThat(r.nodes()).hasSize(6);
    assertThat(r.nodes().stream().mapToLong(NodeCounters::sent).sum()).isEqualTo(t.sent());
    assertThat(r.nodes().stream().mapToLong(NodeCounters::delivered).sum()).isEqualTo(t.delivered());
    // Every message sent was received or lost, but for the last few still on the wire at the end.
    assertThat(t.sent() - t.received() - t.lost()).isBetween(0L, 5L);
    assertThat(t.delivered()).isEqualTo(r.delivered()).isEqualTo(delivery(r).succeeded());
    // Each of the 15 connections is a link each way; their counts add up to the nodes'.
    assertThat(r.links()).hasSize(30);
    assertThat(r.links().stream().mapToLong(LinkCounters::sent).sum()).isEqualTo(t.sent());
    assertThat(r.links().stream().mapToLong(LinkCounters::lost).sum()).isEqualTo(t.lost());
    assertThat(r.links().stream().mapToLong(LinkCounters::arrived).sum()).isEqualTo(t.received());
    assertThat(r.links()).allMatch(l -> l.sent() > 0 && l.from() != l.to());
  }

  @Test
  void aThrowingHandlerIsCountedAndTheRunGoesOn() {
    SimResult r = sim().deliveryTimeout(Duration.ofMillis(100)).protocol(() -> new Protocol() {
      @Override
      public void onSend(Node node, Message m) {
        if (m.id() % 10 == 0) {
          throw new IllegalStateException("bad luck");
        }
        node.send(m.destination(), m);
      }

      @Override
      public void onMessage(Node node, int from, Message m) {
        node.deliver(m);
      }
    }).build().run();
    assertThat(r.handlerFailures()).isCloseTo(r.sends() / 10, within(1L));
    assertThat(r.firstHandlerFailure()).contains("java.lang.IllegalStateException: bad luck");
    assertThat(delivery(r).failed()).isCloseTo(r.sends() / 10, within(3L));
    assertThat(r.run().succeeded()).isTrue();
  }

  @Test
  void aRestartedNodeStartsAfreshWithANewProtocolInstance() {
    Set<Object> instances = ConcurrentHashMap.newKeySet();
    sim().fault(Fault.crash(2, Duration.ofSeconds(1)).restartAt(Duration.ofSeconds(2))).protocol(() -> {
      GossipRelay relay = new GossipRelay();
      instances.add(relay);
      return relay;
    }).build().run();
    assertThat(instances).hasSize(6 + 2);
  }
}
