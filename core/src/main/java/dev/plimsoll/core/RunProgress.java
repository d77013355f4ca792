package dev.plimsoll.core;

import java.time.Duration;

/**
 * Where a run stands after an interval.
 *
 * @param elapsed time since the run started
 * @param planned the run's planned duration, warm-up included
 * @param warmUp the warm-up part of the planned duration
 * @param completed operations completed so far, warm-up included
 * @param failed operations failed so far, warm-up included
 * @param dropped arrivals dropped so far, warm-up included
 * @param stopping whether the run is past its end or stopping, finishing in-flight work
 */
public record RunProgress(
    Duration elapsed,
    Duration planned,
    Duration warmUp,
    long completed,
    long failed,
    long dropped,
    boolean stopping) {

  public Duration remaining() {
    Duration left = planned.minus(elapsed);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public boolean inWarmUp() {
    return elapsed.compareTo(warmUp) < 0;
  }
}
