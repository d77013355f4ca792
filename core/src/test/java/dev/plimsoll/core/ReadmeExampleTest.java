package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's Java quick start, as written there (only shorter, and with stand-ins for the
 * system under test), so that the front door of the project cannot drift from the API.
 */
class ReadmeExampleTest {

  /** Stand-ins for the README's catalogue and cart. */
  static final class Catalogue {
    void search(String term) {}
  }

  static final class Cart {
    void checkout(int user) {}
  }

  @Test
  void theQuickStartRuns() {
    Catalogue catalogue = new Catalogue();
    Cart cart = new Cart();

    Mix mix = Mix.builder()
        .add("search", 8, ctx -> catalogue.search("boots"))
        .add("checkout", 1, ctx -> cart.checkout(ctx.userId()))
        .build();

    Scenario scenario = Scenario.builder("shop")
        .workload(Workload.of("customers", mix,
            OpenModel.of(RateProfile.ramp(100, 2_000, Duration.ofSeconds(1))).poisson()))
        .duration(Duration.ofSeconds(2))
        .warmUp(Duration.ofMillis(500))
        .criterion("p95 < 25ms")
        .criterion("checkout.p99 < 200ms")
        .criterion("error_rate < 0.1%")
        .build();

    RunResult result = Plimsoll.run(scenario);
    assertThat(result.status()).isIn(RunStatus.PASSED, RunStatus.FAILED);
    assertThat(result.verdicts()).hasSize(3);
    assertThat(result.operation("search").orElseThrow().completed())
        .isCloseTo(8 * result.operation("checkout").orElseThrow().completed(), org.assertj.core.data.Offset.offset(9L));
  }

  @Test
  void theVirtualTimeExampleRunsTenMinutesInSeconds() {
    long realStart = System.nanoTime();

    VirtualClock clock = VirtualClock.create();
    Scenario scenario = Scenario.builder("p2p")
        .workload(Workload.of("send", ctx -> {
          long sentAt = ctx.clock().nanoTime();
          OperationRecorder delivery = ctx.recorder("delivery");
          clock.delay(Duration.ofMillis(20))                 // a simulated network
              .thenRun(() -> delivery.record(sentAt, sentAt, clock.nanoTime()));
        }, OpenModel.rate(100)))
        .recordedOperation("delivery")                      // or handle.recorder("delivery") from any thread
        .criterion("delivery.p99 < 50ms")
        .duration(Duration.ofMinutes(10))
        .clock(clock)                                       // ten minutes in about a second
        .build();

    RunResult result = Plimsoll.run(scenario);
    assertThat(result.status()).isEqualTo(RunStatus.PASSED);
    // The last two messages were still on the network when the run ended.
    assertThat(result.operation("send").orElseThrow().completed()).isEqualTo(60_000);
    assertThat(result.operation("delivery").orElseThrow().completed()).isEqualTo(59_998);
    assertThat(result.operation("delivery").orElseThrow().responseTime().stats().maxMs())
        .isCloseTo(20, org.assertj.core.data.Offset.offset(0.02));
    assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(20));
  }
}
