package dev.plimsoll.sim;

import java.time.Duration;
import java.util.Optional;

/**
 * How delivery came back after a fault: the time from the fault's end (its start, for a fault
 * that never ends) until a whole window of messages, by intended send time, is delivered again
 * within tolerance of the level before the fault: the delivery ratio at most the tolerance below
 * it, and the p95 latency at most the given factor above it. Resolution: 100 ms.
 *
 * @param fault the fault, in words
 * @param from when recovery is counted from, since the start of the run
 * @param baselineRatio the delivery ratio before the fault (NaN when nothing was sent before it)
 * @param baselineP95Ms the p95 delivery latency before the fault (NaN likewise)
 * @param time how long recovery took, or empty when it did not recover within the run
 */
public record Recovery(String fault, Duration from, double baselineRatio, double baselineP95Ms,
    Optional<Duration> time) {

  /** In words, for reports. */
  public String describe() {
    return fault + ": " + time.map(t -> "recovered " + Checks.text(t) + " after " + Checks.text(from))
        .orElse("not recovered by the end of the run");
  }
}
