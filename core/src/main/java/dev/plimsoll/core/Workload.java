package dev.plimsoll.core;

import dev.plimsoll.core.result.WorkloadDescription;
import java.util.Objects;

/** A mix of operations under one load model. A scenario runs its workloads side by side. */
public record Workload(String name, Mix mix, LoadModel load) {

  public Workload {
    InvalidConfigurationException.require(
        OperationNames.isValid(name), "workload.name", "'" + name + "' is not allowed (" + OperationNames.RULE + ")");
    InvalidConfigurationException.require(mix != null, "workload." + name + ".mix", "is required");
    InvalidConfigurationException.require(
        load != null, "workload." + name + ".load", "is required (a closed or an open model)");
  }

  public static Workload of(String name, Mix mix, LoadModel load) {
    return new Workload(name, mix, load);
  }

  /** A workload of one operation. */
  public static Workload of(String name, Operation operation, LoadModel load) {
    return new Workload(name, Mix.of(name, Objects.requireNonNull(operation, "operation")), load);
  }

  WorkloadDescription describe(java.time.Duration duration) {
    return new WorkloadDescription(
        name,
        load instanceof OpenModel ? "open" : "closed",
        load.describe(),
        duration,
        mix.entries().stream()
            .map(e -> new WorkloadDescription.MixEntry(e.name(), e.weight(), e.async()))
            .toList());
  }
}
