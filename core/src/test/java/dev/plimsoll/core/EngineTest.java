package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Runs real scenarios for a few seconds each. Assertions are on invariants (counts that must add
 * up exactly) or use tolerances wide enough for a loaded 2-core machine.
 */
class EngineTest {

  private static Scenario.Builder scenario(Workload workload, Duration duration) {
    return Scenario.builder("test").workload(workload).duration(duration).gracefulStop(Duration.ofSeconds(2));
  }

  @Test
  void closedModelCountsAddUpExactly() {
    AtomicLong calls = new AtomicLong();
    Mix mix = Mix.builder()
        .add("even", 1, ctx -> calls.incrementAndGet())
        .add("odd", 3, ctx -> {
          calls.incrementAndGet();
          if (ctx.iteration() % 10 == 0) {
            throw new IllegalStateException("iteration " + ctx.iteration() + " failed");
          }
        })
        .build();
    RunResult result = Plimsoll.run(
        scenario(Workload.of("w", mix, ClosedModel.users(4).thinkTime(ThinkTime.constant(Duration.ofMillis(1)))),
            Duration.ofSeconds(2)).build());
    OperationStats total = result.total();
    assertThat(result.status()).isEqualTo(RunStatus.PASSED);
    assertThat(total.completed()).isEqualTo(calls.get()).isGreaterThan(100);
    assertThat(total.started()).isEqualTo(total.completed());
    assertThat(total.responseTime().count()).isEqualTo(total.completed());
    // The exact mix: 1:3 over all picks, so counts are within one of a quarter and three quarters.
    long even = result.operation("even").orElseThrow().completed();
    assertThat((double) even).isCloseTo(total.completed() / 4.0, within(1.0));
    OperationStats odd = result.operation("odd").orElseThrow();
    assertThat(odd.failed()).isPositive();
    assertThat(odd.errors()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo("java.lang.IllegalStateException");
      assertThat(e.message()).isEqualTo("iteration <n> failed");
      assertThat(e.count()).isEqualTo(odd.failed());
    });
    assertThat(result.intervals()).isNotEmpty();
    assertThat(result.intervals().stream().mapToLong(i -> i.total().completed()).sum()).isEqualTo(calls.get());
  }

  @Test
  void openModelOffersTheRateAskedFor() {
    AtomicLong calls = new AtomicLong();
    RunResult result = Plimsoll.run(
        scenario(Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(500)), Duration.ofSeconds(3)).build());
    // Uniform arrivals at 500/s for 3 s: exactly 1,500 arrivals are scheduled.
    assertThat(calls.get()).isEqualTo(1500);
    assertThat(result.total().completed()).isEqualTo(1500);
    assertThat(result.total().dropped()).isZero();
    double expected = result.intervals().stream().mapToDouble(IntervalSnapshot::expectedArrivals).sum();
    assertThat(expected).isCloseTo(1500, within(1e-6));
  }

  @Test
  void openModelDropsArrivalsBeyondTheInFlightBound_neverDelaysThem() {
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", ctx -> Thread.sleep(200), OpenModel.rate(100).maxInFlight(5)), Duration.ofSeconds(2)).build());
    OperationStats total = result.total();
    // 5 slots each busy 200 ms serve about 25/s of the 100/s offered.
    assertThat(total.dropped()).isBetween(100L, 190L);
    assertThat(total.started() + total.dropped()).isEqualTo(200);
    assertThat(result.generatorHealth().bottleneckSuspected()).isTrue();
    assertThat(result.generatorHealth().reasons()).anyMatch(r -> r.contains("dropped"));
    // Operations that ran started on time: response and service time agree to within scheduling lag.
    assertThat(total.responseTime().stats().p50Ms()).isCloseTo(total.serviceTime().stats().p50Ms(), within(20.0));
  }

  /**
   * The coordinated-omission case: a 100/s schedule from one caller (a paced user, like one
   * connection) against an operation that stalls once for 1 s. The operations scheduled during the
   * stall start late; counted from their intended start they show the stall, while their service
   * time — each is quick once started — does not.
   */
  @Test
  void aStallShowsInResponseTimeButNotInServiceTime() {
    AtomicInteger calls = new AtomicInteger();
    Operation stallOnce = ctx -> {
      if (calls.incrementAndGet() == 50) {
        Thread.sleep(1000);
      }
    };
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", stallOnce, ClosedModel.users(1).pacing(Duration.ofMillis(10))), Duration.ofSeconds(4)).build());
    OperationStats total = result.total();
    assertThat(total.completed()).isBetween(380L, 401L);
    assertThat(total.responseTime().stats().p99Ms()).isGreaterThan(500);
    assertThat(total.serviceTime().stats().p99Ms()).isLessThan(50);
    assertThat(total.serviceTime().stats().maxMs()).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void inAnOpenModelAStallOfTheSystemShowsInResponseTime() {
    Object systemLock = new Object();
    AtomicInteger calls = new AtomicInteger();
    Operation serialSystem = ctx -> {
      synchronized (systemLock) {
        if (calls.incrementAndGet() == 50) {
          Thread.sleep(1000);
        }
      }
    };
    RunResult result = Plimsoll.run(scenario(Workload.of("w", serialSystem, OpenModel.rate(100)), Duration.ofSeconds(4)).build());
    // About 100 arrivals queue behind the stall; with 400 in all, the p99 is inside the stall.
    assertThat(result.total().responseTime().stats().p99Ms()).isGreaterThan(500);
    assertThat(result.total().completed()).isEqualTo(400);
  }

  @Test
  void warmUpIsRecordedButKeptOutOfTheSummary() {
    AtomicLong calls = new AtomicLong();
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(200)), Duration.ofSeconds(3))
        .warmUp(Duration.ofMillis(1500)).interval(Duration.ofMillis(400)).build());
    List<IntervalSnapshot> intervals = result.intervals();
    long warm = intervals.stream().filter(IntervalSnapshot::warmUp).mapToLong(i -> i.total().completed()).sum();
    long measured = intervals.stream().filter(i -> !i.warmUp()).mapToLong(i -> i.total().completed()).sum();
    assertThat(warm + measured).isEqualTo(calls.get()).isEqualTo(600);
    // An interval holds what completed before the collector cut it, a moment after the boundary:
    // on a loaded machine an operation or two due just after the warm-up can land in it.
    assertThat(warm).isBetween(300L, 306L);
    assertThat(result.total().completed()).isEqualTo(measured);
    assertThat(result.measuredDuration().toMillis()).isBetween(1500L, 1700L);
    // The warm-up's end is an interval boundary: no interval straddles it.
    assertThat(intervals).filteredOn(IntervalSnapshot::warmUp).last()
        .satisfies(i -> assertThat(Duration.between(result.startTime(), i.start().plus(i.length())).toMillis()).isEqualTo(1500));
  }

  @Test
  void stopFromAnotherThreadEndsTheRunAndKeepsItsData() throws Exception {
    RunHandle handle = Plimsoll.start(scenario(Workload.of("w", ctx -> Thread.sleep(5), ClosedModel.users(2)), Duration.ofMinutes(5)).build());
    Thread.sleep(700);
    handle.stop("enough");
    RunResult result = handle.result().get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(result.stopReason()).isEqualTo("enough");
    assertThat(result.total().completed()).isPositive();
    assertThat(result.total().started()).isEqualTo(result.total().completed());
  }

  @Test
  void operationsStillRunningAfterTheGracePeriodAreInterrupted() {
    RunResult result = Plimsoll.run(Scenario.builder("t")
        .workload(Workload.of("w", ctx -> Thread.sleep(60_000), ClosedModel.users(3)))
        .duration(Duration.ofMillis(500)).gracefulStop(Duration.ofMillis(300)).build());
    OperationStats total = result.total();
    assertThat(total.failed()).isEqualTo(3);
    assertThat(total.errors()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("java.lang.InterruptedException"));
  }

  @Test
  void asyncOperationsAreTimedToCompletion() {
    AsyncOperation async = ctx -> CompletableFuture.runAsync(() -> sleep(20));
    RunResult result = Plimsoll.run(scenario(Workload.of("w", Mix.ofAsync("a", async), OpenModel.rate(50)), Duration.ofSeconds(2)).build());
    assertThat(result.total().completed()).isEqualTo(100);
    assertThat(result.total().serviceTime().stats().p50Ms()).isBetween(19.0, 200.0);
  }

  @Test
  void usersFollowTheirStagesAndLimits() {
    CopyOnWriteArrayList<Integer> seen = new CopyOnWriteArrayList<>();
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> {
      if (!seen.contains(ctx.userId())) {
        seen.add(ctx.userId());
      }
      Thread.sleep(10);
    }, ClosedModel.of(UserProfile.stages(1, Stage.rampTo(6, Duration.ofSeconds(1)))).iterationsPerUser(20)), Duration.ofSeconds(3)).build());
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    assertThat(result.total().completed()).isEqualTo(6 * 20);
  }

  @Test
  void sharedIterationLimitStopsAllUsers() {
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> {}, ClosedModel.users(8).sharedIterations(1000)), Duration.ofSeconds(2)).build());
    assertThat(result.total().completed()).isEqualTo(1000);
  }

  @Test
  void listenersSeeEveryIntervalThenTheResult() {
    List<String> events = new CopyOnWriteArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void runStarted(dev.plimsoll.core.result.ScenarioDescription s, java.time.Instant t) {
        events.add("start");
      }

      @Override
      public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
        events.add("interval" + interval.index());
      }

      @Override
      public void runCompleted(RunResult result) {
        events.add("end");
      }
    };
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> {}, OpenModel.rate(10)), Duration.ofMillis(1200))
        .interval(Duration.ofMillis(500)).listener(listener).build());
    assertThat(events.get(0)).isEqualTo("start");
    assertThat(events.get(events.size() - 1)).isEqualTo("end");
    assertThat(events).filteredOn(e -> e.startsWith("interval")).hasSize(result.intervals().size());
  }

  @Test
  void verdictsJudgeTheMeasuredRun() {
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> Thread.sleep(5), OpenModel.rate(100)), Duration.ofSeconds(2))
        .criterion("p99 < 2s").criterion("w.p50 < 1ms").criterion("error_rate < 1%").build());
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.verdicts()).extracting(v -> v.criterion().source() + "=" + v.passed())
        .containsExactly("p99 < 2s=true", "w.p50 < 1ms=false", "error_rate < 1%=true");
    assertThat(result.verdicts().get(1).measured()).isGreaterThanOrEqualTo(5.0);
  }

  @Test
  void anAbortOnFailCriterionStopsTheRunEarly() {
    long started = System.nanoTime();
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> Thread.sleep(30), OpenModel.rate(50)), Duration.ofSeconds(30))
        .interval(Duration.ofMillis(250)).abortOn("p99 < 10ms").build());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.stopReason()).contains("criterion 'p99 < 10ms' failed");
    assertThat(result.verdicts()).singleElement().satisfies(v -> assertThat(v.passed()).isFalse());
  }

  /** Arrivals due when the run stops are started or counted as dropped: never silently lost. */
  @Test
  void arrivalsDueWhenTheRunStopsAreCountedAsDropped() throws Exception {
    RunHandle handle = Plimsoll.start(scenario(
        Workload.of("w", ctx -> {}, OpenModel.of(RateProfile.burst(100_000, Duration.ofMinutes(1))).maxInFlight(100_000)),
        Duration.ofSeconds(30)).build());
    Thread.sleep(30);
    handle.stop("early");
    RunResult result = handle.result().get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(result.total().started() + result.total().dropped()).isEqualTo(100_000);
    assertThat(result.total().completed()).isEqualTo(result.total().started());
  }

  /** Closed users alternate between completion-driven async operations and sync ones on a thread. */
  @Test
  void closedUsersMixingAsyncAndSyncOperationsKeepExactCounts() {
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      Mix mix = Mix.builder()
          .addAsync("later", 3, ctx -> {
            CompletableFuture<Void> f = new CompletableFuture<>();
            timer.schedule(() -> f.complete(null), 1, java.util.concurrent.TimeUnit.MILLISECONDS);
            return f;
          })
          .addAsync("now", 1, ctx -> CompletableFuture.completedFuture(null))
          .add("sync", 1, ctx -> {})
          .build();
      RunResult result = Plimsoll.run(scenario(Workload.of("w", mix, ClosedModel.users(4).iterationsPerUser(50)), Duration.ofSeconds(10)).build());
      assertThat(result.total().completed()).isEqualTo(200);
      assertThat(result.operation("later").orElseThrow().completed()).isEqualTo(120);
      assertThat(result.operation("now").orElseThrow().completed()).isEqualTo(40);
      assertThat(result.operation("sync").orElseThrow().completed()).isEqualTo(40);
      assertThat(result.total().failed()).isZero();
      // Every user stopped at its limit, so the run ended long before its 10 s.
      assertThat(Duration.between(result.startTime(), result.endTime())).isLessThan(Duration.ofSeconds(10));
    } finally {
      timer.shutdownNow();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
