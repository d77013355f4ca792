package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The moment the run's clock starts, told to the listeners that ask for it; arrivals exactly on time on virtual time. */
class RunClockListenerTest {

  @Test
  void aListenerLearnsTheRunsStartAfterRunStartedAndBeforeTheFirstArrival() {
    VirtualClock clock = VirtualClock.create();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    long[] start = {-1};
    RunClockListener listener = new RunClockListener() {
      @Override
      public void runStarted(ScenarioDescription scenario, Instant startTime) {
        events.add("runStarted");
      }

      @Override
      public void runClockStarted(long startNanos) {
        events.add("runClockStarted");
        start[0] = startNanos;
      }
    };
    List<Long> intended = Collections.synchronizedList(new ArrayList<>());
    RunResult result = Plimsoll.run(Scenario.builder("clocked").clock(clock)
        .workload(Workload.of("w", ctx -> {
          events.add("arrival");
          intended.add(ctx.intendedStartNanos());
        }, OpenModel.rate(10)))
        .duration(Duration.ofSeconds(1))
        .listener(listener)
        .build());

    assertThat(events.subList(0, 3)).containsExactly("runStarted", "runClockStarted", "arrival");
    assertThat(events).containsOnlyOnce("runClockStarted");
    assertThat(result.startTime()).isEqualTo(Instant.EPOCH.plusNanos(start[0]));
    // Uniform arrivals at 10/s: the first half a period into the run.
    assertThat(intended.get(0) - start[0]).isEqualTo(50_000_000L);
  }

  @Test
  void onVirtualTimeEveryArrivalStartsAtItsIntendedTimeEvenWhenTheyComeCloseTogether() {
    VirtualClock clock = VirtualClock.create();
    List<long[]> starts = Collections.synchronizedList(new ArrayList<>());
    RunResult result = Plimsoll.run(Scenario.builder("dense").clock(clock)
        .workload(Workload.of("w", ctx -> starts.add(new long[] {ctx.intendedStartNanos(), ctx.clock().nanoTime()}),
            OpenModel.rate(20_000)))
        .duration(Duration.ofMillis(100))
        .build());

    // 50 µs apart, closer than the machine clock's batching of 200 µs: none waits for a batch here.
    assertThat(starts).hasSize(2_000).allSatisfy(s -> assertThat(s[1]).isEqualTo(s[0]));
    assertThat(result.generatorHealth().schedulingLag().stats().maxMs()).isZero();
  }
}
