package dev.plimsoll.core.criteria;

import static dev.plimsoll.core.criteria.TestMeasurements.idle;
import static dev.plimsoll.core.criteria.TestMeasurements.interval;
import static dev.plimsoll.core.criteria.TestMeasurements.latenciesMs;
import static dev.plimsoll.core.criteria.TestMeasurements.measured;
import static dev.plimsoll.core.criteria.TestMeasurements.oneToHundredMs;
import static dev.plimsoll.core.criteria.TestMeasurements.stats;
import static dev.plimsoll.core.criteria.TestMeasurements.system;
import static dev.plimsoll.core.criteria.TestMeasurements.withSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriterionEvaluateTest {

  // total: 1..100 ms response, 0.5 ms service; search is slow, browse is fast. Over one second.
  private final OperationStats search =
      stats("search", 45, 5, 2, latenciesMs(30, 31, 32, 33, 200), latenciesMs(1, 2));
  private final OperationStats browse =
      stats("browse", 50, 0, 1, latenciesMs(2, 3), latenciesMs(1));
  private final OperationStats total =
      stats("total", 95, 5, 3, oneToHundredMs(), latenciesMs(0.5));
  private final Measurements result = measured(total, List.of(search, browse));

  private Verdict evaluate(String text) {
    return Criterion.parse(text).evaluate(result);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      p95 < 96ms           | true  | 95   | measured 95 ms
      p95 < 95ms           | false | 95   | measured 95 ms
      p50 <= 50.1ms        | true  | 50   | measured 50 ms
      max >= 100ms         | true  | 100  | measured 100 ms
      min <= 1ms           | true  | 1    | measured 1 ms
      mean < 51ms          | true  | 50.5 | measured 50.5 ms
      search.p99 < 100ms   | false | 200  | measured 200 ms
      browse.p99 < 100ms   | true  | 3    | measured 3 ms
      service_p99 < 1ms    | true  | 0.5  | measured 0.5 ms
      search.service_max > 1.5ms | true | 2 | measured 2 ms
      error_rate < 5.1%    | true  | 0.05 | measured 5% (5 of 100 failed)
      error_rate < 5%      | false | 0.05 | measured 5% (5 of 100 failed)
      search.error_rate <= 0.1 | true | 0.1 | measured 10% (5 of 50 failed)
      browse.error_rate == 0 | true | 0   | measured 0% (0 of 50 failed)
      throughput > 99/s    | true  | 100  | measured 100/s
      throughput >= 6000/min | true | 100 | measured 100/s
      search.throughput > 60/s | false | 50 | measured 50/s
      dropped == 0         | false | 3    | measured 3 dropped
      browse.dropped <= 1  | true  | 1    | measured 1 dropped
      search.dropped != 2  | false | 2    | measured 2 dropped
      """)
  void judgesOperationMetrics(String text, boolean passed, double measured, String detail) {
    Verdict verdict = evaluate(text);

    assertThat(verdict.passed()).as("passed").isEqualTo(passed);
    // HdrHistogram reports a value's bucket bound (max: top, min: bottom): within 0.1 %.
    assertThat(verdict.measured()).isCloseTo(measured, within(measured * 0.001 + 1e-9));
    assertThat(verdict.detail()).isEqualTo(detail);
    assertThat(verdict.criterion().source()).isEqualTo(text);
  }

  @Test
  void unknownOperationFailsNamingTheOperations() {
    Verdict verdict = evaluate("serch.p99 < 100ms");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.measured()).isNaN();
    assertThat(verdict.detail()).isEqualTo("no operation 'serch' (operations: search, browse)");
  }

  @Test
  void unknownOperationInARunWithoutOperations() {
    Verdict verdict = Criterion.parse("x.p99 < 1ms").evaluate(measured(idle("total"), List.of()));

    assertThat(verdict.detail()).isEqualTo("no operation 'x' (operations: none)");
  }

  @Test
  void latencyAndErrorRateOfNothingCompletedFailRatherThanPassVacuously() {
    Measurements empty = measured(idle("total"), List.of(idle("login")));

    Verdict latency = Criterion.parse("p95 < 25ms").evaluate(empty);
    Verdict errors = Criterion.parse("login.error_rate < 1%").evaluate(empty);
    Verdict throughput = Criterion.parse("throughput >= 0/s").evaluate(empty);

    assertThat(latency.passed()).isFalse();
    assertThat(latency.measured()).isNaN();
    assertThat(latency.detail()).isEqualTo("no completed operations to measure");
    assertThat(errors.passed()).isFalse();
    assertThat(errors.detail()).isEqualTo("no completed 'login' operations to measure");
    assertThat(throughput.passed()).isTrue();
    assertThat(throughput.measured()).isZero();
  }

  @Test
  void throughputOfTargetCountsMeasuredIntervalsOnly() {
    Measurements open = Measurements.of(List.of(
        interval(0, true, 100, 10), // warm-up: left out
        interval(1, false, 100, 98),
        interval(2, false, 100, 92)));

    Verdict verdict = Criterion.parse("throughput >= 95%").evaluate(open);
    Verdict stricter = Criterion.parse("throughput >= 96%").evaluate(open);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.measured()).isEqualTo(0.95);
    assertThat(verdict.detail()).isEqualTo("measured 95% of target (190 completed of 200 expected)");
    assertThat(stricter.passed()).isFalse();
  }

  @Test
  void throughputOfTargetNeedsAnOpenModel() {
    Measurements closed = Measurements.of(List.of(interval(0, false, 0, 50)));

    Verdict verdict = Criterion.parse("throughput >= 95%").evaluate(closed);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.measured()).isNaN();
    assertThat(verdict.detail()).isEqualTo(
        "throughput as a percent of target needs an open-model workload (no arrivals were scheduled)");
  }

  @Test
  void judgesSystemMetrics() {
    Measurements measured = withSystem(system(0.45, 0.91, 300L << 20, 512L << 20, 12, 3.25));

    assertThat(Criterion.parse("cpu_avg < 70%").evaluate(measured))
        .returns(true, Verdict::passed)
        .returns(0.45, Verdict::measured)
        .returns("measured 45%", Verdict::detail);
    assertThat(Criterion.parse("cpu_peak < 90%").evaluate(measured))
        .returns(false, Verdict::passed)
        .returns("measured 91%", Verdict::detail);
    assertThat(Criterion.parse("memory_growth < 10MB/min").evaluate(measured))
        .returns(true, Verdict::passed)
        .returns(3.25, Verdict::measured)
        .returns("measured 3.25 ± 0.5 MB/min (95% confidence; heap after 20 collections over 2m)",
            Verdict::detail);
    assertThat(Criterion.parse("peak_rss < 512MB").evaluate(measured))
        .returns(false, Verdict::passed)
        .returns((double) (512L << 20), Verdict::measured)
        .returns("measured 512 MiB", Verdict::detail);
    assertThat(Criterion.parse("peak_rss <= 0.5GB").evaluate(measured).passed()).isTrue();
  }

  @Test
  void negativeMemoryGrowthIsAMeasurementNotUnknown() {
    Measurements shrinking = withSystem(system(0.1, 0.2, 100L << 20, 200L << 20, 3, -1.0));

    Verdict verdict = Criterion.parse("memory_growth < 10MB/min").evaluate(shrinking);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.measured()).isEqualTo(-1.0);
  }

  @Test
  void memoryGrowthOnARunTooShortIsNotJudgedAndDoesNotFail() {
    MemoryGrowth steep = new MemoryGrowth(30.9, 4, 4, Duration.ofSeconds(14),
        MemoryGrowth.Basis.AFTER_ANY_COLLECTION);
    Measurements measured = withSystem(system(0.1, 0.2, 12L << 20, 200L << 20, 4, steep));

    Verdict verdict = Criterion.parse("memory_growth < 10MB/min").evaluate(measured);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.judged()).isFalse();
    assertThat(verdict.measured()).isNaN();
    assertThat(verdict.detail())
        .isEqualTo("too short to judge: 4 collections over 14s (needs 5 over 30s)");
  }

  @Test
  void memoryGrowthWithoutAnyCollectionIsNotJudged() {
    Measurements measured = withSystem(system(0.1, 0.2, 12L << 20, 200L << 20, 0, MemoryGrowth.NONE));

    Verdict verdict = Criterion.parse("memory_growth < 10MB/min").evaluate(measured);

    assertThat(verdict.judged()).isFalse();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.detail())
        .isEqualTo("too short to judge: no garbage collection in the measured time");
  }

  @Test
  void memoryGrowthWhoseIntervalStraddlesTheLimitIsNotJudged() {
    MemoryGrowth unsure = new MemoryGrowth(12, 5, 20, Duration.ofMinutes(2),
        MemoryGrowth.Basis.AFTER_ANY_COLLECTION);
    Measurements measured = withSystem(system(0.1, 0.2, 12L << 20, 200L << 20, 20, unsure));

    Verdict verdict = Criterion.parse("memory_growth < 10MB/min").evaluate(measured);

    assertThat(verdict.judged()).isFalse();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.detail()).isEqualTo("12 ± 5 MB/min (95% confidence; heap after 20"
        + " collections over 2m); the interval spans the limit");
  }

  @Test
  void memoryGrowthSurelyAboveTheLimitFails() {
    MemoryGrowth leak = new MemoryGrowth(40, 5, 20, Duration.ofMinutes(2),
        MemoryGrowth.Basis.AFTER_ANY_COLLECTION);
    Measurements measured = withSystem(system(0.1, 0.2, 12L << 20, 200L << 20, 20, leak));

    Verdict verdict = Criterion.parse("memory_growth < 10MB/min").evaluate(measured);

    assertThat(verdict.judged()).isTrue();
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.measured()).isEqualTo(40.0);
  }

  @ParameterizedTest
  @CsvSource({"cpu_avg < 70%", "cpu_peak < 90%", "memory_growth < 10MB/min", "peak_rss < 1GB"})
  void unknownSystemValuesFail(String text) {
    Verdict verdict = Criterion.parse(text).evaluate(withSystem(SystemSummary.UNKNOWN));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.measured()).isNaN();
    assertThat(verdict.detail()).isEqualTo("not measured on this platform");
  }

  @Test
  void theJudgeKeepsOrder() {
    List<Criterion> criteria = Criteria.parseAll(List.of("p95 < 96ms", "dropped == 0"));

    List<Verdict> verdicts = Judge.of(criteria).verdicts(result);

    assertThat(verdicts).extracting(Verdict::passed).containsExactly(true, false);
    assertThat(Criteria.allPassed(verdicts)).isFalse();
    assertThat(Criteria.allPassed(verdicts.subList(0, 1))).isTrue();
    assertThat(Criteria.allPassed(List.of())).isTrue();
  }
}
