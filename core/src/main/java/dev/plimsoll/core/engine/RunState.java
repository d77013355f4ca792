package dev.plimsoll.core.engine;

/** What drivers read about the run: when it started, and whether to keep going. */
final class RunState {
  final long startNanos;
  final long endNanos;
  private volatile boolean running = true;

  RunState(long startNanos, long endNanos) {
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
}
