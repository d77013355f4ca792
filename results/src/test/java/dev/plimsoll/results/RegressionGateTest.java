package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.WorkloadDescription;
import dev.plimsoll.core.result.WorkloadDescription.MixEntry;
import dev.plimsoll.results.testing.ResultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionGateTest {
  private static final Duration MEASURED = Duration.ofSeconds(10);
  private static final ScenarioDescription SHOP = shape("constant 100/s", Duration.ofSeconds(10), 9);

  private final RunResult baseline = result(SHOP, RunStatus.COMPLETED,
      op("search", 10_200, 20), op("checkout", 1_000, 50));

  @Test
  void compare_unchangedRun_passesEveryComparison() {
    List<Verdict> verdicts = RegressionGate.defaults().compare(baseline, baseline);

    assertThat(verdicts).hasSize(6).allSatisfy(v -> {
      assertThat(v.passed()).isTrue();
      assertThat(v.judged()).isTrue();
    });
    assertThat(verdicts.get(0).criterion().source())
        .isEqualTo("total: throughput 1,120/s vs baseline 1,120/s (+0 %, limit -10 %)");
    assertThat(verdicts.get(2).criterion().scope()).isEqualTo("search");
  }

  @Test
  void judge_unchangedRunWithoutCriteria_passes() {
    RunResult judged = RegressionGate.defaults().judge(baseline, baseline);

    assertThat(judged.status()).isEqualTo(RunStatus.PASSED);
    assertThat(judged.verdicts()).hasSize(6);
  }

  @Test
  void judge_throughputDrop_failsSayingBothNumbersAndTheChange() {
    RunResult slower = result(SHOP, RunStatus.COMPLETED, op("search", 8_120, 20), op("checkout", 1_000, 50));

    RunResult judged = RegressionGate.defaults().judge(slower, baseline);

    assertThat(judged.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failures(judged)).containsExactly(
        "total: throughput 912/s vs baseline 1,120/s (-18.6 %, limit -10 %)",
        "search: throughput 812/s vs baseline 1,020/s (-20.4 %, limit -10 %)");
    Verdict search = judged.verdicts().get(2);
    assertThat(search.measured()).isEqualTo(812.0);
    assertThat(search.criterion().metric()).isEqualTo(Metric.THROUGHPUT);
    assertThat(search.criterion().threshold()).isEqualTo(1020 * 0.9);
  }

  @Test
  void judge_dropWithinTheLimit_passes() {
    RunResult slightlySlower = result(SHOP, RunStatus.COMPLETED, op("search", 9_300, 20), op("checkout", 1_000, 50));

    assertThat(RegressionGate.defaults().judge(slightlySlower, baseline).status()).isEqualTo(RunStatus.PASSED);
  }

  @Test
  void judge_percentileRise_fails() {
    RunResult slower = result(SHOP, RunStatus.COMPLETED, op("search", 10_200, 20), op("checkout", 1_000, 80));

    RunResult judged = RegressionGate.defaults().judge(slower, baseline);

    assertThat(judged.status()).isEqualTo(RunStatus.FAILED);
    // All together the p99 rises too: checkout's 1,000 slow ones hold the top 9 %.
    assertThat(failures(judged)).hasSize(2);
    assertThat(failures(judged).get(1))
        .startsWith("checkout: p99 80 ms vs baseline 50 ms (+60 %, limit +50 %)");
  }

  @Test
  void judge_chosenPercentile_isTheOneCompared() {
    RunResult slower = result(SHOP, RunStatus.COMPLETED, op("search", 10_200, 20), op("checkout", 1_000, 80));
    RegressionGate onP50 = RegressionGate.builder().latencyMetric(Metric.P50).build();

    // p50 of all together is search's, unchanged; checkout's own still rose.
    assertThat(failures(onP50.judge(slower, baseline)))
        .containsExactly("checkout: p50 80 ms vs baseline 50 ms (+60 %, limit +50 %)");
  }

  @Test
  void judge_perOperationLimits_winOverTheGatesAndTheTotalHasItsOwn() {
    RunResult slower = result(SHOP, RunStatus.COMPLETED, op("search", 8_120, 20), op("checkout", 1_000, 70));
    RegressionGate lenient = RegressionGate.builder()
        .limits("search", new GateLimits(0.75, 1.5))
        .limits(RegressionGate.TOTAL, new GateLimits(0.95, 1.5))
        .limits(new GateLimits(0.9, 1.3))
        .build();

    List<String> failures = failures(lenient.judge(slower, baseline));
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0)).isEqualTo("total: throughput 912/s vs baseline 1,120/s (-18.6 %, limit -5 %)");
    // HdrHistogram keeps three digits: 70 ms reads as 70.1.
    assertThat(failures.get(1)).startsWith("checkout: p99 70").endsWith("limit +30 %)");
    assertThat(lenient.limitsFor("search")).isEqualTo(new GateLimits(0.75, 1.5));
    assertThat(lenient.limitsFor("other")).isEqualTo(new GateLimits(0.9, 1.3));
  }

  @Test
  void builder_oneHalfForAnOperation_takesTheOtherHalfFromTheGateWheneverItWasSet() {
    RegressionGate gate = RegressionGate.builder()
        .minThroughputRatio("search", 0.75)
        .maxLatencyRatio(null, 1.3)
        .maxLatencyRatio("checkout", 2.0)
        .minThroughputRatio(null, 0.8)
        .build();

    assertThat(gate.limitsFor("search")).isEqualTo(new GateLimits(0.75, 1.3));
    assertThat(gate.limitsFor("checkout")).isEqualTo(new GateLimits(0.8, 2.0));
    assertThat(gate.limitsFor(RegressionGate.TOTAL)).isEqualTo(new GateLimits(0.8, 1.3));
    assertThat(RegressionGate.builder().maxLatencyRatio("search", 2).build().limitsFor("search"))
        .isEqualTo(new GateLimits(GateLimits.DEFAULT.minThroughputRatio(), 2));
  }

  @Test
  void builder_bothHalvesAtOnce_replaceOneGivenBefore() {
    RegressionGate gate = RegressionGate.builder()
        .minThroughputRatio("search", 0.5)
        .limits("search", new GateLimits(0.95, 1.1))
        .build();

    assertThat(gate.limitsFor("search")).isEqualTo(new GateLimits(0.95, 1.1));
    assertThat(gate.toBuilder().build().limitsFor("search")).isEqualTo(new GateLimits(0.95, 1.1));
    assertThatThrownBy(() -> RegressionGate.builder().minThroughputRatio("search", 1.2))
        .hasMessage("minThroughputRatio must be between 0 and 1, was 1.2");
  }

  @Test
  void compare_differentLoad_isRefusedSayingWhatDiffers() {
    RunResult faster = result(shape("constant 200/s", Duration.ofSeconds(20), 8), RunStatus.COMPLETED,
        op("search", 10_200, 20), op("checkout", 1_000, 50));

    assertThatThrownBy(() -> RegressionGate.defaults().compare(faster, baseline))
        .isInstanceOf(LoadShapeMismatchException.class)
        .hasMessage("the load differs from the baseline, so the two cannot be compared:"
            + " duration 20s vs baseline 10s;"
            + " workload 'shoppers': load 'constant 200/s' vs baseline 'constant 100/s';"
            + " workload 'shoppers': mix search x8, checkout x1 vs baseline search x9, checkout x1");
  }

  @Test
  void compare_aRunSteeredWhileItWent_isRefused_unlessAnyShapeIsAllowed() {
    RunResult steered = new RunResult(baseline.schemaVersion(), baseline.name(), baseline.status(),
        baseline.stopReason(), baseline.startTime(), baseline.endTime(), baseline.measuredDuration(),
        baseline.config(), null, baseline.total(), baseline.operations(), List.of(), List.of(), List.of(), null,
        null, false, List.of(), List.of(new ProfileChange(Duration.ofSeconds(3), "shoppers",
            ProfileChange.Setting.RATE, 100, 150, "dashboard")));

    assertThatThrownBy(() -> RegressionGate.defaults().compare(steered, baseline))
        .isInstanceOf(LoadShapeMismatchException.class)
        .hasMessage("the load differs from the baseline, so the two cannot be compared: this run's load was"
            + " changed while it went (1 change, the first shoppers: rate 100/s → 150/s (dashboard))");
    assertThat(RegressionGate.builder().allowDifferentShape(true).build().compare(steered, baseline)).isNotEmpty();
  }

  @Test
  void loadDifferences_otherWorkloadsAndModels_areNamed() {
    ScenarioDescription closed = new ScenarioDescription("shop", Duration.ofSeconds(10), Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
        List.of(new WorkloadDescription("shoppers", "closed", "10 users", Duration.ofSeconds(10),
            SHOP.workloads().get(0).mix()),
            new WorkloadDescription("admins", "closed", "1 user", Duration.ofSeconds(10), List.of())),
        List.of());

    assertThat(RegressionGate.loadDifferences(closed, SHOP)).containsExactly(
        "warm-up 1s vs baseline 0s",
        "workload 'shoppers': closed model vs baseline open",
        "workload 'shoppers': load '10 users' vs baseline 'constant 100/s'",
        "workload 'admins' is not in the baseline");
    assertThat(RegressionGate.loadDifferences(SHOP, null)).containsExactly("the baseline records no load shape");
  }

  @Test
  void loadDifferences_nameSeedAndCriteria_areNoPartOfTheLoad() {
    ScenarioDescription renamed = new ScenarioDescription("shop on Tuesday", SHOP.duration(), SHOP.warmUp(),
        Duration.ofMillis(500), SHOP.gracefulStop(), 99, SHOP.workloads(), List.of("p99 < 5ms"));

    assertThat(RegressionGate.loadDifferences(renamed, SHOP)).isEmpty();
  }

  @Test
  void compare_differentLoadAllowed_comparesAnyway() {
    RunResult faster = result(shape("constant 200/s", Duration.ofSeconds(10), 9), RunStatus.COMPLETED,
        op("search", 20_400, 20), op("checkout", 2_000, 50));
    RegressionGate anyShape = RegressionGate.builder().allowDifferentShape(true).build();

    assertThat(anyShape.judge(faster, baseline).status()).isEqualTo(RunStatus.PASSED);
    assertThat(anyShape.allowsDifferentShape()).isTrue();
    assertThat(anyShape.toBuilder().build().allowsDifferentShape()).isTrue();
  }

  @Test
  void compare_operationInOneRunOnly_isNotJudged() {
    RunResult other = result(SHOP, RunStatus.COMPLETED, op("search", 10_200, 20), op("browse", 500, 5));

    List<Verdict> verdicts = RegressionGate.builder().allowDifferentShape(true).build().compare(other, baseline);

    assertThat(verdicts).filteredOn(v -> !v.judged()).extracting(Verdict::detail)
        .containsExactly("browse: not in the baseline", "checkout: in the baseline only");
  }

  @Test
  void compare_baselineThatCompletedNothing_isNotJudged() {
    RunResult empty = result(SHOP, RunStatus.FAILED, op("search", 0, 20), op("checkout", 0, 50));

    List<Verdict> verdicts = RegressionGate.defaults().compare(baseline, empty);

    assertThat(verdicts).allSatisfy(v -> assertThat(v.judged()).isFalse());
    assertThat(verdicts.get(0).detail()).isEqualTo("total: throughput not judged: the baseline completed none");
  }

  @Test
  void judge_keepsAbortedAndFailedRunsSo() {
    RunResult aborted = result(SHOP, RunStatus.ABORTED, op("search", 10_200, 20), op("checkout", 1_000, 50));
    RunResult failed = result(SHOP, RunStatus.FAILED, op("search", 10_200, 20), op("checkout", 1_000, 50));

    assertThat(RegressionGate.defaults().judge(aborted, baseline).status()).isEqualTo(RunStatus.ABORTED);
    assertThat(RegressionGate.defaults().judge(failed, baseline).status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void operationNameNoCriterionCanScope_isLeftUnscoped() {
    RunResult piped = result(SHOP, RunStatus.COMPLETED, op(ResultFixtures.CHECKOUT, 100, 5));

    List<Verdict> verdicts = RegressionGate.builder().allowDifferentShape(true).build().compare(piped, piped);

    assertThat(verdicts.get(2).criterion().scope()).isNull();
    assertThat(verdicts.get(2).criterion().source()).startsWith("checkout|pay: throughput 10/s");
  }

  @Test
  void builder_rejectsWhatIsNoLatencyAndLimitsOutOfRange() {
    assertThatThrownBy(() -> RegressionGate.builder().latencyMetric(Metric.ERROR_RATE))
        .hasMessage("latencyMetric must be a latency such as p99 or service_p95, was error_rate");
    assertThatThrownBy(() -> new GateLimits(1.1, 1.5))
        .hasMessage("minThroughputRatio must be between 0 and 1, was 1.1");
    assertThatThrownBy(() -> new GateLimits(0.9, 0.5))
        .hasMessage("maxLatencyRatio must be a finite number, 1 or more, was 0.5");
  }

  @Test
  void readBaseline_roundTripsAndNamesTheFileOfEveryProblem(@TempDir Path dir) throws Exception {
    Path file = ResultFiles.write(baseline, dir.resolve("base.json"));
    assertThat(RegressionGate.readBaseline(file)).isEqualTo(baseline);

    Path missing = dir.resolve("nothing.json");
    assertThatThrownBy(() -> RegressionGate.readBaseline(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseline " + missing + ": no such file");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"hello\": 1}");
    assertThatThrownBy(() -> RegressionGate.readBaseline(garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseline " + garbage + " is not a result this version can read: ")
        .hasMessageContaining("schemaVersion");
    assertThatThrownBy(() -> RegressionGate.readBaseline(dir))
        .hasMessageStartingWith("baseline " + dir + " cannot be read: ");
  }

  @Test
  void change_isSignedWithOneDecimalWhereItMatters() {
    assertThat(GateComparison.change(0.796)).isEqualTo("-20.4 %");
    assertThat(GateComparison.change(0.9)).isEqualTo("-10 %");
    assertThat(GateComparison.change(1.5)).isEqualTo("+50 %");
    assertThat(GateComparison.change(2.555)).isEqualTo("+156 %");
  }

  private static List<String> failures(RunResult judged) {
    return judged.verdicts().stream().filter(v -> !v.passed()).map(Verdict::detail).toList();
  }

  private static ScenarioDescription shape(String load, Duration duration, int searchWeight) {
    return new ScenarioDescription("shop", duration, Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(1), 1,
        List.of(new WorkloadDescription("shoppers", "open", load, duration,
            List.of(new MixEntry("search", searchWeight, false), new MixEntry("checkout", 1, false)))),
        List.of());
  }

  /** {@code completed} operations that all took {@code ms}, so that every percentile is {@code ms}. */
  private static OperationStats op(String name, long completed, long ms) {
    Histogram nanos = LatencyDistribution.newHistogram();
    nanos.recordValueWithCount(ms * 1_000_000, Math.max(completed, 0));
    LatencyDistribution latencies = LatencyDistribution.of(nanos);
    return new OperationStats(name, completed, completed, 0, 0, 0, latencies, latencies, List.of());
  }

  private static RunResult result(ScenarioDescription config, RunStatus status, OperationStats... operations) {
    OperationStats total = OperationStats.sum("total", List.of(operations));
    return new RunResult(RunResult.SCHEMA_VERSION, "shop", status, "completed", ResultFixtures.START,
        ResultFixtures.START.plus(MEASURED), MEASURED, config, null, total, List.of(operations),
        List.of(), List.of(), List.of(), null, null);
  }
}
