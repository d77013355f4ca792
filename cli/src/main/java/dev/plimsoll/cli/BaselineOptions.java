package dev.plimsoll.cli;

import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.results.GateLimitText;
import dev.plimsoll.results.LoadShapeMismatchException;
import dev.plimsoll.results.RegressionGate;
import dev.plimsoll.runner.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The regression gate on the command line: {@code --baseline}, {@code --save-baseline} and the
 * gate's limits, handed to the runner (see {@link RegressionGate}).
 */
final class BaselineOptions {

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "A result.json to compare with: the run fails (exit 1) when its throughput falls, or its"
          + " latency rises, beyond the --gate-* limits. Read, and its load compared with this run's,"
          + " before anything is sent.")
  Path baseline;

  @Option(names = "--save-baseline", paramLabel = "FILE",
      description = "Save this run's result as a new baseline if it passed or completed (may be the --baseline file).")
  Path saveBaseline;

  @Option(names = "--baseline-any-shape",
      description = "Compare with the baseline even when the load differs (rate or users, mix, duration, warm-up).")
  boolean anyShape;

  @Option(names = "--gate-throughput", paramLabel = "[OP=]PCT", split = ",",
      description = "The least throughput, as a percent of the baseline's (default: 90%%): PCT for all operations"
          + " together and each, OP=PCT for one (total=PCT for all together alone); repeat it or separate with commas.")
  List<String> minThroughput = List.of();

  @Option(names = "--gate-latency", paramLabel = "[OP=]PCT", split = ",",
      description = "The most latency, as a percent of the baseline's (default: 150%%); OP=PCT for one operation, as"
          + " --gate-throughput.")
  List<String> maxLatency = List.of();

  @Option(names = "--gate-metric", paramLabel = "METRIC",
      description = "The latency compared (default: p99; also p50, p95, p99.9, max, service_p99, ...).")
  String metric;

  /** Gives the runner the baseline and gate asked for; checks the options' values, sends nothing. */
  Runner.Builder applyTo(Runner.Builder runner) {
    if (baseline == null && (anyShape || !minThroughput.isEmpty() || !maxLatency.isEmpty() || metric != null)) {
      throw new UserException("--baseline-any-shape and --gate-* need --baseline FILE");
    }
    if (baseline != null) {
      runner.baseline(baseline).gate(gate());
    }
    if (saveBaseline != null) {
      runner.saveBaseline(saveBaseline);
    }
    return runner;
  }

  /**
   * Runs {@code command}, saying in the command's words how to compare anyway when the load
   * differs from the baseline's.
   */
  int run(IntSupplier command) {
    try {
      return command.getAsInt();
    } catch (LoadShapeMismatchException e) {
      throw new UserException(e.getMessage() + " (--baseline-any-shape compares them anyway)");
    }
  }

  private RegressionGate gate() {
    RegressionGate.Builder gate = RegressionGate.builder().allowDifferentShape(anyShape);
    limits(gate, "--gate-throughput", minThroughput, GateLimitText.Kind.THROUGHPUT);
    limits(gate, "--gate-latency", maxLatency, GateLimitText.Kind.LATENCY);
    if (metric != null) {
      gate.latencyMetric(metric(metric));
    }
    return gate.build();
  }

  /** Each {@code [OP=]PCT} of one option, in order: a later one for the same operation wins. */
  private static void limits(RegressionGate.Builder gate, String option, List<String> texts, GateLimitText.Kind kind) {
    for (String text : texts) {
      try {
        GateLimitText.parse(text).applyTo(gate, kind);
      } catch (IllegalArgumentException e) {
        throw new UserException(option + " " + e.getMessage());
      }
    }
  }

  private static Metric metric(String token) {
    return Stream.of(Metric.values())
        .filter(m -> m.isLatency() && m.token().equalsIgnoreCase(token.strip()))
        .findFirst()
        .orElseThrow(() -> new UserException("--gate-metric '" + token + "' is not a latency (allowed: "
            + Stream.of(Metric.values()).filter(Metric::isLatency).map(Metric::token)
                .collect(Collectors.joining(", ")) + ")"));
  }
}
