package dev.plimsoll.cli;

import dev.plimsoll.cluster.ClusterException;
import dev.plimsoll.cluster.Coordinator;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Runs a YAML scenario file.",
    description = {
        "Runs a YAML scenario (see docs/scenario-format.md).",
        "Settings: defaults < the scenario file < PLIMSOLL_* environment variables < these options."
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO.yaml", description = "The scenario file.")
  Path file;

  @Option(names = "--duration", paramLabel = "D", description = "The whole run, warm-up included (e.g. 30s, 5m).")
  Duration duration;

  @Option(names = "--warm-up", paramLabel = "D", description = "The warm-up, kept out of the summary.")
  Duration warmUp;

  @Option(names = "--rate", paramLabel = "R", description = "Every open workload at this constant rate (200/s, 12000/min).")
  String rate;

  @Option(names = "--users", paramLabel = "N", description = "Every closed workload with this many users.")
  Integer users;

  @Option(names = "--connections", paramLabel = "N", description = "HTTP connections per target.")
  Integer connections;

  @Option(names = "--target", paramLabel = "URL", description = "The base URL relative request URLs resolve against.")
  String target;

  @Option(names = "--criteria", paramLabel = "C", description = "Criteria replacing the file's (repeatable), e.g. 'p99 < 50ms'.")
  List<String> criteria;

  @Mixin PlanOptions plan;

  @Mixin OutputOptions output;

  @Mixin BaselineOptions baseline;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() {
    cluster.checkNotSetAlone();
    if (!cluster.clustered() || plan.dryRun) {
      return baseline.run(() -> plan.runOrDescribe(baseline.applyTo(runner()), output));
    }
    if (!Files.isRegularFile(file)) {
      throw new UserException("no scenario file at " + file);
    }
    try (Coordinator coordinator = cluster.coordinator(m -> System.err.println("plimsoll: " + m))) {
      return baseline.run(() -> plan.runOrDescribe(baseline.applyTo(coordinator.runner(file, commandLine())), output));
    } catch (ClusterException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The run the arguments ask for; nothing is read or sent until it is built and described or started. */
  Runner.Builder runner() {
    if (!Files.isRegularFile(file)) {
      throw new UserException("no scenario file at " + file);
    }
    return Runner.forFile(file).overrides(commandLine());
  }

  private Overrides commandLine() {
    Overrides.Builder b = Overrides.builder(CommandLineNames.ORIGIN);
    if (duration != null) {
      b.duration(duration);
    }
    if (warmUp != null) {
      b.warmUp(warmUp);
    }
    if (rate != null) {
      b.rate(rate);
    }
    if (users != null) {
      b.users(users);
    }
    if (connections != null) {
      b.connections(connections);
    }
    if (target != null) {
      b.target(target);
    }
    if (criteria != null) {
      b.criteria(criteria);
    }
    return b.build();
  }
}
