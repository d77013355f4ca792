package dev.plimsoll.cli;

import dev.plimsoll.core.units.Units;
import dev.plimsoll.examples.demo.DemoScenario;
import dev.plimsoll.runner.Runner;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Runs a ~20 s load test against an embedded demo shop.",
    description = {
        "Load-tests an embedded demo shop (browse, search, checkout) with realistic latency and",
        "occasional errors: warm-up, a ramp and a spike, judged by the production criteria."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--duration", paramLabel = "D", defaultValue = "20s",
      description = "How long the whole run lasts, warm-up included (default: ${DEFAULT-VALUE}; at least 5s).")
  Duration duration;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (duration.compareTo(DemoScenario.SHORTEST) < 0) {
      throw new UserException("--duration must be at least " + Units.formatDuration(DemoScenario.SHORTEST)
          + " for the demo (was " + Units.formatDuration(duration) + ")");
    }
    return RunSession.run(Runner.forScenario(DemoScenario.create(duration)), output, System.out);
  }
}
