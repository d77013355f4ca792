package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;

/**
 * Lets the run's own threads go first while the collector does an interval's bookkeeping. On a
 * generator pinned to one core, the collector shares that core with the thread that starts the
 * operations; Linux's scheduler lets a running thread finish its time slice (a millisecond or
 * more) before a thread it wakes gets the core, and no priority shortens that. The interval's
 * bookkeeping (draining the recorder, merging and encoding histograms, the listeners) takes
 * milliseconds: done in one go, it held every arrival due meanwhile for a slice at a time, which
 * showed as scheduling lag at each interval's end. Yielding every {@link #TURN_NANOS} of work
 * instead keeps what the collector costs the schedule within that.
 */
final class Courtesy {
  /** The longest the collector works before it offers the core to whatever else is ready. */
  static final long TURN_NANOS = 100_000;

  private final Clock clock;
  private long turnStarted;

  Courtesy(Clock clock) {
    this.clock = clock;
    this.turnStarted = clock.nanoTime();
  }

  /**
   * Called between pieces of work: yields once this turn has lasted {@link #TURN_NANOS}. On a
   * virtual clock time does not pass while the collector works, so it never yields there.
   */
  void pause() {
    if (clock.nanoTime() - turnStarted >= TURN_NANOS) {
      Thread.yield();
      turnStarted = clock.nanoTime();
    }
  }
}
