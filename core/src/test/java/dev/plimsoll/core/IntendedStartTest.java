package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An operation knows when it was meant to start, to hand on to work recorded elsewhere. */
class IntendedStartTest {

  @Test
  void anOpenModelsOperationSeesItsArrivalsIntendedStart() {
    VirtualClock clock = VirtualClock.create();
    List<Long> intended = new CopyOnWriteArrayList<>();
    Plimsoll.run(Scenario.builder("intended").clock(clock)
        .workload(Workload.of("w", ctx -> {
          intended.add(ctx.intendedStartNanos());
          ctx.clock().sleep(Duration.ofMillis(250)); // longer than the gap: later arrivals run alongside
        }, OpenModel.rate(10)))
        .duration(Duration.ofSeconds(1))
        .build());
    // Uniform arrivals at 10/s: 50 ms, 150 ms, ... from the start, which is 0 on this clock.
    assertThat(intended.stream().sorted().toList())
        .containsExactly(50_000_000L, 150_000_000L, 250_000_000L, 350_000_000L, 450_000_000L, 550_000_000L,
            650_000_000L, 750_000_000L, 850_000_000L, 950_000_000L);
  }

  @Test
  void aContextOfNoRunAnswersItsClocksTimeNow() {
    OperationContext outside = new OperationContext() {
      @Override
      public String workload() {
        return "w";
      }

      @Override
      public String operation() {
        return "o";
      }

      @Override
      public int userId() {
        return 0;
      }

      @Override
      public long iteration() {
        return 0;
      }

      @Override
      public java.util.Map<String, Object> state() {
        return java.util.Map.of();
      }

      @Override
      public java.util.random.RandomGenerator random() {
        return new java.util.SplittableRandom(1);
      }
    };
    long before = System.nanoTime();
    assertThat(outside.intendedStartNanos()).isBetween(before, System.nanoTime());
  }
}
