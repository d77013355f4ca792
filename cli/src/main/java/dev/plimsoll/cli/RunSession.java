package dev.plimsoll.cli;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.text.TerminalText;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.dashboard.Dashboard;
import dev.plimsoll.prometheus.PrometheusEndpoint;
import dev.plimsoll.report.ConsoleReport;
import dev.plimsoll.report.ProgressListener;
import dev.plimsoll.runner.ResultsFolderException;
import dev.plimsoll.runner.ResultsNotWrittenException;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.runner.RunningTest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What a command adds to a run: live progress on stderr, a line saying what runs and where its
 * results go, the console report at the end, and the exit code. Ctrl-C stops the run gracefully,
 * still writes and prints everything, then exits 3.
 */
final class RunSession {
  private RunSession() {}

  static int run(Runner.Builder runner, OutputOptions output, PrintStream out) {
    PrometheusEndpoint prometheus = output.startPrometheus();
    Dashboard dashboard = null;
    try {
      dashboard = output.startDashboard();
      if (prometheus != null) {
        runner.listener(prometheus);
      }
      if (dashboard != null) {
        runner.listener(dashboard);
      }
      return run(runner, output, out, prometheus, dashboard);
    } finally {
      // Each stops when the run completes (the dashboard once its watchers have the report, within
      // its linger); this is for a run that never started.
      if (prometheus != null) {
        prometheus.close();
      }
      if (dashboard != null) {
        dashboard.close();
      }
    }
  }

  private static int run(Runner.Builder runner, OutputOptions output, PrintStream out, PrometheusEndpoint prometheus,
      Dashboard dashboard) {
    boolean terminal = Terminal.interactive();
    if (!output.noProgress) {
      // Progress goes to stderr so that the report on stdout can be redirected on its own.
      runner.listener(new ProgressListener(System.err, terminal));
    }
    output.applyTo(runner);
    // What the runner says on its own (a signal received, a journal it cannot write) goes with the
    // progress, on stderr, starting on a line of its own in case a progress line is showing.
    runner.notices(message -> System.err.println((terminal ? "\n" : "") + "plimsoll: " + message));
    AtomicReference<RunningTest> started = new AtomicReference<>();
    runner.stopOnShutdown(result -> {
      int code = finish(result, started.get(), out, terminal);
      out.flush();
      Runtime.getRuntime().halt(code);
    });
    RunningTest running;
    try {
      running = runner.build().start();
    } catch (ResultsFolderException e) {
      throw output.inOptionWords(e);
    }
    started.set(running);
    try {
      announce(running, out);
      if (prometheus != null) {
        out.println("plimsoll: metrics for Prometheus at " + prometheus.url() + " until the run ends");
      }
      if (dashboard != null) {
        dashboard.onStop(running::stop);
        String steerable = steer(dashboard, running);
        out.println("plimsoll: live dashboard at " + dashboard.url() + " until the run ends (control token: "
            + dashboard.controlToken() + ")" + steerable);
      }
    } catch (RuntimeException e) {
      // The load is already going: stop it, and still write and print what was measured.
      running.stop("stopped: " + e);
      try {
        finish(running.await(), running, out, terminal);
      } catch (InterruptedException | RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    RunResult result;
    try {
      result = running.await();
    } catch (ResultsNotWrittenException e) {
      result = e.result();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.stop("interrupted");
      return ExitCodes.ABORTED;
    }
    return finish(result, running, out, terminal);
  }

  /** Lets the dashboard change the load, if this run's engine can; else says so, in words to append. */
  private static String steer(Dashboard dashboard, RunningTest running) {
    try {
      dashboard.onSteer(running.steering());
      return "";
    } catch (UnsupportedOperationException e) {
      return "; it can stop the run, not change its load (" + e.getMessage() + ")";
    }
  }

  private static void announce(RunningTest running, PrintStream out) {
    Scenario scenario = running.scenario();
    out.println("plimsoll: running '" + TerminalText.escape(scenario.name()) + "' for " + Units.formatDuration(scenario.duration())
        + (scenario.warmUp().isZero() ? "" : " (warm-up " + Units.formatDuration(scenario.warmUp()) + ")")
        + running.resultsDirectory().map(d -> "; results in " + d).orElse(""));
  }

  private static int finish(RunResult result, RunningTest running, PrintStream out, boolean terminal) {
    out.println();
    out.print(ConsoleReport.render(result, terminal && Terminal.colour()));
    if (running.resultsDirectory().isPresent()) {
      if (running.files().isEmpty()) {
        out.println("plimsoll: could not write results to " + running.resultsDirectory().get());
        return ExitCodes.ABORTED;
      }
      out.println("results: " + running.files().stream().map(Path::toString).collect(Collectors.joining("  ")));
    }
    return ExitCodes.of(result.status());
  }
}
