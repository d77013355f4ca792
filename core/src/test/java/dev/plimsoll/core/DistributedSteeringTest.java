package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A change made at a given moment of the run ({@link Steering#apply}), as a distributed run's
 * workers make the coordinator's, on a virtual clock: it takes effect exactly at that moment, and
 * machines each running a segment, all steered at the same moment, start together exactly the
 * operations, at exactly the intended times, of one process steered the same way.
 */
class DistributedSteeringTest {

  private record Started(String operation, long intendedSinceStartNanos) implements Comparable<Started> {
    @Override
    public int compareTo(Started o) {
      int c = Long.compare(intendedSinceStartNanos, o.intendedSinceStartNanos);
      return c != 0 ? c : operation.compareTo(o.operation);
    }
  }

  /** A run of {@code load} for 5 s on a fresh virtual clock, each action done at its virtual moment; what it started. */
  private static List<Started> run(LoadSegment segment, LoadModel load, Map<Duration, Consumer<RunHandle>> at,
      List<RunResult> results) throws Exception {
    VirtualClock clock = VirtualClock.create();
    List<Started> started = new CopyOnWriteArrayList<>();
    long[] start = new long[1];
    Mix mix = Mix.builder()
        .add("a", 3, ctx -> started.add(new Started("a", ctx.intendedStartNanos() - start[0])))
        .add("b", 2, ctx -> started.add(new Started("b", ctx.intendedStartNanos() - start[0])))
        .build();
    Scenario scenario = Scenario.builder("steered").workload(Workload.of("w", mix, load))
        .duration(Duration.ofSeconds(5)).gracefulStop(Duration.ofSeconds(1)).clock(clock).segment(segment)
        .listener(new RunClockListener() {
          @Override
          public void runClockStarted(long startNanos) {
            start[0] = startNanos;
          }
        })
        .build();
    RunHandle handle = clock.call(() -> {
      RunHandle h = Plimsoll.start(scenario);
      at.forEach((when, action) -> clock.delay(when).thenRun(() -> action.accept(h)));
      return h;
    });
    results.add(handle.result().get(30, TimeUnit.SECONDS));
    List<Started> sorted = new ArrayList<>(started);
    Collections.sort(sorted);
    return sorted;
  }

  private static ProfileChange rate(long atMillis, double to) {
    return new ProfileChange(Duration.ofMillis(atMillis), "w", ProfileChange.Setting.RATE, 0, to, "coordinator");
  }

  /** Two changes, each heard 300 ms before its moment, the second between two arrivals. */
  private static Map<Duration, Consumer<RunHandle>> twoChanges() {
    return Map.of(
        Duration.ofMillis(1200), h -> h.steering().apply(rate(1500, 310)),
        Duration.ofMillis(2901), h -> h.steering().apply(rate(3201, 47.5)));
  }

  private static void segmentsStartWhatTheWholeStarts(LoadModel load) throws Exception {
    List<RunResult> wholeResults = new ArrayList<>();
    List<Started> whole = run(LoadSegment.whole(), load, twoChanges(), wholeResults);
    List<Started> union = new ArrayList<>();
    List<RunResult> partResults = new ArrayList<>();
    for (LoadSegment s : LoadSegment.split(1, 1, 1)) {
      union.addAll(run(s, load, twoChanges(), partResults));
    }
    Collections.sort(union);
    assertThat(whole).hasSizeGreaterThan(600);
    assertThat(union).isEqualTo(whole);
    // Per interval too, and each machine recorded the change at the moment it was given.
    for (int i = 0; i < 5; i++) {
      int interval = i;
      long parts = partResults.stream().mapToLong(r -> r.intervals().get(interval).total().completed()).sum();
      assertThat(parts).isEqualTo(wholeResults.get(0).intervals().get(interval).total().completed());
    }
    for (RunResult r : partResults) {
      assertThat(r.profileChanges()).extracting(ProfileChange::at)
          .containsExactly(Duration.ofMillis(1500), Duration.ofMillis(3201));
    }
  }

  @Test
  void threeSegmentsSteeredAtTheSameMomentStartWhatOneWholeProcessStarts_uniform() throws Exception {
    segmentsStartWhatTheWholeStarts(OpenModel.rate(100));
  }

  @Test
  void threeSegmentsSteeredAtTheSameMomentStartWhatOneWholeProcessStarts_poisson() throws Exception {
    segmentsStartWhatTheWholeStarts(OpenModel.rate(100).poisson());
  }

  @Test
  void aChangeGivenAheadTakesEffectExactlyAtItsMoment() throws Exception {
    List<RunResult> ahead = new ArrayList<>();
    List<Started> given = run(LoadSegment.whole(), OpenModel.rate(100),
        Map.of(Duration.ofMillis(200), h -> h.steering().apply(rate(1500, 300))), ahead);
    List<RunResult> now = new ArrayList<>();
    List<Started> made = run(LoadSegment.whole(), OpenModel.rate(100),
        Map.of(Duration.ofMillis(1500), h -> h.steering().setRate("w", 300)), now);
    assertThat(given).isEqualTo(made);
    assertThat(ahead.get(0).intervals()).extracting(i -> i.total().completed())
        .containsExactly(100L, 200L, 300L, 300L, 300L);
    assertThat(given.stream().filter(s -> s.intendedSinceStartNanos() < 1_500_000_000L)).hasSize(150);
    assertThat(ahead.get(0).profileChanges()).containsExactly(new ProfileChange(Duration.ofMillis(1500), "w",
        ProfileChange.Setting.RATE, 100, 300, "coordinator"));
  }

  @Test
  void aChangeWhoseMomentHasPassedTakesEffectAtOnce() throws Exception {
    List<RunResult> results = new ArrayList<>();
    AtomicInteger refused = new AtomicInteger();
    run(LoadSegment.whole(), OpenModel.rate(100), Map.of(Duration.ofMillis(2000), h -> {
      assertThat(h.steering().apply(rate(1500, 300)).at()).isEqualTo(Duration.ofMillis(2000));
      assertThatThrownBy(() -> h.steering().apply(rate(9000, 300))).isInstanceOf(IllegalStateException.class)
          .hasMessage("the run ends before the change could take effect");
      assertThatThrownBy(() -> h.steering().apply(new ProfileChange(Duration.ofMillis(3000), "w",
          ProfileChange.Setting.USERS, 0, 3, "x"))).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("workload 'w' runs an open model: set its rate, not its users");
      refused.incrementAndGet();
    }), results);
    assertThat(refused.get()).isEqualTo(1);
    assertThat(results.get(0).intervals()).extracting(i -> i.total().completed())
        .containsExactly(100L, 100L, 300L, 300L, 300L);
  }

  /** Users, each running 100 ms iterations; how many run at each moment, per machine, summed. */
  @Test
  void usersSetAcrossSegmentsAddUpExactlyToTheWholeCount() throws Exception {
    TreeMap<Long, Integer> wholeMost = new TreeMap<>();
    TreeMap<Long, Integer> partsMost = new TreeMap<>();
    most(LoadSegment.whole(), wholeMost);
    for (LoadSegment s : LoadSegment.split(3)) {
      most(s, partsMost);
    }
    // Before the change 4 users (2 + 1 + 1), from 1.5 s 7 (3 + 2 + 2), from 3.2 s 2 (1 + 1 + 0).
    assertThat(wholeMost).isEqualTo(Map.of(0L, 4, 1L, 7, 2L, 7, 3L, 2, 4L, 2));
    assertThat(partsMost).isEqualTo(wholeMost);
  }

  /** Adds, per second of the run, the users that started an iteration in it on this machine. */
  private static void most(LoadSegment segment, TreeMap<Long, Integer> perSecond) throws Exception {
    VirtualClock clock = VirtualClock.create();
    Map<Long, java.util.Set<Integer>> users = new java.util.concurrent.ConcurrentHashMap<>();
    long[] start = new long[1];
    Operation op = ctx -> {
      long second = (ctx.clock().nanoTime() - start[0]) / 1_000_000_000L;
      // Skip the second's edges, where users leaving and arriving overlap.
      long within = (ctx.clock().nanoTime() - start[0]) % 1_000_000_000L;
      if (within >= 300_000_000L && within < 900_000_000L) {
        users.computeIfAbsent(second, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(ctx.userId());
      }
      ctx.clock().sleep(Duration.ofMillis(100));
    };
    Scenario scenario = Scenario.builder("users").workload(Workload.of("w", op, ClosedModel.users(4)))
        .duration(Duration.ofSeconds(5)).gracefulStop(Duration.ofSeconds(1)).clock(clock).segment(segment)
        .listener(new RunClockListener() {
          @Override
          public void runClockStarted(long startNanos) {
            start[0] = startNanos;
          }
        }).build();
    RunHandle handle = clock.call(() -> {
      RunHandle h = Plimsoll.start(scenario);
      clock.delay(Duration.ofMillis(1200)).thenRun(() -> h.steering().apply(
          new ProfileChange(Duration.ofMillis(1500), "w", ProfileChange.Setting.USERS, 0, 7, "coordinator")));
      clock.delay(Duration.ofMillis(2900)).thenRun(() -> h.steering().apply(
          new ProfileChange(Duration.ofMillis(3200), "w", ProfileChange.Setting.USERS, 0, 2, "coordinator")));
      return h;
    });
    RunResult result = handle.result().get(30, TimeUnit.SECONDS);
    assertThat(result.profileChanges()).extracting(ProfileChange::to).containsExactly(7.0, 2.0);
    users.forEach((second, ids) -> perSecond.merge(second, ids.size(), Integer::sum));
  }
}
