package dev.plimsoll.runner;

import dev.plimsoll.core.PreparedRun;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.report.Reporter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A run {@linkplain Runner#prepare prepared} by a {@link Runner}: its scenario read and checked,
 * its drivers open, its results folder and journal created, its engine built, and no load sent
 * yet. Starting it costs next to nothing, so a cluster worker can begin at the instant its
 * coordinator planned. It starts once, or is {@linkplain #cancel cancelled}.
 */
public final class PreparedTest {
  private final PreparedRun run;
  private final Scenario scenario;
  private final OpenedScenario opened;
  private final Path resultsDirectory;
  private final List<Reporter> reporters;
  private final JournalListener journal;
  private final ShutdownStop.Options onShutdown;
  private final RunningTest.Finish finish;
  private boolean started;
  private boolean cancelled;

  PreparedTest(PreparedRun run, Scenario scenario, OpenedScenario opened, Path resultsDirectory,
      List<Reporter> reporters, JournalListener journal, ShutdownStop.Options onShutdown, RunningTest.Finish finish) {
    this.run = run;
    this.scenario = scenario;
    this.opened = opened;
    this.resultsDirectory = resultsDirectory;
    this.reporters = reporters;
    this.journal = journal;
    this.onShutdown = onShutdown;
    this.finish = finish;
  }

  /**
   * Starts the run now and returns at once, as {@link Runner#start} would have.
   *
   * @throws IllegalStateException if it was started or cancelled already
   */
  public RunningTest start() {
    return launch(run::start);
  }

  /**
   * Starts the run's clock at {@code startAt} and returns at once: its arrivals are intended from
   * that instant, and its result's start time is that instant. If the run can only be ready after
   * it, it starts as soon as it can, and its result's start time says how late; see
   * {@link PreparedRun#startAt}. Stopping the run before {@code startAt} ends it with nothing sent.
   *
   * @throws IllegalStateException if it was started or cancelled already
   */
  public RunningTest startAt(Instant startAt) {
    Objects.requireNonNull(startAt, "startAt");
    return launch(() -> run.startAt(startAt));
  }

  /**
   * Gives up a run that was never started: closes its drivers, deletes its journal (nothing ran,
   * so there is nothing to recover) and releases its engine. Does nothing once it has started.
   */
  public synchronized void cancel() {
    if (!started && !cancelled) {
      cancelled = true;
      release();
    }
  }

  private synchronized RunningTest launch(Supplier<RunHandle> start) {
    if (started || cancelled) {
      throw new IllegalStateException(started ? "the run was started already" : "the run was cancelled");
    }
    started = true;
    RunHandle handle;
    try {
      handle = start.get();
    } catch (RuntimeException | Error e) {
      // Nothing ran (a coordinator's workers did not come, say): there is nothing to recover.
      release();
      throw e;
    }
    return RunningTest.started(handle, scenario, opened, resultsDirectory, reporters, journal, onShutdown, finish);
  }

  private void release() {
    try {
      run.cancel();
    } finally {
      if (journal != null) {
        journal.delete();
      }
      opened.close();
    }
  }
}
