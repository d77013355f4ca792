package dev.plimsoll.cli;

import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.results.GateLimits;
import dev.plimsoll.results.LoadShapeMismatchException;
import dev.plimsoll.results.RegressionGate;
import dev.plimsoll.runner.Runner;
import java.math.BigDecimal;
import java.nio.file.Path;
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

  @Option(names = "--gate-throughput", paramLabel = "PCT",
      description = "The least throughput, as a percent of the baseline's, for all operations and each (default: 90%%).")
  String minThroughput;

  @Option(names = "--gate-latency", paramLabel = "PCT",
      description = "The most latency, as a percent of the baseline's (default: 150%%).")
  String maxLatency;

  @Option(names = "--gate-metric", paramLabel = "METRIC",
      description = "The latency compared (default: p99; also p50, p95, p99.9, max, service_p99, ...).")
  String metric;

  /** Gives the runner the baseline and gate asked for; checks the options' values, sends nothing. */
  Runner.Builder applyTo(Runner.Builder runner) {
    if (baseline == null && (anyShape || minThroughput != null || maxLatency != null || metric != null)) {
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
    GateLimits defaults = GateLimits.DEFAULT;
    double min = minThroughput == null ? defaults.minThroughputRatio() : percent("--gate-throughput", minThroughput);
    double max = maxLatency == null ? defaults.maxLatencyRatio() : percent("--gate-latency", maxLatency);
    if (min > 1) {
      throw new UserException("--gate-throughput " + minThroughput + ": must be 100% or less");
    }
    if (max < 1) {
      throw new UserException("--gate-latency " + maxLatency + ": must be 100% or more");
    }
    RegressionGate.Builder gate = RegressionGate.builder()
        .limits(new GateLimits(min, max))
        .allowDifferentShape(anyShape);
    if (metric != null) {
      gate.latencyMetric(metric(metric));
    }
    return gate.build();
  }

  /** "90%" or "90" as 0.9. */
  private static double percent(String option, String text) {
    String digits = text.strip();
    if (digits.endsWith("%")) {
      digits = digits.substring(0, digits.length() - 1).strip();
    }
    try {
      double value = new BigDecimal(digits).doubleValue() / 100;
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UserException(option + " '" + text + "' is not a percent (e.g. 90%)");
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
