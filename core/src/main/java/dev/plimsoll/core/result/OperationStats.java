package dev.plimsoll.core.result;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.LatencyDistribution;
import java.util.List;

/**
 * One operation's (or all operations') statistics over the measured part of a run.
 *
 * @param throughputPerSecond completed operations per second of measured time
 * @param errorRate failed / completed, 0–1 (0 when nothing completed)
 */
public record OperationStats(
    String name,
    long started,
    long succeeded,
    long failed,
    long dropped,
    double throughputPerSecond,
    double errorRate,
    LatencyDistribution responseTime,
    LatencyDistribution serviceTime,
    List<ErrorClass> errors) {

  public OperationStats {
    errors = List.copyOf(errors);
  }

  public long completed() {
    return succeeded + failed;
  }
}
