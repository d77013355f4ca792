package dev.plimsoll.scenario;

import dev.plimsoll.core.LoadModel;
import java.util.List;

/**
 * Flows under one load model.
 *
 * @param name the workload's name
 * @param load the closed or open model, already converted to core's types and checked
 * @param mix the weighted flows; each becomes one operation of the mix
 */
public record WorkloadSpec(String name, LoadModel load, List<FlowSpec> mix) {
  public WorkloadSpec {
    mix = List.copyOf(mix);
  }

  public WorkloadSpec withLoad(LoadModel newLoad) {
    return new WorkloadSpec(name, newLoad, mix);
  }
}
