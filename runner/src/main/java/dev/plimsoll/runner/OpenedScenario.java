package dev.plimsoll.runner;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.scenario.OpenScenario;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioSpec;

/** A runnable scenario and whatever its drivers opened for it (clients, connections), closed after the run. */
record OpenedScenario(Scenario scenario, AutoCloseable resources) {

  static OpenedScenario of(Scenario scenario) {
    return new OpenedScenario(scenario, () -> { });
  }

  /** Opens the sessions of the drivers (found on the classpath) that a scenario read from a file or built as a spec uses. */
  static OpenedScenario open(ScenarioSpec spec) {
    OpenScenario open = ScenarioBuilder.open(spec);
    return new OpenedScenario(open.scenario(), open);
  }

  void close() {
    try {
      resources.close();
    } catch (Exception e) {
      // Closing a client after the run must not hide the run's result.
      org.slf4j.LoggerFactory.getLogger(OpenedScenario.class).warn("closing the scenario's drivers failed", e);
    }
  }
}
