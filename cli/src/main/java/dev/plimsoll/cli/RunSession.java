package dev.plimsoll.cli;

import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.ConsoleReport;
import dev.plimsoll.report.ProgressListener;
import dev.plimsoll.report.Reports;
import dev.plimsoll.scenario.Units;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Runs a scenario for a command: live progress while it runs, then the result files and the
 * console report. Ctrl-C stops the run gracefully and still writes everything, then exits 3.
 */
final class RunSession {
  private static volatile boolean interrupted;

  private RunSession() {}

  /** Whether a Ctrl-C hook has taken over the end of the process. */
  static boolean interrupted() {
    return interrupted;
  }

  static int run(Scenario scenario, OutputOptions output, PrintStream out) {
    boolean terminal = Terminal.interactive();
    Scenario.Builder withProgress = scenario.toBuilder();
    if (!output.noProgress) {
      // Progress goes to stderr so that the report on stdout can be redirected on its own.
      withProgress.listener(new ProgressListener(System.err, terminal));
    }
    Path directory = output.directoryFor(scenario.name());
    out.println("plimsoll: running '" + scenario.name() + "' for " + Units.formatDuration(scenario.duration())
        + (scenario.warmUp().isZero() ? "" : " (warm-up " + Units.formatDuration(scenario.warmUp()) + ")")
        + "; results in " + directory);
    RunHandle handle = Plimsoll.start(withProgress.build());
    Thread hook = new Thread(() -> {
      interrupted = true;
      handle.stop("interrupted (Ctrl-C)");
      RunResult result = handle.result().join();
      int code = finish(result, directory, out, terminal);
      out.flush();
      Runtime.getRuntime().halt(code);
    }, "plimsoll-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    RunResult result = handle.result().join();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came as the run ended: the hook writes the result and ends the process.
      waitForever();
    }
    return finish(result, directory, out, terminal);
  }

  private static int finish(RunResult result, Path directory, PrintStream out, boolean terminal) {
    out.println();
    out.print(ConsoleReport.render(result, terminal && Terminal.colour()));
    try {
      Reports.writeAll(result, directory);
    } catch (IOException | UncheckedIOException e) {
      out.println("plimsoll: could not write results to " + directory + ": " + e.getMessage());
      return ExitCodes.ABORTED;
    }
    out.println("results: " + directory.resolve("result.json") + "  " + directory.resolve("report.md"));
    return result.status().exitCode();
  }

  private static void waitForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
