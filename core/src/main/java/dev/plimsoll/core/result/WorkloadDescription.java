package dev.plimsoll.core.result;

import java.time.Duration;
import java.util.List;

/**
 * A workload as configured, for the record.
 *
 * @param model "open" or "closed"
 * @param loadDescription the load model in words, e.g. "ramp 0/s to 200/s over 10s, poisson"
 * @param mix the operations and their weights, in mix order
 */
public record WorkloadDescription(
    String name, String model, String loadDescription, Duration duration, List<MixEntry> mix) {

  public WorkloadDescription {
    mix = List.copyOf(mix);
  }

  /** One operation of a mix. */
  public record MixEntry(String operation, int weight, boolean async) {}
}
