package dev.plimsoll.scenario;

import dev.plimsoll.scenario.driver.StepSpec;
import java.util.List;
import java.util.Set;

/**
 * One entry of a mix: steps run in order, measured together as one operation named {@code name}
 * (from the first request sent to the last response checked, think steps included).
 *
 * @param name the operation name in reports and criteria ({@code login-and-buy.p99 < 200ms})
 * @param weight the flow's share of the mix
 * @param steps requests and pauses, in order
 * @param feeders the feeders the flow's templates read; one record of each is drawn when the flow starts
 */
public record FlowSpec(String name, int weight, List<StepSpec> steps, Set<String> feeders) {
  public FlowSpec {
    steps = List.copyOf(steps);
    feeders = Set.copyOf(feeders);
  }
}
