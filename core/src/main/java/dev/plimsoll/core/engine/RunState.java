package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;

/** What drivers read about the run: its clock, when it started, and whether to keep going. */
final class RunState {
  final Clock clock;
  final long startNanos;
  final long endNanos;
  private volatile boolean running = true;
  private volatile Thread collector;

  RunState(Clock clock, long startNanos, long endNanos) {
    this.clock = clock;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
  }

  boolean running() {
    return running;
  }

  void finish() {
    running = false;
  }

  double secondsSinceStart(long nanos) {
    return (nanos - startNanos) / 1e9;
  }

  void collectorIs(Thread thread) {
    collector = thread;
  }

  /**
   * Asks the collector to look again, because a driver went idle or used up its iterations: so a
   * run ends, or drains, the moment it can rather than at the collector's next poll. A driver marks
   * itself idle before it reads {@link #running()}, and the collector finishes the run before it
   * checks for idleness, so between them one always sees the other.
   */
  void nudgeCollector() {
    Thread c = collector;
    if (c != null) {
      clock.unpark(c);
    }
  }
}
