package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The generator's own cost per operation, on a virtual clock: operations that play a client report
 * when their request reached the wire and when their answer's last byte arrived, at known times.
 */
class GeneratorHealthTest {
  private final VirtualClock clock = VirtualClock.create();

  private RunResult run(Workload workload) {
    return Plimsoll.run(Scenario.builder("health").workload(workload).duration(Duration.ofSeconds(2))
        .gracefulStop(Duration.ofSeconds(1)).clock(clock).build());
  }

  /**
   * A client that spends {@code beforeMs} before its request is on the wire, waits {@code systemMs}
   * for the answer, and spends {@code afterMs} on it before the operation completes.
   */
  private static AsyncOperation client(double beforeMs, double systemMs, double afterMs) {
    return ctx -> {
      Clock clock = ctx.clock();
      return clock.delay(ms(beforeMs))
          .thenCompose(v -> {
            ctx.requestSent(clock.nanoTime());
            return clock.delay(ms(systemMs));
          })
          .thenCompose(v -> {
            ctx.responseReceived(clock.nanoTime());
            return clock.delay(ms(afterMs));
          });
    };
  }

  private static Duration ms(double ms) {
    return Duration.ofNanos((long) (ms * 1_000_000));
  }

  @Test
  void theClientsCostBeforeAndAfterTheSystemIsMeasuredPerOperation() {
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", client(2, 10, 0.5)), OpenModel.rate(100)));
    GeneratorHealth health = result.generatorHealth();
    assertThat(result.total().completed()).isEqualTo(200);
    assertThat(health.toWire().count()).isEqualTo(200);
    assertThat(health.toWire().stats().minMs()).isCloseTo(2, within(0.01));
    assertThat(health.toWire().stats().maxMs()).isCloseTo(2, within(0.01));
    assertThat(health.afterAnswer().count()).isEqualTo(200);
    assertThat(health.afterAnswer().stats().maxMs()).isCloseTo(0.5, within(0.001));
    // The response time holds all three: the reports let a reader take the client's part out.
    assertThat(result.total().responseTime().stats().maxMs()).isCloseTo(12.5, within(0.02));
    // Not judged slow. (The run's last, 7.5 ms interval drains the operations still running at its
    // end; on a virtual clock the real CPU spent in it reads as a saturated process, so only the
    // client's own reasons are checked here.)
    assertThat(health.reasons()).noneMatch(r -> r.contains("client"));
    // Each interval has its own, beside its scheduling lag, for the operations it recorded.
    assertThat(result.intervals()).allSatisfy(i -> {
      assertThat(i.toWire().count()).isEqualTo(i.total().completed());
      assertThat(i.afterAnswer().count()).isEqualTo(i.total().completed());
    });
  }

  @Test
  void aSlowClientAfterTheAnswerIsTheGeneratorsBottleneck() {
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", client(0, 10, 3)), OpenModel.rate(100)));
    GeneratorHealth health = result.generatorHealth();
    assertThat(health.afterAnswer().stats().p99Ms()).isCloseTo(3, within(0.01));
    assertThat(health.bottleneckSuspected()).isTrue();
    assertThat(health.reasons()).filteredOn(r -> r.contains("client")).singleElement().asString()
        .contains("3 ms (p99) from an answer's last byte to recording it").contains("limit 1 ms");
  }

  /** Waiting for a free connection looks the same as a slow client before the wire: not judged alone. */
  @Test
  void aLongWayToTheWireIsReportedButNotJudged() {
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", client(30, 5, 0)), OpenModel.rate(100)));
    GeneratorHealth health = result.generatorHealth();
    assertThat(health.toWire().stats().p99Ms()).isCloseTo(30, within(0.05));
    assertThat(health.reasons()).noneMatch(r -> r.contains("client")); // see the first test on CPU
  }

  /** In the closed model, synchronous operations report the same way; the first send and last answer count. */
  @Test
  void synchronousOperationsReportTheirFirstSendAndLastAnswer() {
    Operation twoRequests = ctx -> {
      Clock clock = ctx.clock();
      clock.sleep(ms(1));
      ctx.requestSent(clock.nanoTime());
      clock.sleep(ms(4));
      ctx.responseReceived(clock.nanoTime());
      ctx.requestSent(clock.nanoTime());
      clock.sleep(ms(4));
      ctx.responseReceived(clock.nanoTime());
      clock.sleep(ms(0.25));
    };
    RunResult result = run(Workload.of("w", twoRequests, ClosedModel.users(2).iterationsPerUser(10)));
    GeneratorHealth health = result.generatorHealth();
    assertThat(health.toWire().count()).isEqualTo(20);
    assertThat(health.toWire().stats().maxMs()).isCloseTo(1, within(0.01));
    assertThat(health.afterAnswer().stats().maxMs()).isCloseTo(0.25, within(0.001));
  }

  /**
   * Times from another clock (here the machine's, under a virtual run) fall outside the operation
   * and are ignored, as are reports of an operation that reported nothing this time.
   */
  @Test
  void timesOutsideTheOperationAreIgnored() {
    AsyncOperation foreignClock = ctx -> {
      if (ctx.iteration() % 2 == 0) {
        ctx.requestSent(System.nanoTime() + Duration.ofDays(1).toNanos());
        ctx.responseReceived(System.nanoTime() - Duration.ofDays(1).toNanos());
        return CompletableFuture.completedFuture(null);
      }
      return client(1, 1, 0).call(ctx);
    };
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", foreignClock), ClosedModel.users(1).iterationsPerUser(10)));
    assertThat(result.total().completed()).isEqualTo(10);
    assertThat(result.generatorHealth().toWire().count()).isEqualTo(5);
    assertThat(result.generatorHealth().afterAnswer().count()).isEqualTo(5);
    assertThat(result.intervals()).extracting(IntervalSnapshot::index).isNotEmpty();
  }

  /**
   * An asynchronous call that costs the generator {@code costMs} of its own (the call runs on the
   * scheduler's thread, so arrivals due meanwhile start late) on the iterations {@code costly}
   * picks, then answers at once.
   */
  private static AsyncOperation costly(double costMs, java.util.function.LongPredicate costly) {
    return ctx -> {
      if (costly.test(ctx.iteration() + 1000L * ctx.userId())) {
        ctx.clock().sleep(ms(costMs));
      }
      return CompletableFuture.completedFuture(null);
    };
  }

  private RunResult run(Workload workload, Duration duration) {
    return Plimsoll.run(Scenario.builder("health").workload(workload).duration(duration)
        .gracefulStop(Duration.ofSeconds(1)).clock(clock).build());
  }

  /** A cold first call makes the first arrivals late once: the start-up is not judged. */
  @Test
  void aSlowStartIsNotAGeneratorThatCannotKeepUp() {
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", costly(80, i -> first.getAndSet(false))),
        OpenModel.rate(100)), Duration.ofSeconds(3));
    assertThat(result.generatorHealth().schedulingLag().stats().maxMs()).isGreaterThan(50);
    assertThat(result.generatorHealth().bottleneckSuspected()).isFalse();
  }

  /** Two hiccups after the start-up make four arrivals late: a p99 of 200 operations, but no overload. */
  @Test
  void aFewLateOperationsAreNoOverload() {
    java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", costly(25, i -> {
      long n = calls.incrementAndGet();
      return n == 150 || n == 250;
    })), OpenModel.rate(100)), Duration.ofSeconds(3));
    assertThat(result.generatorHealth().schedulingLag().stats().p99Ms()).isGreaterThan(1);
    assertThat(result.generatorHealth().bottleneckSuspected()).isFalse();
  }

  /** Every call costs the generator more than the gap between arrivals: it falls behind all run. */
  @Test
  void aGeneratorThatCannotKeepUpIsSuspected() {
    RunResult result = run(Workload.of("w", Mix.ofAsync("call", costly(12, i -> true)), OpenModel.rate(100)),
        Duration.ofSeconds(3));
    GeneratorHealth health = result.generatorHealth();
    assertThat(health.bottleneckSuspected()).isTrue();
    assertThat(health.reasons()).anyMatch(r -> r.startsWith("scheduling lag p99 was"));
  }
}
