package dev.plimsoll.examples.marketdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plimsoll.examples.support.Colours;
import dev.plimsoll.examples.support.ExampleCommandLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Publishes simulated exchanges' feeds into a memory-mapped ring and reports what was achieved. */
@Command(
    name = "market-data",
    mixinStandardHelpOptions = true,
    header = "Load-tests a shared-memory ring buffer fed by simulated exchanges (trades and order-book updates).",
    description = {
        "Each exchange publishes at its target rates (open model) into one memory-mapped ring;",
        "reports write latency in nanoseconds (p50, p90, p99, p99.9, max), CPU and memory, and ends",
        "with PASSED or FAILED and the share of each target rate achieved (green >= 95 %%, yellow",
        "80-94 %%, red < 80 %%; coloured on a terminal unless NO_COLOR is set).",
        "Scenarios: baseline (the defaults), stress (10 x 100,000 trades/s), endurance (30 min), burst",
        "(x5 for 1 s in every 10). An option given replaces the scenario's number.",
        "Exit 0 when PASSED, 1 when FAILED."
    })
public final class MarketDataExample implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "baseline",
      description = "baseline, stress, endurance or burst (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--exchanges", paramLabel = "N", description = "Simulated exchanges (default 3; stress 10).")
  Integer exchanges;

  @Option(names = "--trades-per-second", paramLabel = "N",
      description = "Each exchange's trades per second (default 10,000; stress 100,000).")
  Integer tradesPerSecond;

  @Option(names = "--orderbook-updates-per-second", paramLabel = "N",
      description = "Each exchange's order-book updates per second (default 5,000; stress 50,000).")
  Integer bookUpdatesPerSecond;

  @Option(names = "--duration-secs", paramLabel = "S", description = "Run length in seconds (default 60; endurance 1800).")
  Integer durationSecs;

  @Option(names = "--symbol-count", paramLabel = "N", description = "Symbols per exchange (default 10; stress 100).")
  Integer symbolCount;

  @Option(names = "--verbose", description = "Also per-operation counts and latency, memory growth and the generator's health.")
  boolean verbose;

  @Option(names = "--json-output", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
  Path jsonOutput;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/plimsoll/market-data",
      description = "Where result.json and report.md go (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(ExampleCommandLine.of(new MarketDataExample()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    FeedPlan plan = plan();
    PrintStream console = System.out;
    console.println("publishing " + plan.describe() + " ...");
    FeedReport report = MarketDataFeed.run(plan, MarketDataFeed.RING_SLOTS, out);
    report.lines(verbose).forEach(console::println);
    if (jsonOutput != null) {
      writeJson(report, jsonOutput);
      console.println("summary written to " + jsonOutput);
    }
    console.println("reports in " + out);
    console.println(report.statusLine(Colours.forStandardOutput(System.getenv())));
    return report.passed() ? ExampleCommandLine.PASSED : ExampleCommandLine.FAILED;
  }

  /**
   * The plan the options describe.
   *
   * @throws IllegalArgumentException for an unknown scenario or a number out of range, naming the option
   */
  public FeedPlan plan() {
    return MarketScenario.named(scenario).plan(exchanges, tradesPerSecond, bookUpdatesPerSecond, durationSecs,
        symbolCount);
  }

  static void writeJson(FeedReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      java.nio.file.Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report.toJson());
  }
}
