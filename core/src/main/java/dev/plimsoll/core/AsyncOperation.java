package dev.plimsoll.core;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An asynchronous unit of work under test: it starts the work and returns a stage that completes
 * when the work does. Exceptional completion (or throwing from {@code call}) is a failure.
 * Service and response time run until the stage completes.
 */
@FunctionalInterface
public interface AsyncOperation {
  CompletionStage<?> call(OperationContext context) throws Exception;

  /**
   * The single thread on which this operation is cheapest to start, or null (the default) for
   * none: for a network client, the I/O event loop its requests are written on. When every
   * operation of an open-model workload names the same executor and the run is on the system
   * clock, the engine walks the arrival schedule on that thread, so an arrival goes out without a
   * hand-off between threads and the arrivals do not compete with the I/O for a core. Tasks on it
   * must run in order, one at a time, and its scheduled tasks must run close to their time.
   */
  default ScheduledExecutorService startingExecutor() {
    return null;
  }
}
