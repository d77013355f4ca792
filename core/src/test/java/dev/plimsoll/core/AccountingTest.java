package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every started operation ends as succeeded or failed, in the window of its intended start; on a
 * virtual clock, so the stop, the drain and the boundaries fall at exact instants.
 */
class AccountingTest {
  private final VirtualClock clock = VirtualClock.create();

  private Scenario.Builder scenario(Workload workload, Duration duration) {
    return Scenario.builder("test").workload(workload).duration(duration)
        .gracefulStop(Duration.ofSeconds(1)).clock(clock);
  }

  private static void assertAddsUp(OperationStats stats) {
    assertThat(stats.started()).as(stats.name() + ": started = succeeded + failed")
        .isEqualTo(stats.succeeded() + stats.failed());
  }

  /** Like a server that reads requests and never answers: nothing ever completes on its own. */
  @Test
  void asynchronousOperationsThatNeverAnswerFailAsUnfinishedAtTheStop() {
    List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    AsyncOperation hangs = ctx -> {
      CompletableFuture<Void> answer = new CompletableFuture<>();
      pending.add(answer);
      return answer;
    };
    // The answers all come 1 ms after the graceful stop has ended: too late to count, and counted
    // only once, as unfinished.
    clock.delay(Duration.ofMillis(5_001)).thenRun(() -> pending.forEach(f -> f.complete(null)));
    RunResult result = Plimsoll.run(
        scenario(Workload.of("w", Mix.ofAsync("request", hangs), OpenModel.rate(20)), Duration.ofSeconds(4)).build());

    OperationStats total = result.total();
    assertThat(total.started()).isEqualTo(80);
    assertThat(total.succeeded()).isZero();
    assertThat(total.failed()).isEqualTo(80);
    assertThat(total.dropped()).isZero();
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ErrorClass.UNFINISHED_AT_STOP);
      assertThat(e.count()).isEqualTo(80);
    });
    // Ran at least from its intended start to the end of the graceful stop: the last, due at
    // 3,975 ms, for 1,025 ms.
    assertThat(total.responseTime().stats().minMs()).isCloseTo(1_025, within(1.0));
    assertThat(result.measuredDuration()).isEqualTo(Duration.ofSeconds(4));
    result.intervals().forEach(i -> assertThat(i.total().inFlight()).isBetween(0L, 80L));
    assertThat(result.intervals().get(result.intervals().size() - 1).total().inFlight()).isZero();
    assertAddsUp(total);
  }

  @Test
  void synchronousOperationsThatNeverAnswerFailAsUnfinishedAtTheStop() {
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", ctx -> ctx.clock().sleep(Duration.ofHours(1)), OpenModel.rate(20)), Duration.ofSeconds(4)).build());
    assertThat(result.total().failed()).isEqualTo(80);
    assertThat(result.errors()).extracting(ErrorClass::type).containsExactly(ErrorClass.UNFINISHED_AT_STOP);
    assertAddsUp(result.total());
  }

  /** A second Ctrl-C cuts the graceful stop short: the unfinished operations' class says so. */
  @Test
  void aStopAtOnceSaysSoInTheUnfinishedClass() throws Exception {
    AsyncOperation hangs = ctx -> new CompletableFuture<Void>();
    // Started as one of the clock's own actions, so no time passes before the stops are set.
    RunHandle handle = clock.call(() -> {
      RunHandle started = Plimsoll.start(
          scenario(Workload.of("w", Mix.ofAsync("request", hangs), OpenModel.rate(20)), Duration.ofSeconds(4)).build());
      clock.delay(Duration.ofSeconds(1)).thenRun(() -> started.stop("first Ctrl-C"));
      clock.delay(Duration.ofMillis(1500)).thenRun(() -> started.stopNow("second Ctrl-C"));
      return started;
    });
    RunResult result = handle.result().get(10, TimeUnit.SECONDS);

    assertThat(result.total().started()).isEqualTo(20);
    assertThat(result.total().failed()).isEqualTo(20);
    assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("still running when the run was stopped at once, before the graceful stop of 1s ended"));
    assertAddsUp(result.total());
  }

  /** At 10/s against a target answering in 3 s, a 6 s run measures 6 s at 10/s, not 9 s at 6.7/s. */
  @Test
  void theDrainAddsNoMeasuredTime() {
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", ctx -> ctx.clock().sleep(Duration.ofSeconds(3)), OpenModel.rate(10)), Duration.ofSeconds(6))
        .gracefulStop(Duration.ofSeconds(5)).build());
    assertThat(result.total().completed()).isEqualTo(60);
    assertThat(result.total().failed()).isZero();
    assertThat(result.measuredDuration()).isEqualTo(Duration.ofSeconds(6));
    assertThat(result.total().throughputPerSecond(result.measuredDuration())).isCloseTo(10, within(1e-9));
    assertThat(result.intervals()).hasSize(6);
    assertThat(result.intervals()).extracting(i -> i.length()).containsOnly(Duration.ofSeconds(1));
    // The run itself lasted until the last answer: 5.95 s + 3 s.
    assertThat(Duration.between(result.startTime(), result.endTime())).isEqualTo(Duration.ofMillis(8_950));
    assertAddsUp(result.total());
  }

  /** Every interval: what started so far is what ended so far plus what is in flight. */
  @Test
  void everyIntervalAccountsForWhatStarted() {
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", ctx -> ctx.clock().sleep(Duration.ofMillis(1_500)), OpenModel.rate(10)), Duration.ofSeconds(4))
        .build());
    long started = 0;
    long ended = 0;
    for (IntervalSnapshot i : result.intervals()) {
      started += i.total().started();
      ended += i.total().completed();
      assertThat(started).as("interval " + i.index()).isEqualTo(ended + i.total().inFlight());
    }
    assertAddsUp(result.total());
  }

  @Test
  void aRunInWhichNothingSucceededFailsWhateverItsCriteria() {
    Operation fails = ctx -> {
      throw new IllegalStateException("refused");
    };
    RunResult withoutCriteria = Plimsoll.run(scenario(Workload.of("w", fails, OpenModel.rate(10)), Duration.ofSeconds(1)).build());
    assertThat(withoutCriteria.status()).isEqualTo(RunStatus.FAILED);
    assertThat(withoutCriteria.nothingSucceeded()).isTrue();

    RunResult withPassingCriteria = Plimsoll.run(scenario(Workload.of("w", fails, OpenModel.rate(10)), Duration.ofSeconds(1))
        .criterion("p99 < 10s").build());
    assertThat(withPassingCriteria.verdicts()).allSatisfy(v -> assertThat(v.passed()).isTrue());
    assertThat(withPassingCriteria.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aRunWithoutCriteriaCompletesWithoutPassing() {
    RunResult result = Plimsoll.run(scenario(Workload.of("w", ctx -> { }, OpenModel.rate(10)), Duration.ofSeconds(1)).build());
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.passed()).isFalse();
    assertThat(result.succeeded()).isTrue();
  }

  /**
   * 100/s arrivals (at 5, 15, ... ms) taking 25 ms, a 1 s warm-up: the arrivals due at 985 and
   * 995 ms end after the warm-up, and count in the warm-up, not in the measured window.
   */
  @Test
  void anOperationBelongsToTheWindowOfItsIntendedStart() {
    RunResult result = Plimsoll.run(scenario(
        Workload.of("w", ctx -> ctx.clock().sleep(Duration.ofMillis(25)), OpenModel.rate(100)), Duration.ofSeconds(3))
        .warmUp(Duration.ofSeconds(1)).build());
    OperationStats measured = result.total();
    assertThat(measured.started()).isEqualTo(200);
    assertThat(measured.succeeded()).isEqualTo(200);
    assertThat(measured.responseTime().count()).isEqualTo(200);
    assertThat(measured.throughputPerSecond(result.measuredDuration())).isCloseTo(100, within(1e-9));
    assertAddsUp(measured);

    IntervalSnapshot warmUp = result.intervals().get(0);
    assertThat(warmUp.warmUp()).isTrue();
    // Revised with its two late operations: everything it started, it ended.
    assertThat(warmUp.total().started()).isEqualTo(100);
    assertThat(warmUp.total().completed()).isEqualTo(100);
    assertThat(warmUp.total().responseTime().count()).isEqualTo(100);
    IntervalSnapshot firstMeasured = result.intervals().get(1);
    assertThat(firstMeasured.total().started()).isEqualTo(100);
    // Due at 1,985 and 1,995 ms, these end in the next interval; none of the warm-up's counts here.
    assertThat(firstMeasured.total().completed()).isEqualTo(98);
    assertThat(result.intervals().stream().mapToLong(i -> i.total().completed()).sum()).isEqualTo(300);
  }
}
