package dev.plimsoll.core.result;

import java.time.Duration;
import java.util.List;

/** A scenario as configured, for the record. */
public record ScenarioDescription(
    String name,
    Duration duration,
    Duration warmUp,
    Duration interval,
    Duration gracefulStop,
    long seed,
    List<WorkloadDescription> workloads,
    List<String> criteria) {

  public ScenarioDescription {
    workloads = List.copyOf(workloads);
    criteria = List.copyOf(criteria);
  }
}
