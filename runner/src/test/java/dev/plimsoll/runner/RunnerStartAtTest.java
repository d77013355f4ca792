package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Runner.Builder#startAt}: everything opened first, the first operation at the instant given. */
class RunnerStartAtTest {

  @Test
  void theFirstOperationWaitsForTheStartInstantAndTheRunStartsThere() {
    AtomicReference<Instant> first = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    Scenario scenario = Scenario.builder("at")
        .workload(Workload.of("w", ctx -> {
          first.compareAndSet(null, Instant.now());
          calls.incrementAndGet();
        }, OpenModel.rate(50)))
        .duration(Duration.ofMillis(400))
        .build();
    Instant at = Instant.now().plusMillis(700);
    RunResult result = Runner.forScenario(scenario).startAt(at).build().run();

    assertThat(first.get()).isAfterOrEqualTo(at);
    assertThat(result.startTime()).isAfterOrEqualTo(at);
    assertThat(calls).hasValue(20);
  }

  @Test
  void anInstantAlreadyPassedStartsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    Scenario scenario = Scenario.builder("late")
        .workload(Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(50)))
        .duration(Duration.ofMillis(200))
        .build();
    long before = System.nanoTime();
    Runner.forScenario(scenario).startAt(Instant.now().minusSeconds(60)).build().run();
    assertThat(calls).hasValue(10);
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
  }
}
