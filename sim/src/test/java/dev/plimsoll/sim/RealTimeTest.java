package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.OperationStats;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Real time: handlers on virtual threads, the network on the machine's clock (a short run). */
class RealTimeTest {

  @Test
  void messagesArriveAfterTheirLatencyWithHandlersOnVirtualThreads() {
    AtomicBoolean platformHandler = new AtomicBoolean();
    SimResult r = Simulation.builder("live").nodes(10).connectionsPerNode(4).rate(200)
        .duration(Duration.ofSeconds(3)).deliveryTimeout(Duration.ofMillis(500))
        .link(LinkConditions.of(Latency.constant(Duration.ofMillis(5))))
        .protocol(() -> new Protocol() {
          @Override
          public void onSend(Node node, Message m) {
            platformHandler.compareAndSet(false, !Thread.currentThread().isVirtual());
            node.send(m.destination(), m);
          }

          @Override
          public void onMessage(Node node, int from, Message m) {
            platformHandler.compareAndSet(false, !Thread.currentThread().isVirtual());
            node.deliver(m);
          }
        })
        .build().run();
    OperationStats delivery = r.run().operation("delivery").orElseThrow();
    assertThat(r.deterministic()).isFalse();
    assertThat(r.events()).isZero();
    assertThat(platformHandler).isFalse();
    assertThat(r.sends()).isBetween(590L, 600L);
    // Loose bounds: the machine may be busy, but no message arrives before its latency.
    assertThat(delivery.responseTime().stats().minMs()).isGreaterThanOrEqualTo(4.99);
    assertThat(delivery.succeeded()).isGreaterThan(r.sends() * 9 / 10);
    assertThat(r.run().operation("send").orElseThrow().completed()).isEqualTo(r.sends());
  }
}
