package dev.plimsoll.examples.vectors;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.examples.support.DurationOption;
import dev.plimsoll.examples.support.ExampleCommandLine;
import dev.plimsoll.examples.support.ExampleRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the vector store's scenarios, each into its own folder with result.json and report.md. */
@Command(
    name = "vector-store",
    mixinStandardHelpOptions = true,
    header = "Load-tests an in-memory vector store (512 dimensions): smoke, baseline, sustained, spike, tiered.",
    description = {
        "Search, insert, update, delete and metadata calls at a given rate (open model), judged by",
        "each scenario's criteria; the spike scenario also checks that latency recovers after the",
        "spike. Quick variant: about 5 minutes in all; --full: 30-60 minutes per scenario.",
        "Exit 0 when every scenario passed, 1 when one failed."
    })
public final class VectorStoreExample implements Callable<Integer> {
  @Option(names = "--scenario", split = ",", paramLabel = "NAME",
      description = "Scenarios to run, comma-separated: smoke, baseline, sustained, spike, tiered (default: all).")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--full", description = "The full variant: 30 minutes per scenario, 60 for sustained.")
  boolean full;

  @Option(names = "--duration", paramLabel = "D", converter = DurationOption.class,
      description = "Run each scenario this long instead (e.g. 20s; at least 5s).")
  Duration duration;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/plimsoll/vector-store",
      description = "Where each scenario's result.json and report.md go, one folder each (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(ExampleCommandLine.of(new VectorStoreExample()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (duration != null && duration.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new IllegalArgumentException("--duration must be at least 5s (was " + Units.formatDuration(duration) + ")");
    }
    if (duration != null && full) {
      throw new IllegalArgumentException("--duration and --full cannot be combined");
    }
    List<VectorScenario> chosen = chosenScenarios();
    PrintStream console = System.out;
    boolean allPassed = true;
    for (VectorScenario scenario : chosen) {
      Duration length = duration != null ? duration : full ? scenario.fullDuration() : scenario.quickDuration();
      console.printf(Locale.ROOT, "%n## %s: %,d vectors of %d dimensions, %d clients, %s%n", scenario.label(),
          scenario.vectors(), scenario.dimensions(), scenario.clients(), Units.formatDuration(length));
      Outcome outcome = run(scenario, length, out.resolve(scenario.label()));
      allPassed &= outcome.passed();
      ExampleRuns.table(outcome.result()).forEach(console::println);
      console.println("status: " + outcome.result().status());
      if (outcome.recovery() != null) {
        console.println("spike: " + outcome.recovery().describe());
      }
      ExampleRuns.failures(outcome.result()).forEach(console::println);
    }
    console.println();
    console.println((allPassed ? "PASSED" : "FAILED") + ": reports in " + out);
    return allPassed ? ExampleCommandLine.PASSED : ExampleCommandLine.FAILED;
  }

  /**
   * The scenarios the options name, all when none.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public List<VectorScenario> chosenScenarios() {
    return scenarios.isEmpty() ? VectorScenario.all() : scenarios.stream().map(VectorScenario::named).toList();
  }

  /**
   * Loads a store, runs {@code scenario} for {@code length} with its reports in {@code directory}
   * (none when null), and for the spike adds the recovery check to the Markdown report and as
   * recovery.json.
   */
  public static Outcome run(VectorScenario scenario, Duration length, Path directory) throws IOException {
    VectorOperations ops = scenario.load(42);
    RunResult result = ExampleRuns.run(scenario.scenario(ops, length), directory, b -> b);
    SpikeRecovery recovery = scenario == VectorScenario.SPIKE ? SpikeRecovery.of(result, length) : null;
    if (recovery != null && directory != null) {
      Files.writeString(directory.resolve("report.md"), "\n## Spike recovery\n\n" + recovery.describe() + "\n",
          StandardOpenOption.APPEND);
      Files.writeString(directory.resolve("recovery.json"), String.format(Locale.ROOT,
          "{\"beforeP50Ms\": %.3f, \"afterP50Ms\": %.3f, \"recovered\": %b}%n",
          recovery.beforeP50Ms(), recovery.afterP50Ms(), recovery.recovered()));
    }
    return new Outcome(result, recovery);
  }

  /** A scenario's result, and for the spike whether latency recovered. */
  public record Outcome(RunResult result, SpikeRecovery recovery) {
    public boolean passed() {
      return result.succeeded() && (recovery == null || recovery.recovered());
    }
  }
}
