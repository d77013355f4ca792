package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run prepared ahead and started at a planned instant: its clock starts then, not when it was asked to. */
class PreparedRunTest {

  /** Records when the listeners hear of the start, and every arrival's intended start. */
  private static final class Recording implements RunClockListener {
    final List<Instant> runStarted = Collections.synchronizedList(new ArrayList<>());
    volatile long clockStartedNanos = -1;
    final List<Long> intended = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void runStarted(ScenarioDescription scenario, Instant startTime) {
      runStarted.add(startTime);
    }

    @Override
    public void runClockStarted(long startNanos) {
      clockStartedNanos = startNanos;
    }

    Scenario scenario(Clock clock, Duration duration) {
      return Scenario.builder("prepared").clock(clock)
          .workload(Workload.of("w", ctx -> intended.add(ctx.intendedStartNanos()), OpenModel.rate(10)))
          .duration(duration)
          .listener(this)
          .build();
    }
  }

  @Test
  void theClockOfARunStartedAtAnInstantStartsAtThatInstantAndNoArrivalComesBefore() throws Exception {
    VirtualClock clock = VirtualClock.create();
    Recording recording = new Recording();
    PreparedRun prepared = Plimsoll.prepare(recording.scenario(clock, Duration.ofSeconds(2)));
    Instant planned = Instant.EPOCH.plusSeconds(5).plusNanos(123_456);

    RunResult result = prepared.startAt(planned).await();

    assertThat(result.startTime()).isEqualTo(planned);
    assertThat(recording.runStarted).containsExactly(planned);
    assertThat(recording.clockStartedNanos).isEqualTo(5_000_123_456L);
    assertThat(result.intervals()).hasSize(2).first().satisfies(i -> assertThat(i.start()).isEqualTo(planned));
    // 10/s for 2 s, the first half a period after the planned instant: none owed from before it.
    assertThat(recording.intended).hasSize(20);
    assertThat(recording.intended.get(0)).isEqualTo(5_000_123_456L + 50_000_000L);
    assertThat(result.total().completed()).isEqualTo(20);
  }

  @Test
  void aRunAskedToStartAtAnInstantAlreadyPastStartsNowWithoutCatchingUpAndItsStartTimeSaysHowLate() throws Exception {
    VirtualClock clock = VirtualClock.create();
    Recording recording = new Recording();
    PreparedRun prepared = Plimsoll.prepare(recording.scenario(clock, Duration.ofSeconds(2)));
    Instant planned = Instant.EPOCH.minusMillis(1_500);

    RunResult result = prepared.startAt(planned).await();

    // Started when it could (the virtual clock's now, 1.5 s after the planned instant), not at the planned one.
    assertThat(result.startTime()).isEqualTo(Instant.EPOCH);
    assertThat(Duration.between(planned, result.startTime())).isEqualTo(Duration.ofMillis(1_500));
    assertThat(recording.clockStartedNanos).isZero();
    // The planned run, from its late start: no burst for the 1.5 s missed.
    assertThat(recording.intended).hasSize(20);
    assertThat(recording.intended.get(0)).isEqualTo(50_000_000L);
  }

  @Test
  void aRunStoppedBeforeItsPlannedStartEndsAtOnceHavingStartedNothing() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PreparedRun prepared = Plimsoll.prepare(Scenario.builder("never").workload(
        Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(1_000))).duration(Duration.ofSeconds(5)).build());
    RunHandle run = prepared.startAt(Instant.now().plus(Duration.ofHours(1)));

    assertThat(run.elapsed()).isZero();
    run.stop("changed my mind");

    RunResult result = run.result().get(20, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(result.stopReason()).isEqualTo("changed my mind");
    assertThat(calls).hasValue(0);
    assertThat(result.total().started()).isZero();
  }

  @Test
  void aPreparedRunStartsOnceAndACancelledOneNever() {
    Scenario scenario = Scenario.builder("once").clock(VirtualClock.create())
        .workload(Workload.of("w", ctx -> {}, OpenModel.rate(10))).duration(Duration.ofSeconds(1)).build();
    PreparedRun started = Plimsoll.prepare(scenario);
    started.start();
    assertThatThrownBy(() -> started.startAt(Instant.EPOCH)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the run was started already");
    started.cancel(); // too late to cancel: nothing happens

    PreparedRun cancelled = Plimsoll.prepare(scenario);
    cancelled.cancel();
    assertThatThrownBy(cancelled::start).isInstanceOf(IllegalStateException.class).hasMessage("the run was cancelled");
  }
}
