package dev.plimsoll.cli;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioSpec;
import java.io.PrintStream;

/** Runs a scenario spec over HTTP: one client for the run, closed when it ends. */
final class HttpScenarios {
  private HttpScenarios() {}

  static int run(ScenarioSpec spec, OutputOptions output, PrintStream out) {
    try (NettyRequestExecutor executor = new NettyRequestExecutor(spec.http())) {
      Scenario scenario = ScenarioBuilder.build(spec, executor);
      return RunSession.run(scenario, output, out);
    }
  }
}
