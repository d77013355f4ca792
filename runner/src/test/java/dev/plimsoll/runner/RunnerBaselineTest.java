package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.GateLimits;
import dev.plimsoll.results.LoadShapeMismatchException;
import dev.plimsoll.results.RegressionGate;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's regression gate: a run saved as a baseline, later runs judged against it. */
class RunnerBaselineTest {
  /**
   * Judges throughput only: an in-process operation that does nothing takes a few microseconds, and
   * on a shared machine those vary far more than 50 % from run to run.
   */
  private static final RegressionGate THROUGHPUT_ONLY =
      RegressionGate.builder().limits(new GateLimits(0.9, 1_000_000)).build();

  @TempDir Path dir;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> notices = new ArrayList<>();

  private Scenario scenario(double ratePerSecond, String... criteria) {
    Scenario.Builder b = Scenario.builder("gated")
        .workload(Workload.of("w", ctx -> calls.incrementAndGet(), OpenModel.rate(ratePerSecond)))
        .duration(Duration.ofSeconds(1));
    for (String criterion : criteria) {
      b.criterion(criterion);
    }
    return b.build();
  }

  @Test
  void aSavedBaselineGatesTheNextRun_andTheVerdictsAreInTheResultFile() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    RunResult first = Runner.forScenario(scenario(200)).saveBaseline(baseline).notices(notices::add).build().run();
    assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ResultFiles.read(baseline).total().completed()).isEqualTo(200);
    assertThat(notices).containsExactly("saved as the baseline " + baseline);

    Path out = dir.resolve("out");
    RunResult second = Runner.forScenario(scenario(200)).baseline(baseline).gate(THROUGHPUT_ONLY)
        .resultsDirectory(out).build().run();

    assertThat(second.status()).isEqualTo(RunStatus.PASSED);
    assertThat(second.verdicts()).extracting(v -> v.criterion().source())
        .contains("total: throughput 200/s vs baseline 200/s (+0 %, limit -10 %)");
    assertThat(ResultFiles.read(out.resolve("result.json")).verdicts()).isEqualTo(second.verdicts());
    assertThat(Files.readString(out.resolve("report.md"))).contains("total: throughput 200/s vs baseline 200/s");
  }

  @Test
  void aRunOfAnotherLoad_isRefusedBeforeAnyOperation() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    Runner.forScenario(scenario(200)).saveBaseline(baseline).notices(notices::add).build().run();
    calls.set(0);

    Runner other = Runner.forScenario(scenario(100)).baseline(baseline).build();

    assertThatThrownBy(other::start).isInstanceOf(LoadShapeMismatchException.class)
        .hasMessage("the load differs from baseline " + baseline + ", so the two cannot be compared:"
            + " workload 'w': load 'open: constant 100/s, uniform arrivals, at most 10000 in flight'"
            + " vs baseline 'open: constant 200/s, uniform arrivals, at most 10000 in flight'");
    assertThat(calls).hasValue(0);
    RunResult anyway = Runner.forScenario(scenario(100)).baseline(baseline)
        .gate(THROUGHPUT_ONLY.toBuilder().allowDifferentShape(true).build()).build().run();
    assertThat(anyway.status()).isEqualTo(RunStatus.FAILED);
    // Both numbers and the change: 100/s, or a little less when a busy machine dropped an arrival at the stop.
    assertThat(anyway.verdicts()).filteredOn(v -> !v.passed()).extracting(Verdict::detail)
        .anySatisfy(d -> assertThat(d).matches("total: throughput (100|9\\d)/s vs baseline 200/s \\(-5\\d(\\.\\d)? %, limit -10 %\\)"));
  }

  @Test
  void aMissingOrForeignBaseline_isRefusedBeforeAnyOperation_byTheRunAndTheDryRun() throws Exception {
    Path missing = dir.resolve("missing.json");
    Path foreign = Files.writeString(dir.resolve("foreign.json"), "[1, 2, 3]");
    for (Path file : List.of(missing, foreign)) {
      Runner runner = Runner.forScenario(scenario(200)).baseline(file).build();
      assertThatThrownBy(runner::start).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("baseline " + file);
      assertThatThrownBy(runner::describe).hasMessageStartingWith("baseline " + file);
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void aFailedRun_isNotSavedAsTheBaseline() throws Exception {
    Path baseline = dir.resolve("baseline.json");

    RunResult failed = Runner.forScenario(scenario(100, "p99 < 0ms")).saveBaseline(baseline)
        .notices(notices::add).build().run();

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(baseline).doesNotExist();
    assertThat(notices).containsExactly("not saved as a baseline: the run failed; " + baseline + " is unchanged");
  }
}
