package dev.plimsoll.runner;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioSpec;

/** A runnable scenario and whatever its drivers opened for it (clients, connections), closed after the run. */
record OpenedScenario(Scenario scenario, AutoCloseable resources) {

  static OpenedScenario of(Scenario scenario) {
    return new OpenedScenario(scenario, () -> { });
  }

  /** Opens the drivers' sessions for a scenario read from a file or built as a spec. */
  static OpenedScenario open(ScenarioSpec spec) {
    HttpExecutor executor = new HttpExecutor(spec.http());
    try {
      return new OpenedScenario(ScenarioBuilder.build(spec, executor), executor);
    } catch (RuntimeException e) {
      executor.close();
      throw e;
    }
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
