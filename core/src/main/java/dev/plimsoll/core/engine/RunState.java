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
  /** Where the measured window begins: an operation meant to start before it belongs to the warm-up. */
  private volatile long measuredFromNanos;
  private final long durationNanos;
  private final long warmUpNanos;
  private volatile boolean running = true;
  private volatile Thread collector;

  /** The window of the warm-up, in {@link #window}'s terms. */
  static final int WARM_UP = 0;
  /** The measured window. */
  static final int MEASURED = 1;
  static final int WINDOWS = 2;

  RunState(Clock clock, long startNanos, long durationNanos, long warmUpNanos) {
    this.clock = clock;
    this.durationNanos = durationNanos;
    this.warmUpNanos = warmUpNanos;
    startAt(startNanos);
  }

  boolean hasWarmUp() {
    return warmUpNanos > 0;
  }

  /**
   * The window an operation meant to start at {@code intendedNanos} belongs to, {@link #WARM_UP}
   * or {@link #MEASURED}: the window of its intended start, wherever it actually started or ended.
   */
  int window(long intendedNanos) {
    return intendedNanos < measuredFromNanos ? WARM_UP : MEASURED;
  }

  /** Starts the run's clock at {@code nanos}; before any driver starts. */
  void startAt(long nanos) {
    startNanos = nanos;
    endNanos = nanos + durationNanos;
    // Without a warm-up every operation is measured, even one recorded with an earlier start.
    measuredFromNanos = warmUpNanos > 0 ? nanos + warmUpNanos : Long.MIN_VALUE;
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
