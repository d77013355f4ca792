package dev.plimsoll.junit;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.report.MarkdownReport;
import dev.plimsoll.results.LoadShapeMismatchException;
import dev.plimsoll.report.html.HtmlReport;
import dev.plimsoll.runner.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One run of a {@link LoadPlan}, the same for the annotation and the fluent API. */
final class LoadRun {
  private final LoadPlan plan;
  private final Environment environment;
  private final Consumer<String> notices;

  LoadRun(LoadPlan plan, Environment environment) {
    this.plan = plan;
    this.environment = environment;
    // What the runner says on its own (a baseline saved or left as it was) belongs in the test's output.
    this.notices = message -> System.out.println("plimsoll: " + message);
  }

  /**
   * Runs {@code mix} under the plan's load, with its reports in {@code directory}.
   *
   * @throws LoadTestFailure when a criterion or the gate failed, or the run was stopped
   * @throws IllegalStateException when the test names a baseline that is not there to gate against, or
   *     one of another load
   */
  LoadResult run(String name, Mix mix, Path directory) {
    LoadSettings settings = plan.settings(environment);
    Scenario.Builder scenario = Scenario.builder(name)
        .workload(Workload.of(name, mix, settings.loadModel()))
        .duration(settings.duration())
        .warmUp(settings.warmUp())
        .interval(settings.interval());
    plan.criteria().forEach(scenario::criterion);
    if (plan.preset() != null) {
      scenario.preset(plan.preset());
    }
    Runner.Builder runner = Runner.forScenario(scenario.build())
        .resultsDirectory(directory)
        .reports(MarkdownReport.NAME, HtmlReport.NAME)
        .notices(notices);
    Path baseline = plan.baseline();
    if (baseline != null) {
      if (environment.updateBaseline()) {
        runner.saveBaseline(baseline);
      } else if (!Files.isRegularFile(baseline)) {
        throw new IllegalStateException("no baseline at " + baseline.toAbsolutePath() + " to gate '" + name
            + "' against; run once with -D" + Environment.propertyName(Environment.BASELINE_UPDATE) + "=true (or "
            + Environment.BASELINE_UPDATE + "=true) to write it");
      } else {
        runner.baseline(baseline).gate(plan.gate());
      }
    }
    RunResult run;
    try {
      run = runner.build().run();
    } catch (LoadShapeMismatchException e) {
      throw new IllegalStateException(e.getMessage() + "; if an override (PLIMSOLL_USERS, PLIMSOLL_RATE,"
          + " PLIMSOLL_DURATION, PLIMSOLL_WARMUP) changed the load, gate only the runs without it (mark the test"
          + " @Quick), or write a new baseline with -D" + Environment.propertyName(Environment.BASELINE_UPDATE)
          + "=true", e);
    }
    LoadResult result = new LoadResult(run, directory);
    if (!result.failures().isEmpty()) {
      throw new LoadTestFailure(result, VerdictText.failures("load test '" + name + "'", run.verdicts(),
          result.reportDirectory()));
    }
    if (run.status() == RunStatus.ABORTED) {
      throw new LoadTestFailure(result, "load test '" + name + "' did not run to its end: " + run.stopReason()
          + " (reports: " + directory + ")");
    }
    return result;
  }
}
