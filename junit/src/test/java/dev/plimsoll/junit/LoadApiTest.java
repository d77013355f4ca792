package dev.plimsoll.junit;

import static dev.plimsoll.junit.PlimsollAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.ThinkTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent API, called from a plain test as a user would. */
class LoadApiTest {
  @TempDir
  Path reports;

  /** No environment overrides; reports in the test's folder. */
  private Environment quiet() {
    return new Environment(Map.of(), name -> name.equals("plimsoll.reports") ? Optional.of(reports.toString())
        : Optional.empty());
  }

  @Test
  void runsTheOperationAndReturnsItsNumbers() {
    AtomicLong calls = new AtomicLong();
    LoadResult result = Load.users(2).duration(Duration.ofMillis(300)).environment(quiet())
        .run("count", calls::incrementAndGet);

    assertThat(result.completed()).isEqualTo(calls.get()).isPositive();
    assertThat(result.opsPerSecond()).isPositive();
    assertThat(result.errorRate()).isZero();
    assertThat(result.p(99)).isGreaterThanOrEqualTo(result.p(50)).isLessThanOrEqualTo(result.maxLatency());
    assertThat(result.meanLatency()).isPositive();
    assertThat(result.operation("count").completed()).isEqualTo(result.completed());
    assertThat(result.passed()).isTrue();
    assertThat(result.reportDirectory()).contains(reports.resolve("LoadApiTest").resolve("count"));
    assertThat(result.htmlReport().orElseThrow()).isRegularFile();
    assertThat(result.runResult().config().workloads().get(0).loadDescription()).contains("2 users");
  }

  @Test
  void aTargetRatePacesTheUsers() {
    LoadResult result = Load.users(2).rate(100).duration(Duration.ofSeconds(1)).environment(quiet())
        .run("paced", () -> {});

    // 100/s for one second: the last few may still be due when the run ends.
    assertThat(result.completed()).isBetween(90L, 101L);
  }

  @Test
  void aRateAloneIsAnOpenModel() {
    LoadResult result = Load.rate(50).duration(Duration.ofMillis(500)).environment(quiet()).run("open", () -> {});

    assertThat(result.runResult().config().workloads().get(0).model()).isEqualTo("open");
    assertThat(result.completed()).isBetween(20L, 26L);
  }

  @Test
  void failingOperationsAreCountedAndDoNotFailTheRun() {
    AtomicLong calls = new AtomicLong();
    LoadResult result = Load.users(2).duration(Duration.ofMillis(300)).environment(quiet()).run("flaky", () -> {
      if (calls.incrementAndGet() % 2 == 0) {
        throw new IllegalStateException("every second call fails");
      }
    });

    assertThat(result.errorRate()).isBetween(0.4, 0.6);
    assertThat(result.failed()).isPositive();
  }

  @Test
  void declaredCriteriaThatFailThrowListingEachWithItsMeasuredValue() {
    LoadPlan plan = Load.users(2).duration(Duration.ofMillis(300)).environment(quiet())
        .criteria("p99 < 1ms", "error_rate < 1%", "throughput > 1000000/s");

    assertThatThrownBy(() -> plan.run("slow", () -> Thread.sleep(2)))
        .isInstanceOf(LoadTestFailure.class)
        .hasMessageStartingWith("load test 'slow' failed 2 of 3 criteria (reports: "
            + reports.resolve("LoadApiTest").resolve("slow") + "):")
        .hasMessageContaining("\n  p99 < 1ms: measured ")
        .hasMessageContaining("\n  throughput > 1000000/s: measured ")
        .hasMessageNotContaining("error_rate")
        .satisfies(e -> assertThat(((LoadTestFailure) e).result().completed()).isPositive());
  }

  @Test
  void assertionsListEveryFailedCriterionWithThresholdAndMeasuredValue() {
    LoadResult result = Load.users(1).duration(Duration.ofMillis(300)).environment(quiet())
        .run("sleepy", () -> Thread.sleep(2));

    assertThat(result).meets("p99 < 1s", "error_rate < 1%");
    assertThatThrownBy(() -> assertThat(result).meets("p99 < 1ms", "mean < 1ms", "error_rate < 1%", "max < 1ms"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("load test 'sleepy' failed 3 of 4 criteria (reports: ")
        .hasMessageContaining("\n  p99 < 1ms: measured ")
        .hasMessageContaining("\n  mean < 1ms: measured ")
        .hasMessageContaining("\n  max < 1ms: measured ")
        .hasMessageNotContaining("error_rate");
    assertThatThrownBy(() -> assertThat(result).hasOpsPerSecondAtLeast(1_000_000))
        .hasMessageContaining("throughput >= 1,000,000/s: measured ");
    assertThatThrownBy(() -> assertThat(result).hasPercentileBelow(99, Duration.ofMillis(1)))
        .hasMessageStartingWith("load test 'sleepy': p99 < 1ms: measured ");
    assertThat(result).passed().hasErrorRateBelow(0.01).hasPercentileBelow(50, Duration.ofSeconds(1));
  }

  @Test
  void aMixRunsEachOperationByItsWeight() {
    AtomicLong reads = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    Mix mix = Mix.builder()
        .add("read", 3, context -> reads.incrementAndGet())
        .add("write", 1, context -> writes.incrementAndGet())
        .build();
    LoadResult result = Load.users(1).duration(Duration.ofMillis(300)).environment(quiet()).run("store", mix);

    assertThat(result.operation("read").completed()).isEqualTo(reads.get());
    assertThat((double) reads.get() / writes.get()).isBetween(2.9, 3.1);
    assertThatThrownBy(() -> result.operation("delete"))
        .hasMessage("no operation 'delete' (operations: read, write)");
  }

  @Test
  void aLoadModelGivenWholeRunsAsGiven() {
    LoadResult result = Load.defaults()
        .load(OpenModel.of(RateProfile.spike(20, 200, Duration.ofMillis(200), Duration.ofMillis(100))))
        .duration(Duration.ofMillis(500)).environment(quiet())
        .run("spiky", () -> {});

    // 20/s for 0.4 s and 200/s for 0.1 s: about 8 + 20 arrivals.
    assertThat(result.completed()).isBetween(22L, 32L);
    assertThat(result.runResult().config().workloads().get(0).loadDescription()).contains("spike");
    assertThatThrownBy(() -> Load.users(2).load(ClosedModel.users(3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("load(model) replaces users and rate, which were already set (2 users)");
    assertThatThrownBy(() -> Load.defaults().load(ClosedModel.users(3)).rate(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rate cannot be combined with load(model) (closed: ");
  }

  @Test
  void overridesReachAGivenModelWhereItHasThePlaceForThem() {
    Environment fewer = new Environment(Map.of("PLIMSOLL_USERS", "1"), name -> Optional.empty());
    LoadPlan thinking = Load.defaults().load(ClosedModel.users(8).thinkTime(ThinkTime.constant(Duration.ofMillis(5))));

    assertThat(thinking.settings(fewer).loadModel())
        .isEqualTo(ClosedModel.users(1).thinkTime(ThinkTime.constant(Duration.ofMillis(5))));
    assertThatThrownBy(() -> Load.defaults().load(OpenModel.rate(10)).settings(fewer))
        .hasMessage("PLIMSOLL_USERS: the test's load (open: constant 10/s, uniform arrivals, at most 10000 in flight)"
            + " has no users to set");
  }

  @Test
  void settingsAreCheckedWhenGiven() {
    assertThatThrownBy(() -> Load.users(0)).hasMessage("users must be > 0, was 0");
    assertThatThrownBy(() -> Load.rate(-1)).hasMessage("rate must be a finite number of operations per second > 0, was -1.0");
    assertThatThrownBy(() -> Load.defaults().criteria("p97 < 5ms")).hasMessageContaining("unknown metric 'p97'");
    assertThatThrownBy(() -> Load.defaults().preset("fast")).hasMessageContaining("unknown preset 'fast'");
  }
}
