package dev.plimsoll.core;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import java.time.Instant;
import java.util.List;

/**
 * Receives a run's events, in this order: {@link #runStarted} once, {@link #phasesPlanned} once,
 * {@link #intervalCompleted} once per interval (each preceded by the {@link #profileChanged
 * profile changes} made since the last), {@link #resultSections} once, {@link #runCompleted} once. All calls come from one thread of the engine's,
 * so a listener needs no locking of its own; it must return quickly, since the next interval
 * waits for it. An exception thrown by a listener is logged and does not stop the run.
 */
public interface RunListener {

  default void runStarted(ScenarioDescription scenario, Instant startTime) {}

  /** The run's phases as planned: its warm-up and each stage of each workload's load profile. */
  default void phasesPlanned(List<Phase> phases) {}

  /** A workload's load was changed while the run went ({@link Steering}). */
  default void profileChanged(ProfileChange change) {}

  default void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {}

  /**
   * What this listener adds to the run's record, asked once when the result is assembled, before
   * {@link #runCompleted}: sections every report and {@code result.json} carry (a simulation's
   * topology and faults, a distributed run's workers). {@code result} is the run's result so far.
   */
  default List<ResultSection> resultSections(RunResult result) {
    return List.of();
  }

  default void runCompleted(RunResult result) {}
}
