package dev.plimsoll.core.engine;

import java.util.concurrent.locks.LockSupport;

/** Waiting until a moment, without giving up the run's responsiveness to a stop. */
final class Waits {
  /** Parking overshoots by tens of microseconds; the last stretch is spun for precision. */
  private static final long SPIN_NANOS = 100_000;

  private Waits() {}

  /** Parks until {@code nanoTime >= target}; returns false if the run stopped first. */
  static boolean sleepUntil(long target, RunState state) {
    return waitUntil(target, state, 0);
  }

  /**
   * Waits precisely until {@code target}: parks while far away, then spins. For the open model's
   * scheduler, whose lateness is the scheduling lag every arrival inherits.
   */
  static boolean preciseUntil(long target, RunState state) {
    return waitUntil(target, state, SPIN_NANOS);
  }

  private static boolean waitUntil(long target, RunState state, long spinNanos) {
    while (true) {
      long left = target - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      if (!state.running()) {
        return false;
      }
      if (left > spinNanos) {
        LockSupport.parkNanos(left - spinNanos);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
