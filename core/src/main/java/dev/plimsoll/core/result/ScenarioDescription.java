package dev.plimsoll.core.result;

import java.time.Duration;
import java.util.List;

/**
 * A scenario as configured, for the record.
 *
 * @param recordedOperations operations the run was told of rather than started (see
 *     {@code Scenario.Builder#recordedOperation})
 */
public record ScenarioDescription(
    String name,
    Duration duration,
    Duration warmUp,
    Duration interval,
    Duration gracefulStop,
    long seed,
    List<WorkloadDescription> workloads,
    List<String> criteria,
    List<String> recordedOperations) {

  public ScenarioDescription {
    workloads = List.copyOf(workloads);
    criteria = List.copyOf(criteria);
    recordedOperations = List.copyOf(recordedOperations);
  }

  /** A scenario without recorded operations. */
  public ScenarioDescription(String name, Duration duration, Duration warmUp, Duration interval,
      Duration gracefulStop, long seed, List<WorkloadDescription> workloads, List<String> criteria) {
    this(name, duration, warmUp, interval, gracefulStop, seed, workloads, criteria, List.of());
  }
}
