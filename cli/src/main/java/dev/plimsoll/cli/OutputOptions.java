package dev.plimsoll.cli;

import dev.plimsoll.runner.ResultsFolderException;
import dev.plimsoll.runner.Runner;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a run's result files go, and whether progress is shown. */
final class OutputOptions {
  /** Where runs without {@code --out} put their results, each in a folder of its own. */
  static final Path DEFAULT_PARENT = Path.of("plimsoll-results");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory for result.json and report.md (default: plimsoll-results/<name>-<timestamp>).")
  Path out;

  @Option(names = "--no-progress", description = "Do not show live progress.")
  boolean noProgress;

  /**
   * The dry run's plan, refusing an output folder the run would refuse; request bodies as written
   * only when {@code showBodies} ({@code --show-bodies}), else by size and shape.
   */
  String describe(Runner.Builder runner, boolean showBodies) {
    applyTo(runner);
    try {
      return runner.build().describe(showBodies);
    } catch (ResultsFolderException e) {
      throw inOptionWords(e);
    }
  }

  /** A results folder problem, naming {@code --out} when the folder came from it. */
  UserException inOptionWords(ResultsFolderException e) {
    return new UserException((out != null ? "--out " : "results folder ") + e.folder() + ": " + e.problem());
  }

  void applyTo(Runner.Builder runner) {
    if (out != null) {
      runner.resultsDirectory(out);
    } else {
      runner.resultsUnder(DEFAULT_PARENT);
    }
  }
}
