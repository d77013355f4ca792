package dev.plimsoll.scenario;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.scenario.driver.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * A criterion scoped to an operation must name one the scenario has: otherwise the whole test
 * would run only to fail on a typing mistake ({@code serch.p99 < 100ms}). Every way a spec is made
 * (a file, overrides, a spec built in code) checks its criteria here, before anything is sent.
 */
final class CriteriaScopes {
  private CriteriaScopes() {}

  /** The operation names of a scenario: each flow of each workload, in order. */
  static List<String> operations(List<WorkloadSpec> workloads) {
    List<String> names = new ArrayList<>();
    workloads.forEach(w -> w.mix().forEach(f -> names.add(f.name())));
    return names;
  }

  /** What is wrong with the criterion's scope, or null when it has none or names an operation. */
  static String problem(Criterion criterion, List<String> operations) {
    String scope = criterion.scope();
    if (scope == null || operations.contains(scope)) {
      return null;
    }
    return "criterion '" + criterion.source() + "': no operation '" + scope + "'"
        + Suggestions.hint(scope, operations, "operations");
  }
}
