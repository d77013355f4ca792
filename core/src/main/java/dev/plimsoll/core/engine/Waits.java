package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import java.util.function.BooleanSupplier;

/** Waiting until a moment, without giving up the run's responsiveness to a stop. */
final class Waits {
  /** Parking on the machine's clock overshoots by tens of microseconds; the last stretch is spun. */
  private static final long SPIN_NANOS = 100_000;
  /** For waits nothing but the run's stop cuts short. */
  private static final BooleanSupplier NEVER = () -> false;

  private Waits() {}

  /** Parks until the clock reaches {@code target}; returns false if the run stopped first. */
  static boolean sleepUntil(long target, RunState state) {
    return waitUntil(target, state, 0, NEVER);
  }

  /**
   * Parks until the clock reaches {@code target}; returns false if the run stopped first, or
   * {@code changed} turned true (the load was steered: the waiter has to look again). Whoever
   * makes it true unparks the waiter.
   */
  static boolean sleepUntil(long target, RunState state, BooleanSupplier changed) {
    return waitUntil(target, state, 0, changed);
  }

  /**
   * Waits precisely until {@code target}: parks while far away, then spins. For the open model's
   * scheduler, whose lateness is the scheduling lag every arrival inherits.
   *
   * <p>When arrivals come closer together than the spin window ({@code gapNanos} below it), the
   * scheduler would spin all the time and take a whole core from the threads that run the
   * operations — on a small machine, a worse lag than it saves. It then parks instead, and on
   * waking starts every arrival that has come due in one pass. Only the machine's clock is spun
   * on: any other clock parks exactly (and a virtual one would never move while it was spun on).
   */
  static boolean preciseUntil(long target, long gapNanos, RunState state, BooleanSupplier changed) {
    boolean spin = state.clock == Clock.system() && gapNanos >= SPIN_NANOS;
    return waitUntil(target, state, spin ? SPIN_NANOS : 0, changed);
  }

  private static boolean waitUntil(long target, RunState state, long spinNanos, BooleanSupplier changed) {
    Clock clock = state.clock;
    while (true) {
      long left = target - clock.nanoTime();
      if (left <= 0) {
        return true;
      }
      if (!state.running() || changed.getAsBoolean()) {
        return false;
      }
      if (left > spinNanos) {
        clock.parkUntil(target - spinNanos);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
