package dev.plimsoll.core.metrics;

import java.util.List;

/**
 * What one operation did during one interval.
 *
 * @param name the operation's name
 * @param started operations started in the interval
 * @param succeeded operations that completed without error in the interval
 * @param failed operations that completed with an error in the interval
 * @param dropped open-model arrivals that were not started because the in-flight bound was reached
 * @param inFlight operations running at the end of the interval (a gauge)
 * @param responseTime latency from the intended start to completion, of operations completed in
 *     the interval
 * @param serviceTime latency from the actual start to completion
 * @param errors the interval's error classes
 */
public record OperationSnapshot(
    String name,
    long started,
    long succeeded,
    long failed,
    long dropped,
    long inFlight,
    LatencyDistribution responseTime,
    LatencyDistribution serviceTime,
    List<ErrorClass> errors) {

  public OperationSnapshot {
    errors = List.copyOf(errors);
  }

  public static OperationSnapshot empty(String name) {
    return new OperationSnapshot(
        name, 0, 0, 0, 0, 0, LatencyDistribution.empty(), LatencyDistribution.empty(), List.of());
  }

  public long completed() {
    return succeeded + failed;
  }

  /** Failed / completed, 0–1; 0 when nothing completed. */
  public double errorRate() {
    long completed = completed();
    return completed > 0 ? (double) failed / completed : 0;
  }

  /**
   * Adds {@code other}'s counts and distributions to this one's, under {@code name}. The in-flight
   * gauges add too, which is right for snapshots of the same interval from different sources.
   */
  public OperationSnapshot merge(String name, OperationSnapshot other) {
    return new OperationSnapshot(
        name,
        started + other.started,
        succeeded + other.succeeded,
        failed + other.failed,
        dropped + other.dropped,
        inFlight + other.inFlight,
        responseTime.merge(other.responseTime),
        serviceTime.merge(other.serviceTime),
        ErrorClasses.merge(List.of(errors, other.errors)));
  }
}
