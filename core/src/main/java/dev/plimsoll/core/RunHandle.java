package dev.plimsoll.core;

import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A run in progress. Any thread may stop it; the result is complete once the run has ended. */
public interface RunHandle {

  /**
   * Ends the run early: no new operations start, in-flight ones get the graceful-stop period to
   * finish, and the result is still written. The run's status is ABORTED.
   */
  void stop(String reason);

  default void stop() {
    stop("stopped by request");
  }

  /**
   * Ends the run now, cutting short a graceful stop already under way (a second Ctrl-C): in-flight
   * operations are interrupted rather than waited for, and the result is still written, promptly.
   * An engine without a way to cut the wait short stops gracefully.
   */
  default void stopNow(String reason) {
    stop(reason);
  }

  /** Completes with the result when the run has ended. */
  CompletableFuture<RunResult> result();

  /**
   * Waits for the result.
   *
   * @throws IllegalStateException if the run failed inside Plimsoll (its cause attached)
   */
  default RunResult await() throws InterruptedException {
    try {
      return result().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the run failed inside Plimsoll", e.getCause());
    }
  }

  /** Time since the run started. */
  Duration elapsed();

  /**
   * The recorder of an operation the scenario declared with
   * {@link Scenario.Builder#recordedOperation}.
   *
   * @throws IllegalArgumentException if the scenario declared no such recorded operation
   */
  OperationRecorder recorder(String operation);

  /**
   * Changes the run's load while it goes: an open model's rate, a closed model's users.
   *
   * @throws UnsupportedOperationException if this engine cannot change a running load
   */
  default Steering steering() {
    throw new UnsupportedOperationException("this engine cannot change a running load");
  }
}
