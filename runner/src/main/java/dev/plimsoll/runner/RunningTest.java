package dev.plimsoll.runner;

import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Steering;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A run started by a {@link Runner}. Any thread may stop it. Its result completes after the run
 * has ended, its drivers are closed and its files (if asked for) are written.
 */
public final class RunningTest {
  private final Scenario scenario;
  private final RunHandle handle;
  private final Path resultsDirectory;
  private final List<Reporter> reporters;
  private final CompletableFuture<RunResult> result;
  private final Finish finish;
  private volatile List<Path> files = List.of();

  /** What is done with a run's result before it is written: the baseline's gate, then saving it as one. */
  record Finish(BaselineGate.Opened gate, Consumer<String> notices) {}

  private RunningTest(Scenario scenario, RunHandle handle, Path resultsDirectory, List<Reporter> reporters,
      CompletableFuture<RunResult> result, Finish finish) {
    this.finish = finish;
    this.scenario = scenario;
    this.handle = handle;
    this.resultsDirectory = resultsDirectory;
    this.reporters = reporters;
    this.result = result;
  }

  /**
   * Follows the run of {@code scenario} just started as {@code handle}; the scenario's listeners
   * already include {@code journal} when there is one.
   *
   * @param reporters the reports to write beside the result, or null for every reporter found
   * @param onShutdown what to do when asked to stop from outside, or null to leave signals alone
   */
  static RunningTest started(RunHandle handle, Scenario scenario, OpenedScenario opened,
      Path resultsDirectory, List<Reporter> reporters, JournalListener journal, ShutdownStop.Options onShutdown,
      Finish finish) {
    CompletableFuture<RunResult> ended = handle.result().whenComplete((r, e) -> opened.close());
    CompletableFuture<RunResult> written = new CompletableFuture<>();
    RunningTest running = new RunningTest(scenario, handle, resultsDirectory, reporters,
        onShutdown == null ? written : ShutdownStop.guard(handle, written, onShutdown), finish);
    ended.whenComplete((r, e) -> {
      if (e != null) {
        // The engine failed: the journal stays, the record of what was measured.
        if (journal != null) {
          journal.close();
        }
        written.completeExceptionally(e);
      } else {
        running.write(r, written, journal);
      }
    });
    return running;
  }

  private void write(RunResult measured, CompletableFuture<RunResult> written, JournalListener journal) {
    RunResult r;
    try {
      r = finish.gate().judge(measured);
    } catch (RuntimeException e) {
      // Never lose the measured result over its comparison; the shape was checked before the run.
      finish.notices().accept("the regression gate could not judge the run: " + e.getMessage());
      r = measured;
    }
    finish.gate().save(r, finish.notices());
    if (resultsDirectory != null) {
      try {
        files = List.copyOf(reporters == null ? Reports.writeAll(r, resultsDirectory)
            : Reports.writeAll(r, resultsDirectory, reporters));
      } catch (IOException | RuntimeException e) {
        // The journal stays: `plimsoll report --recover` can rebuild what could not be written.
        written.completeExceptionally(new ResultsNotWrittenException(r, resultsDirectory, e));
        return;
      }
      if (journal != null) {
        // result.json holds every interval the journal does, and more (the run's error samples).
        journal.delete();
      }
    }
    written.complete(r);
  }

  /** The files written for the run (result.json first, then every report), once they are. */
  public List<Path> files() {
    return files;
  }

  /** The scenario as it runs (a file's, after every override). */
  public Scenario scenario() {
    return scenario;
  }

  /** Where result.json and the reports are written, if anywhere. */
  public Optional<Path> resultsDirectory() {
    return Optional.ofNullable(resultsDirectory);
  }

  /**
   * Ends the run early: no new operations start, in-flight ones get the graceful-stop period, and
   * the result and its files are still written. The run's status is ABORTED.
   */
  public void stop(String reason) {
    handle.stop(reason);
  }

  /**
   * Changes the load while the run goes: an open model's rate, a closed model's users. Every
   * change is recorded in the result.
   */
  public Steering steering() {
    return handle.steering();
  }

  /** Time since the run started. */
  public Duration elapsed() {
    return handle.elapsed();
  }

  /**
   * Completes with the result once everything is written; exceptionally with a
   * {@link ResultsNotWrittenException} (which still holds the result) if the files could not be.
   */
  public CompletableFuture<RunResult> result() {
    return result;
  }

  /** Waits for the result; see {@link #result()}. */
  public RunResult await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the run failed inside Plimsoll", e.getCause());
    }
  }
}
