package dev.plimsoll.core;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import java.time.Instant;

/**
 * Receives a run's events, in this order: {@link #runStarted} once, {@link #intervalCompleted}
 * once per interval, {@link #runCompleted} once. All calls come from one thread of the engine's,
 * so a listener needs no locking of its own; it must return quickly, since the next interval
 * waits for it. An exception thrown by a listener is logged and does not stop the run.
 */
public interface RunListener {

  default void runStarted(ScenarioDescription scenario, Instant startTime) {}

  default void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {}

  default void runCompleted(RunResult result) {}
}
