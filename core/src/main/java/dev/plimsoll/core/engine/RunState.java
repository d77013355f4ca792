package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import java.util.concurrent.ThreadFactory;

/** What drivers read about the run: its clock, when it started, and whether to keep going. */
final class RunState {
  final Clock clock;
  /**
   * When the run's clock started and when its load ends: set by the collector just before it starts
   * the drivers ({@link #startAt}), so that no arrival is late for time spent getting ready.
   */
  volatile long startNanos;
  volatile long endNanos;
  private final long durationNanos;
  private volatile boolean running = true;
  private volatile Thread collector;

  RunState(Clock clock, long startNanos, long durationNanos) {
    this.clock = clock;
    this.durationNanos = durationNanos;
    startAt(startNanos);
  }

  /** Starts the run's clock at {@code nanos}; before any driver starts. */
  void startAt(long nanos) {
    startNanos = nanos;
    endNanos = nanos + durationNanos;
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
