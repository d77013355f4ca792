package dev.plimsoll.core.engine;

/** Drives one workload's load. */
interface Driver {
  void start();

  /**
   * Operations started so far whose intended start lies in {@code window} ({@link RunState#WARM_UP}
   * or {@link RunState#MEASURED}), for a scenario-wide operation index.
   */
  long started(int window, int operationIndex);

  /** Arrivals dropped so far that were due in {@code window}, for a scenario-wide operation index. */
  long dropped(int window, int operationIndex);

  /**
   * True when this driver will start nothing more however long the run lasts (its iteration limits
   * are used up): a run whose drivers are all exhausted and idle ends early, as completed.
   */
  default boolean exhausted() {
    return false;
  }

  /** Whether iteration limits may end this driver's load before the run's end. */
  default boolean limited() {
    return false;
  }

  /** True when nothing of this driver's is running any more. */
  boolean idle();

  /** Wakes sleeping callers so they notice the run has finished. */
  void wake();

  /**
   * Records every operation still in progress as failed with {@code failure} (the graceful stop
   * has ended); their own ends, if they ever come, are then not recorded. Returns how many.
   */
  default int abandonInFlight(ErrorTable.Failure failure, long nowNanos) {
    return 0;
  }

  /** Interrupts whatever is still running after the graceful-stop period. */
  void interrupt();

  /** Releases what the driver holds once the run is over (after the drain). */
  default void close() {}
}
