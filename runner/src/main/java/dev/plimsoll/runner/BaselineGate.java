package dev.plimsoll.runner;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.results.RegressionGate;
import dev.plimsoll.results.ResultFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A run's baseline duties: the {@link RegressionGate} against a baseline read before any load is
 * sent, and saving the run as a new baseline once it has ended.
 *
 * @param baselineFile the baseline to judge the run against, or null
 * @param gate how to judge it
 * @param saveTo where to save the run as a new baseline, or null
 */
record BaselineGate(Path baselineFile, RegressionGate gate, Path saveTo) {

  /**
   * Reads the baseline, before anything is opened or sent.
   *
   * @throws IllegalArgumentException naming the file, if it cannot be read as a result
   */
  Opened open() {
    return new Opened(baselineFile == null ? null : RegressionGate.readBaseline(baselineFile));
  }

  /** With the baseline read. */
  final class Opened {
    private final RunResult baseline;

    private Opened(RunResult baseline) {
      this.baseline = baseline;
    }

    /**
     * Refuses a scenario whose load differs from the baseline's, before it runs.
     *
     * @throws dev.plimsoll.results.LoadShapeMismatchException saying what differs
     */
    void checkShape(ScenarioDescription scenario) {
      if (baseline != null) {
        gate.checkShape(scenario, baseline.config(), "baseline " + baselineFile);
      }
    }

    /** The run with the gate's verdicts joined to its own, or as it is without a baseline. */
    RunResult judge(RunResult run) {
      // The shape was checked before the run, and a run keeps its scenario's description.
      return baseline == null ? run : gate.judge(run, baseline);
    }

    /**
     * Saves the run as the new baseline when asked to and it {@linkplain RunResult#succeeded()
     * succeeded}: a failed or aborted run would lower the bar for the runs after it.
     */
    void save(RunResult run, Consumer<String> notices) {
      if (saveTo == null) {
        return;
      }
      if (!run.succeeded()) {
        notices.accept("not saved as a baseline: the run " + run.status().name().toLowerCase(Locale.ROOT)
            + "; " + saveTo + " is unchanged");
        return;
      }
      try {
        ResultFiles.write(run, saveTo);
        notices.accept("saved as the baseline " + saveTo);
      } catch (IOException | RuntimeException e) {
        notices.accept("could not save the baseline " + saveTo + ": " + e.getMessage());
      }
    }
  }
}
