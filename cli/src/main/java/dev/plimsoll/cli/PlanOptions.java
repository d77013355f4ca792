package dev.plimsoll.cli;

import dev.plimsoll.runner.Runner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --dry-run} and {@code --show-bodies}, and the choice between describing a run and running it. */
final class PlanOptions {

  @Option(names = "--dry-run", description = "Print the effective plan (workloads, load over time, criteria) and send nothing.")
  boolean dryRun;

  @Option(names = "--show-bodies", description = "With --dry-run: show request bodies as written (they may hold credentials), not just their size and shape.")
  boolean showBodies;

  /** Prints the plan when asked for a dry run, else runs; the command's exit code. */
  int runOrDescribe(Runner.Builder runner, OutputOptions output) {
    if (dryRun) {
      System.out.print(output.describe(runner, showBodies));
      return ExitCodes.PASSED;
    }
    return RunSession.run(runner, output, System.out);
  }
}
