package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import java.util.concurrent.ThreadFactory;

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

  /**
   * A factory for one of the engine's own threads (the collector, a scheduler): a platform thread
   * on the machine's clock, where it must keep time against everything else running; a virtual
   * thread on any other clock, where only the order of events counts and a platform thread's
   * wake-ups (tens of microseconds each) would be most of a simulation's cost.
   */
  ThreadFactory engineThreads(String name, int priority) {
    return clock == Clock.system()
        ? Thread.ofPlatform().daemon().priority(priority).name(name).factory()
        : Thread.ofVirtual().name(name).factory();
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
