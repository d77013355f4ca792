package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The few engine tests that run on the machine's clock, against operations that really sleep,
 * block a thread or complete on another thread: what the virtual clock cannot show. Each lasts
 * about a second; assertions are invariants, or use tolerances wide enough for a loaded 2-core
 * machine. {@code -DexcludedGroups=real-time} leaves them out.
 */
@Tag("real-time")
class RealTimeEngineTest {

  private static Scenario.Builder scenario(Workload workload, Duration duration) {
    return Scenario.builder("test").workload(workload).duration(duration).gracefulStop(Duration.ofSeconds(2));
  }

  @Test
  void openModelOffersTheRateAskedFor() {
    AtomicLong calls = new AtomicLong();
    RunResult result = Plimsoll.run(
        scenario(Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(400)), Duration.ofSeconds(1)).build());
    // Every arrival accounted for: run, or (on a starved machine, at the stop) counted as dropped.
    assertThat(calls.get()).isEqualTo(result.total().completed());
    assertThat(result.total().completed() + result.total().dropped()).isEqualTo(400);
    assertThat(result.total().completed()).isGreaterThanOrEqualTo(360);
    assertThat(result.measuredDuration()).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
  }

  /**
   * Operations that name a starting executor are started there, every one of them, at the rate
   * asked for; a second workload without one keeps a scheduler thread of its own.
   */
  @Test
  void openModelStartsArrivalsOnTheOperationsStartingExecutor() throws Exception {
    // Runs each task before execute returns, as a busy event loop may: the first tick runs at once.
    ScheduledExecutorService io = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "test-io")) {
      @Override
      public void execute(Runnable task) {
        try {
          schedule(task, 0, TimeUnit.NANOSECONDS).get();
        } catch (InterruptedException | ExecutionException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    try {
      AtomicLong onExecutor = new AtomicLong();
      AtomicLong elsewhere = new AtomicLong();
      AsyncOperation startsOnIo = new AsyncOperation() {
        @Override
        public CompletionStage<?> call(OperationContext context) {
          (Thread.currentThread().getName().equals("test-io") ? onExecutor : elsewhere).incrementAndGet();
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public ScheduledExecutorService startingExecutor() {
          return io;
        }
      };
      RunResult result = Plimsoll.run(scenario(
          Workload.of("w", Mix.ofAsync("io", startsOnIo), OpenModel.rate(400)), Duration.ofSeconds(1)).build());
      // Every arrival started on the executor, or, on a machine so busy that the walker was kept
      // from the last few until the stop, counted as dropped: never started elsewhere, never lost.
      assertThat(elsewhere.get()).isZero();
      assertThat(result.total().completed()).isEqualTo(onExecutor.get());
      assertThat(result.total().completed() + result.total().dropped()).isEqualTo(400);
      assertThat(result.total().dropped()).isLessThanOrEqualTo(20);
    } finally {
      io.shutdownNow();
    }
  }

  /**
   * A rate change while the schedule is walked on the operations' own executor: every arrival of
   * the changed plan is started there or counted as dropped, none lost, none doubled.
   */
  @Test
  void aRateChangeOnTheOperationsStartingExecutorLosesNoArrival() throws Exception {
    ScheduledExecutorService io = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "test-io"));
    try {
      AtomicLong onExecutor = new AtomicLong();
      AsyncOperation startsOnIo = new AsyncOperation() {
        @Override
        public CompletionStage<?> call(OperationContext context) {
          if (Thread.currentThread().getName().equals("test-io")) {
            onExecutor.incrementAndGet();
          }
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public ScheduledExecutorService startingExecutor() {
          return io;
        }
      };
      RunHandle run = Plimsoll.start(scenario(
          Workload.of("w", Mix.ofAsync("io", startsOnIo), OpenModel.rate(100)), Duration.ofSeconds(1)).build());
      Thread.sleep(400);
      run.steering().setRate("w", 1000, "test");
      RunResult result = run.result().get(30, TimeUnit.SECONDS);
      long expected = Math.round(result.intervals().stream().mapToDouble(i -> i.expectedArrivals()).sum());
      // 100/s until the change, then 1,000/s. The run's clock starts a moment after start()
      // returns and a loaded machine may change late: anywhere from 100 to 1,000 arrivals.
      assertThat(expected).isBetween(100L, 1001L);
      assertThat(result.total().started() + result.total().dropped()).isBetween(expected - 1, expected + 1);
      assertThat(onExecutor.get()).isEqualTo(result.total().started());
      assertThat(result.profileChanges()).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo(1000));
    } finally {
      io.shutdownNow();
    }
  }

  /** Real blocking: the stalled call holds its thread, and the paced calls behind it start late. */
  @Test
  void aStallShowsInResponseTimeButNotInServiceTime() {
    AtomicInteger calls = new AtomicInteger();
    Operation stallOnce = ctx -> {
      if (calls.incrementAndGet() == 20) {
        Thread.sleep(400);
      }
    };
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", stallOnce, ClosedModel.users(1).pacing(Duration.ofMillis(10))), Duration.ofMillis(1200)).build());
    OperationStats total = result.total();
    assertThat(total.completed()).isBetween(100L, 121L);
    assertThat(total.responseTime().stats().p99Ms()).isGreaterThan(200);
    assertThat(total.serviceTime().stats().p90Ms()).isLessThan(50);
    assertThat(total.serviceTime().stats().maxMs()).isGreaterThanOrEqualTo(400);
  }

  /**
   * Collections the run causes reach memory growth, the measured time's only; a one-second run is
   * too short to judge, so a memory criterion neither passes nor fails it.
   */
  @Test
  void memoryGrowthComesFromTheRunsCollectionsAndAShortRunIsNotJudged() {
    AtomicLong sink = new AtomicLong();
    Operation garbage = ctx -> sink.addAndGet(new byte[1 << 20].length);
    RunResult result = Plimsoll.run(scenario(Workload.of("w", garbage, ClosedModel.users(1)), Duration.ofSeconds(1))
        .warmUp(Duration.ofMillis(300)).criterion("memory_growth < 10MB/min").build());

    MemoryGrowth growth = result.system().memoryGrowth();
    assertThat(result.system().gcCount()).isPositive();
    assertThat(growth.collections()).isBetween(1, (int) result.system().gcCount() + 2);
    assertThat(growth.judgeable()).isFalse();
    assertThat(result.verdicts()).singleElement().satisfies(v -> {
      assertThat(v.judged()).isFalse();
      assertThat(v.passed()).isTrue();
    });
    assertThat(result.status()).isEqualTo(RunStatus.PASSED);
  }

  @Test
  void stopFromAnotherThreadEndsTheRunAndKeepsItsData() throws Exception {
    RunHandle handle = Plimsoll.start(scenario(Workload.of("w", ctx -> Thread.sleep(5), ClosedModel.users(2)), Duration.ofMinutes(5)).build());
    Thread.sleep(300);
    handle.stop("enough");
    RunResult result = handle.result().get(20, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(result.stopReason()).isEqualTo("enough");
    assertThat(result.total().completed()).isPositive();
    assertThat(result.total().started()).isEqualTo(result.total().completed());
  }

  @Test
  void blockedOperationsStillRunningAfterTheGracePeriodAreInterrupted() {
    AtomicInteger interrupted = new AtomicInteger();
    RunResult result = Plimsoll.run(Scenario.builder("t")
        .workload(Workload.of("w", ctx -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
          }
        }, ClosedModel.users(3)))
        .duration(Duration.ofMillis(300)).gracefulStop(Duration.ofMillis(200)).build());
    OperationStats total = result.total();
    assertThat(total.failed()).isEqualTo(3);
    assertThat(total.started()).isEqualTo(3);
    // Failed as unfinished, then interrupted: the interruption is not counted a second time.
    assertThat(total.errors()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(ErrorClass.UNFINISHED_AT_STOP));
    assertThat(interrupted).hasValue(3);
  }

  @Test
  void asyncOperationsCompletedOnAnotherThreadAreTimedToCompletion() {
    AsyncOperation async = ctx -> CompletableFuture.runAsync(() -> sleep(20));
    RunResult result = Plimsoll.run(scenario(Workload.of("w", Mix.ofAsync("a", async), OpenModel.rate(50)), Duration.ofSeconds(1)).build());
    assertThat(result.total().completed()).isEqualTo(50);
    assertThat(result.total().serviceTime().stats().p50Ms()).isBetween(19.0, 500.0);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
