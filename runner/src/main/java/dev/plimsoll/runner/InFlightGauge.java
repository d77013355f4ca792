package dev.plimsoll.runner;

import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;

/** Operations in flight at the end of the last interval, for what is said when a run is stopped. */
final class InFlightGauge implements RunListener {
  private volatile long inFlight = -1;

  @Override
  public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
    inFlight = interval.total().inFlight();
  }

  /** -1 before the first interval. */
  long inFlight() {
    return inFlight;
  }
}
