package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.VirtualClock;
import dev.plimsoll.core.testing.TestContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A flow's think step waits on the run's clock, so on a virtual clock it thinks in virtual time. */
class ThinkStepTest {

  @Test
  void thinksOnTheRunsClock() throws Exception {
    VirtualClock clock = VirtualClock.create();
    TestContext context = new TestContext() {
      @Override
      public Clock clock() {
        return clock;
      }
    };
    long before = clock.nanoTime();
    CompletableFuture<?> thought = clock.call(() ->
        FlowOperation.think(ThinkTime.constant(Duration.ofMinutes(10))).run(context).toCompletableFuture());

    thought.get(5, TimeUnit.SECONDS);
    assertThat(clock.nanoTime() - before).isEqualTo(Duration.ofMinutes(10).toNanos());
  }

  @Test
  void aZeroThinkCompletesAtOnce() {
    assertThat(FlowOperation.think(ThinkTime.constant(Duration.ZERO)).run(new TestContext()).toCompletableFuture())
        .isCompleted();
  }
}
