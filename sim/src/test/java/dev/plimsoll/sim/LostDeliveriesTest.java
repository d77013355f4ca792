package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.OperationStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A lost message counts as a failed delivery, in its own error class, without a latency: the error
 * rate is the share lost, the percentiles are over the deliveries made, and every message of the
 * run is accounted for, the last ones too.
 */
class LostDeliveriesTest {

  /** Sends every message straight to its destination except every tenth, which it never sends. */
  private static final class DropsEveryTenth implements Protocol {
    @Override
    public void onSend(Node node, Message m) {
      if (m.id() % 10 != 0) {
        node.send(m.destination(), m);
      }
    }

    @Override
    public void onMessage(Node node, int from, Message m) {
      node.deliver(m);
    }
  }

  @Test
  void everyTenthMessageLostIsCountedAndLeftOutOfTheLatencies() {
    SimResult r = Simulation.builder("lossy").nodes(5).connectionsPerNode(4).rate(100)
        .duration(Duration.ofSeconds(2)).link(LinkConditions.of(Latency.constant(Duration.ofMillis(5))))
        .protocol(DropsEveryTenth::new).criterion("delivery.error_rate < 5%").criterion("delivery.p95 < 10ms")
        .deterministic(true).build().run();

    OperationStats delivery = r.run().operation("delivery").orElseThrow();
    // 200 messages, ids 0-199: 20 never sent, the last of them (intended at 1.9 s) lost at 2.9 s.
    assertThat(delivery.started()).isEqualTo(200);
    assertThat(delivery.succeeded()).isEqualTo(180);
    assertThat(delivery.failed()).isEqualTo(20);
    assertThat(delivery.responseTime().count()).isEqualTo(180);
    assertThat(delivery.responseTime().stats().maxMs()).isCloseTo(5.0, within(0.01));
    assertThat(delivery.errorRate()).isEqualTo(0.1);
    assertThat(delivery.errors()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(LostMessage.class.getName());
      assertThat(e.message()).isEqualTo("not delivered within <n>s");
      assertThat(e.count()).isEqualTo(20);
    });
    assertThat(r.run().verdicts()).extracting(v -> v.criterion().source() + " " + (v.passed() ? "PASS" : "FAIL"))
        .containsExactly("delivery.error_rate < 5% FAIL", "delivery.p95 < 10ms PASS");
    assertThat(r.delivered()).isEqualTo(180);
    assertThat(r.lost()).isEqualTo(20);
    assertThat(r.inFlightAtEnd()).isZero();
    assertThat(r.expectedDeliveries()).isEqualTo(200);
  }

  @Test
  void theRunWaitsForTheLastMessagesOnTheWire() {
    // 100 ms links and a run of 1 s: the last 10 messages are on the wire when the load stops.
    SimResult r = Simulation.builder("slow").nodes(3).connectionsPerNode(2).rate(100)
        .duration(Duration.ofSeconds(1)).link(LinkConditions.of(Latency.constant(Duration.ofMillis(100))))
        .deterministic(true).build().run();
    OperationStats delivery = r.run().operation("delivery").orElseThrow();
    assertThat(delivery.succeeded()).isEqualTo(100);
    assertThat(delivery.failed()).isZero();
    assertThat(r.inFlightAtEnd()).isZero();
    assertThat(java.time.Duration.between(r.run().startTime(), r.run().endTime()))
        .isBetween(Duration.ofMillis(1095), Duration.ofMillis(1120));
  }
}
