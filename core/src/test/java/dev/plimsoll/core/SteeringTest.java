package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Changing a running load ({@link Steering}) on a virtual clock: every change is made at an exact
 * virtual moment (a {@link VirtualClock#delay} callback), so the arrivals and users that follow it
 * are exact too.
 */
class SteeringTest {
  private final VirtualClock clock = VirtualClock.create();

  private Scenario.Builder scenario(Workload workload, Duration duration) {
    return Scenario.builder("steered").workload(workload).duration(duration)
        .gracefulStop(Duration.ofSeconds(2)).clock(clock);
  }

  /** Runs {@code scenario}, calling {@code at} each given virtual moment with the run's handle. */
  private RunResult run(Scenario scenario, Map<Duration, Consumer<RunHandle>> at) throws Exception {
    RunHandle handle = clock.call(() -> {
      RunHandle started = Plimsoll.start(scenario);
      at.forEach((when, action) -> clock.delay(when).thenRun(() -> action.accept(started)));
      return started;
    });
    return handle.result().get(30, TimeUnit.SECONDS);
  }

  private static List<Long> completedPerInterval(RunResult result) {
    return result.intervals().stream().map(i -> i.total().completed()).toList();
  }

  private static List<Long> expectedPerInterval(RunResult result) {
    return result.intervals().stream().map(i -> Math.round(i.expectedArrivals())).toList();
  }

  @Test
  void aRateChangeMidIntervalGivesExactlyTheNewRateFromItsMoment() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RunResult result = run(
        scenario(Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(100)), Duration.ofSeconds(4)).build(),
        Map.of(Duration.ofMillis(1500), h -> h.steering().setRate("w", 300)));
    // 100/s for 1.5 s, then 300/s: half of the second interval at each rate.
    assertThat(completedPerInterval(result)).containsExactly(100L, 200L, 300L, 300L);
    assertThat(expectedPerInterval(result)).containsExactly(100L, 200L, 300L, 300L);
    assertThat(calls.get()).isEqualTo(900);
    OperationStats total = result.total();
    assertThat(total.dropped()).isZero();
    assertThat(total.started()).isEqualTo(total.succeeded() + total.failed());
    // Every arrival started at its intended time, on the schedule in force when it was due.
    assertThat(result.generatorHealth().schedulingLag().stats().maxMs()).isZero();
    assertThat(result.profileChanges()).containsExactly(new ProfileChange(
        Duration.ofMillis(1500), "w", ProfileChange.Setting.RATE, 100, 300, "api"));
    assertThat(result.profileChanges().get(0).describe()).isEqualTo("w: rate 100/s → 300/s (api)");
  }

  @Test
  void poissonArrivalsFollowTheNewRateToo() throws Exception {
    RunResult result = run(
        scenario(Workload.of("w", ctx -> { }, OpenModel.rate(200).poisson()), Duration.ofSeconds(20)).build(),
        Map.of(Duration.ofSeconds(10), h -> h.steering().setRate("w", 1000, "test")));
    long before = result.intervals().subList(0, 10).stream().mapToLong(i -> i.total().completed()).sum();
    long after = result.intervals().subList(10, 20).stream().mapToLong(i -> i.total().completed()).sum();
    // 2,000 and 10,000 expected; a Poisson count is within 4 standard deviations nearly always.
    assertThat((double) before).isCloseTo(2_000, within(4 * Math.sqrt(2_000)));
    assertThat((double) after).isCloseTo(10_000, within(4 * Math.sqrt(10_000)));
    assertThat(expectedPerInterval(result).subList(8, 12)).containsExactly(200L, 200L, 1000L, 1000L);
  }

  @Test
  void aRateOfZeroPausesArrivalsUntilTheNextChange() throws Exception {
    RunResult result = run(
        scenario(Workload.of("w", ctx -> { }, OpenModel.rate(50)), Duration.ofSeconds(4)).build(),
        Map.of(Duration.ofSeconds(1), h -> h.steering().setRate("w", 0, "test"),
            Duration.ofSeconds(3), h -> h.steering().setRate("w", 20, "test")));
    assertThat(completedPerInterval(result)).containsExactly(50L, 0L, 0L, 20L);
    assertThat(result.profileChanges()).extracting(ProfileChange::from, ProfileChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(50.0, 0.0), org.assertj.core.groups.Tuple.tuple(0.0, 20.0));
  }

  /**
   * Two users whose iterations take 100 ms, five from 1 s, one from 2.55 s: the four users above
   * the new count finish the iteration they started at 2.5 s, at 2.6 s, and leave.
   */
  @Test
  void usersUpStartNewUsers_usersDownFinishTheirIterationAndLeave() throws Exception {
    AtomicInteger running = new AtomicInteger();
    List<long[]> concurrency = new CopyOnWriteArrayList<>();
    Operation op = ctx -> {
      int now = running.incrementAndGet();
      concurrency.add(new long[] {ctx.clock().nanoTime(), now});
      try {
        ctx.clock().sleep(Duration.ofMillis(100));
      } finally {
        running.decrementAndGet();
      }
    };
    RunResult result = run(scenario(Workload.of("w", op, ClosedModel.users(2)), Duration.ofSeconds(4)).build(),
        Map.of(Duration.ofSeconds(1), h -> h.steering().setUsers("w", 5, "test"),
            Duration.ofMillis(2550), h -> h.steering().setUsers("w", 1, "test")));
    assertThat(maxConcurrency(concurrency, 0, 1000)).isEqualTo(2);
    assertThat(maxConcurrency(concurrency, 1000, 2550)).isEqualTo(5);
    // From 2.6 s (when the users above the count finish, at the same instant as user 0 begins).
    assertThat(maxConcurrency(concurrency, 2601, 4000)).isEqualTo(1);
    // Users 1 to 4 end with the iterations they began at 2.5 s: 10 + 6 × 4 in the third second.
    assertThat(completedPerInterval(result)).containsExactly(20L, 50L, 34L, 10L);
    OperationStats total = result.total();
    assertThat(total.started()).isEqualTo(total.completed());
    assertThat(total.failed()).isZero();
    assertThat(result.profileChanges()).extracting(ProfileChange::from, ProfileChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2.0, 5.0), org.assertj.core.groups.Tuple.tuple(5.0, 1.0));
  }

  private static long maxConcurrency(List<long[]> samples, long fromMs, long toMs) {
    return samples.stream().filter(s -> s[0] >= fromMs * 1_000_000 && s[0] < toMs * 1_000_000)
        .mapToLong(s -> s[1]).max().orElse(0);
  }

  @Test
  void usersCanGoBeyondTheProfilesMostAndDownToZero() throws Exception {
    RunResult result = run(
        scenario(Workload.of("w", ctx -> ctx.clock().sleep(Duration.ofMillis(250)),
            ClosedModel.of(UserProfile.stages(1, Stage.rampTo(3, Duration.ofSeconds(4))))), Duration.ofSeconds(4)).build(),
        Map.of(Duration.ofSeconds(1), h -> h.steering().setUsers("w", 40, "test"),
            Duration.ofMillis(2100), h -> h.steering().setUsers("w", 0, "test")));
    // From 1 s, 40 users (not the profile's 2) run 4 iterations a second; at 2.1 s all finish the
    // iteration they are in, and leave.
    assertThat(completedPerInterval(result).subList(1, 4)).containsExactly(160L, 40L, 0L);
    assertThat(result.total().started()).isEqualTo(result.total().completed());
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aChangeIsToldToTheListenersBeforeTheNextInterval() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void phasesPlanned(List<Phase> phases) {
        events.add("phases " + phases.size());
      }

      @Override
      public void profileChanged(ProfileChange change) {
        events.add("change " + change.describe());
      }

      @Override
      public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
        events.add("interval " + interval.index());
      }
    };
    run(scenario(Workload.of("w", ctx -> { }, OpenModel.rate(10)), Duration.ofSeconds(3)).listener(listener).build(),
        Map.of(Duration.ofMillis(1200), h -> h.steering().setRate("w", 20, "dashboard")));
    // The change at 1.2 s is told before the interval it falls in.
    assertThat(events).containsExactly("phases 1", "interval 0", "change w: rate 10/s → 20/s (dashboard)",
        "interval 1", "interval 2");
  }

  @Test
  void badChangesAreRefusedAndChangeNothing() throws Exception {
    Map<String, Throwable> refusals = new ConcurrentHashMap<>();
    Scenario scenario = Scenario.builder("two").clock(clock).duration(Duration.ofSeconds(2))
        .workload(Workload.of("open", ctx -> { }, OpenModel.rate(10)))
        .workload(Workload.of("closed", ctx -> ctx.clock().sleep(Duration.ofMillis(100)), ClosedModel.users(1)))
        .build();
    Map<String, Consumer<Steering>> bad = Map.of(
        "negative rate", s -> s.setRate("open", -1, "t"),
        "NaN rate", s -> s.setRate("open", Double.NaN, "t"),
        "infinite rate", s -> s.setRate("open", Double.POSITIVE_INFINITY, "t"),
        "too high a rate", s -> s.setRate("open", Steering.MAX_RATE_PER_SECOND * 2, "t"),
        "negative users", s -> s.setUsers("closed", -1, "t"),
        "too many users", s -> s.setUsers("closed", Steering.MAX_USERS + 1, "t"),
        "users of an open model", s -> s.setUsers("open", 3, "t"),
        "rate of a closed model", s -> s.setRate("closed", 3, "t"),
        "unknown workload", s -> s.setRate("nope", 3, "t"),
        "nobody", s -> s.setRate("open", 3, " "));
    RunResult result = run(scenario, Map.of(Duration.ofMillis(500), h -> {
      bad.forEach((what, change) -> {
        try {
          change.accept(h.steering());
        } catch (RuntimeException e) {
          refusals.put(what, e);
        }
      });
      assertThat(h.steering().knobs()).containsExactly(
          new Steering.Knob("open", ProfileChange.Setting.RATE, 10),
          new Steering.Knob("closed", ProfileChange.Setting.USERS, 1));
    }));
    assertThat(refusals).containsOnlyKeys(bad.keySet());
    assertThat(refusals.values()).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class));
    assertThat(refusals.get("unknown workload")).hasMessage("there is no workload 'nope' (the workloads: open, closed)");
    assertThat(refusals.get("users of an open model"))
        .hasMessage("workload 'open' runs an open model: set its rate, not its users");
    assertThat(result.profileChanges()).isEmpty();
    assertThat(result.operation("open").orElseThrow().completed()).isEqualTo(20);
    assertThat(result.operation("closed").orElseThrow().completed()).isEqualTo(20);
  }

  @Test
  void aChangeAfterTheRunIsRefused() throws Exception {
    RunHandle handle = clock.call(() -> Plimsoll.start(
        scenario(Workload.of("w", ctx -> { }, OpenModel.rate(10)), Duration.ofSeconds(1)).build()));
    handle.result().get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> handle.steering().setRate("w", 20, "t"))
        .isInstanceOf(IllegalStateException.class).hasMessage("the run has ended or is stopping");
  }

  @Test
  void theResultRecordsThePlannedPhasesAndAnAbort() throws Exception {
    RateProfile profile = RateProfile.stages(10, Stage.rampTo(50, Duration.ofSeconds(2)),
        Stage.rampTo(50, Duration.ofSeconds(3)));
    RunResult result = run(
        scenario(Workload.of("w", ctx -> { }, OpenModel.of(profile)), Duration.ofSeconds(10))
            .warmUp(Duration.ofSeconds(1)).build(),
        Map.of(Duration.ofMillis(6500), h -> h.stop("enough")));
    assertThat(result.phases()).containsExactly(
        new Phase(Phase.Kind.WARM_UP, Duration.ZERO, Duration.ofSeconds(1), null, "warm-up 1s"),
        new Phase(Phase.Kind.RAMP, Duration.ZERO, Duration.ofSeconds(2), "w", "ramp 10/s to 50/s"),
        new Phase(Phase.Kind.CONSTANT, Duration.ofSeconds(2), Duration.ofSeconds(5), "w", "constant 50/s"),
        new Phase(Phase.Kind.CONSTANT, Duration.ofSeconds(5), Duration.ofSeconds(10), "w", "constant 50/s"),
        new Phase(Phase.Kind.ABORT, Duration.ofMillis(6500), Duration.ofMillis(6500), null, "enough"));
  }

  @Test
  void aSpikeIsItsOwnPhase() throws Exception {
    RunResult result = run(scenario(Workload.of("w", ctx -> { },
        OpenModel.of(RateProfile.spike(10, 100, Duration.ofSeconds(1), Duration.ofSeconds(1)))), Duration.ofSeconds(3))
        .build(), Map.of());
    assertThat(result.phases()).extracting(Phase::kind)
        .containsExactly(Phase.Kind.CONSTANT, Phase.Kind.SPIKE, Phase.Kind.CONSTANT);
    assertThat(result.phases().get(1).description()).isEqualTo("spike to 100/s");
    assertThat(completedPerInterval(result)).containsExactly(10L, 100L, 10L);
  }

  @Test
  void aChangeInWordsRoundsARampsRateAtAMomentToTheThousandth() {
    assertThat(new ProfileChange(Duration.ofSeconds(3), "w", ProfileChange.Setting.RATE, 123.456789, 0.25, "api")
        .describe()).isEqualTo("w: rate 123.457/s → 0.25/s (api)");
    assertThat(new ProfileChange(Duration.ofSeconds(3), "w", ProfileChange.Setting.USERS, 12, 0, "dashboard")
        .change()).isEqualTo("users 12 → 0");
  }

  @Test
  void aPlanWithANewRateKeepsItsPastAndHoldsTheRateToItsEnd() {
    RatePlan plan = RateProfile.ramp(0, 100, Duration.ofSeconds(10)).plan(Duration.ofSeconds(20));
    RatePlan changed = plan.withRateFrom(4, 10);
    assertThat(changed.cumulative(4)).isCloseTo(plan.cumulative(4), within(1e-9));
    assertThat(changed.ratePerSecond(3.9)).isCloseTo(39, within(1e-9));
    assertThat(changed.ratePerSecond(4)).isEqualTo(10);
    assertThat(changed.expectedArrivals(4, 20)).isCloseTo(160, within(1e-9));
    assertThat(changed.durationSeconds()).isEqualTo(20);
  }
}
