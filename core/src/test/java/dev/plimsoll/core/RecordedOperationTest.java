package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Latencies measured elsewhere (a message sent by one node, received by another) recorded into a run. */
class RecordedOperationTest {
  private static final long MS = 1_000_000;

  private final VirtualClock clock = VirtualClock.create();

  /** Message n is sent at 5 + 10 (n - 1) ms; every tenth takes 100 ms, the others 20 ms; every fiftieth is lost. */
  private static long delayMs(long n) {
    return n % 10 == 0 ? 100 : 20;
  }

  @Test
  void deliveriesCountLikeOperationsInTheirIntervalsAndCriteria() {
    AtomicLong sent = new AtomicLong();
    Operation send = ctx -> {
      long n = sent.incrementAndGet();
      long sentAt = ctx.clock().nanoTime();
      OperationRecorder delivery = ctx.recorder("delivery");
      Clock network = ctx.clock();
      network.delay(Duration.ofMillis(delayMs(n))).thenRun(() -> delivery.record(sentAt, sentAt, network.nanoTime(),
          n % 50 == 0 ? new TimeoutException("message " + n + " lost") : null));
    };
    RunResult result = Plimsoll.run(Scenario.builder("p2p").clock(clock)
        .workload(Workload.of("send", send, OpenModel.rate(100)))
        .recordedOperation("delivery")
        .duration(Duration.ofSeconds(2))
        .criterion("delivery.p99 < 150ms")
        .criterion("delivery.error_rate < 1%")
        .build());

    long delivered = 0;
    long lost = 0;
    long firstSecond = 0;
    for (long n = 1; n <= 200; n++) {
      long at = 5 + 10 * (n - 1) + delayMs(n);
      if (at <= 2000) {
        delivered++;
        lost += n % 50 == 0 ? 1 : 0;
        firstSecond += at <= 1000 ? 1 : 0;
      }
    }
    OperationStats delivery = result.operation("delivery").orElseThrow();
    assertThat(delivery.started()).isEqualTo(delivered);
    assertThat(delivery.completed()).isEqualTo(delivered);
    assertThat(delivery.failed()).isEqualTo(lost);
    assertThat(delivery.errors()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo("java.util.concurrent.TimeoutException");
      assertThat(e.message()).isEqualTo("message <n> lost");
    });
    assertThat(delivery.responseTime().stats().minMs()).isCloseTo(20, within(0.02));
    assertThat(delivery.responseTime().stats().maxMs()).isCloseTo(100, within(0.1));
    assertThat(delivery.serviceTime()).isEqualTo(delivery.responseTime());
    assertThat(result.intervals()).extracting(i -> i.operation("delivery").completed())
        .containsExactly(firstSecond, delivered - firstSecond);
    assertThat(result.operation("send").orElseThrow().completed()).isEqualTo(200);
    assertThat(result.total().completed()).isEqualTo(200 + delivered);
    assertThat(result.config().recordedOperations()).containsExactly("delivery");
    assertThat(result.verdicts()).extracting(v -> v.criterion().source() + "=" + v.passed())
        .containsExactly("delivery.p99 < 150ms=true", "delivery.error_rate < 1%=false");
  }

  @Test
  void lostOperationsFailWithoutALatencyAndTheDrainWaitsForWhatIsOwed() {
    AtomicLong sent = new AtomicLong();
    AtomicLong owed = new AtomicLong();
    Operation send = ctx -> {
      long n = sent.incrementAndGet();
      long sentAt = ctx.clock().nanoTime();
      OperationRecorder delivery = ctx.recorder("delivery");
      if (n == 1) {
        delivery.drainWhile(() -> owed.get() > 0);
      }
      owed.incrementAndGet();
      Clock network = ctx.clock();
      network.delay(Duration.ofMillis(delayMs(n))).thenRun(() -> {
        if (n % 50 == 0) {
          delivery.recordLost(sentAt, new TimeoutException("message " + n + " lost"));
        } else {
          delivery.record(sentAt, sentAt, network.nanoTime());
        }
        owed.decrementAndGet();
      });
    };
    RunResult result = Plimsoll.run(Scenario.builder("p2p").clock(clock)
        .workload(Workload.of("send", send, OpenModel.rate(100)))
        .recordedOperation("delivery")
        .duration(Duration.ofSeconds(2))
        .criterion("delivery.max < 150ms")
        .criterion("delivery.error_rate < 1%")
        .build());

    // All 200 messages, the ones still on their way at the stop too; 4 of them (50, 100, 150, 200) lost.
    OperationStats delivery = result.operation("delivery").orElseThrow();
    assertThat(delivery.started()).isEqualTo(200);
    assertThat(delivery.succeeded()).isEqualTo(196);
    assertThat(delivery.failed()).isEqualTo(4);
    assertThat(delivery.responseTime().count()).isEqualTo(196);
    assertThat(delivery.serviceTime().count()).isEqualTo(196);
    // Every tenth message takes 100 ms; the lost ones (multiples of 50) are among them, and leave no sample.
    assertThat(delivery.responseTime().stats().maxMs()).isCloseTo(100, within(0.1));
    assertThat(delivery.errors()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(4));
    assertThat(result.intervals().stream().mapToLong(i -> i.operation("delivery").failed()).sum()).isEqualTo(4);
    assertThat(owed.get()).isZero();
    // The last message, meant for 1.995 s, takes 100 ms: the run drained until it came.
    assertThat(Duration.between(result.startTime(), result.endTime())).isBetween(
        Duration.ofMillis(2095), Duration.ofMillis(2110));
    assertThat(result.measuredDuration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(result.verdicts()).extracting(v -> v.criterion().source() + "=" + v.passed())
        .containsExactly("delivery.max < 150ms=true", "delivery.error_rate < 1%=false");
  }

  @Test
  void anyThreadMayRecordThroughTheRunHandle() throws Exception {
    RunHandle handle = clock.call(() -> {
      RunHandle started = Plimsoll.start(Scenario.builder("outside").clock(clock)
          .workload(Workload.of("idle", ctx -> ctx.clock().sleep(Duration.ofMillis(100)), ClosedModel.users(1)))
          .recordedOperation("reply")
          .duration(Duration.ofSeconds(1))
          .build());
      OperationRecorder reply = started.recorder("reply");
      long now = clock.nanoTime();
      reply.record(now - 30 * MS, now - 10 * MS, now);
      reply.record(now - 5 * MS, now - 5 * MS, now, new IllegalStateException("refused"));
      return started;
    });
    RunResult result = handle.result().get(10, TimeUnit.SECONDS);

    OperationStats reply = result.operation("reply").orElseThrow();
    assertThat(reply.succeeded()).isEqualTo(1);
    assertThat(reply.failed()).isEqualTo(1);
    assertThat(reply.responseTime().stats().maxMs()).isCloseTo(30, within(0.03));
    assertThat(reply.serviceTime().stats().maxMs()).isCloseTo(10, within(0.01));
    assertThat(result.intervals().get(0).operation("reply").completed()).isEqualTo(2);
    // After the run, records go nowhere and do no harm.
    handle.recorder("reply").record(0, 0, 1);
  }

  @Test
  void onlyDeclaredOperationsHaveRecorders() throws Exception {
    RunHandle handle = clock.call(() -> Plimsoll.start(Scenario.builder("t").clock(clock)
        .workload(Workload.of("w", ctx -> {}, OpenModel.rate(10)))
        .recordedOperation("delivery")
        .duration(Duration.ofSeconds(1)).build()));
    assertThatThrownBy(() -> handle.recorder("delivry"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no recorded operation 'delivry' (recorded: delivery; declare one with"
            + " Scenario.Builder.recordedOperation)");
    handle.result().get(10, TimeUnit.SECONDS);
  }

  @Test
  void recordedNamesAreCheckedLikeOperationNames() {
    assertThatThrownBy(() -> oneWorkload().recordedOperation("w").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("scenario.recordedOperations: 'w' is already an operation (operation names must be unique)");
    assertThatThrownBy(() -> oneWorkload().recordedOperation("9lives").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("scenario.recordedOperations: name '9lives' is not allowed");
  }

  private static Scenario.Builder oneWorkload() {
    return Scenario.builder("t").workload(Workload.of("w", ctx -> {}, OpenModel.rate(10))).duration(Duration.ofSeconds(1));
  }
}
