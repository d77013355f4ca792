package dev.plimsoll.core.engine;

/**
 * Where a run's intervals end, in the run's clock nanoseconds: every whole interval from the start,
 * with one extra boundary at the end of the warm-up (after which intervals count from there) and
 * one at the end of the run, so that no interval mixes warm-up and measured data.
 */
final class IntervalBoundaries {
  private final long startNanos;
  private final long warmUpEndNanos;
  private final long endNanos;
  private final long intervalNanos;

  IntervalBoundaries(long startNanos, long warmUpNanos, long durationNanos, long intervalNanos) {
    if (intervalNanos <= 0 || warmUpNanos < 0 || durationNanos <= warmUpNanos) {
      throw new IllegalArgumentException("interval " + intervalNanos + ", warm-up " + warmUpNanos
          + " and duration " + durationNanos + " do not make a run");
    }
    this.startNanos = startNanos;
    this.warmUpEndNanos = startNanos + warmUpNanos;
    this.endNanos = startNanos + durationNanos;
    this.intervalNanos = intervalNanos;
  }

  /** The next boundary after {@code from}: a whole interval on, or the warm-up's or run's end. */
  long next(long from) {
    long anchor = from < warmUpEndNanos ? startNanos : warmUpEndNanos;
    long next = anchor + ((from - anchor) / intervalNanos + 1) * intervalNanos;
    if (from < warmUpEndNanos && next > warmUpEndNanos) {
      next = warmUpEndNanos;
    }
    if (from < endNanos && next > endNanos) {
      next = endNanos;
    }
    return next;
  }

  /** Whether the interval ending at {@code toNanos} lies in the warm-up. */
  boolean inWarmUp(long toNanos) {
    return toNanos <= warmUpEndNanos && warmUpEndNanos > startNanos;
  }

  long warmUpEndNanos() {
    return warmUpEndNanos;
  }
}
