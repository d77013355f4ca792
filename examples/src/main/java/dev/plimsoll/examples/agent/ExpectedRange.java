package dev.plimsoll.examples.agent;

import dev.plimsoll.core.units.Units;
import java.util.List;

/**
 * What a component is expected to do on a modest machine: at least this throughput, at most these
 * latencies and this error rate. Each bound becomes a Plimsoll criterion, so the run's verdicts
 * (and its reports) say which held, with the measured value.
 */
public record ExpectedRange(double minOpsPerSecond, double maxMeanMs, double maxP95Ms, double maxP99Ms,
    double maxErrorRatePercent) {

  public List<String> criteria() {
    return List.of(
        "throughput >= " + plain(minOpsPerSecond) + "/s",
        "mean < " + plain(maxMeanMs) + "ms",
        "p95 < " + plain(maxP95Ms) + "ms",
        "p99 < " + plain(maxP99Ms) + "ms",
        "error_rate < " + plain(maxErrorRatePercent) + "%");
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A Markdown table row: component | ops/s | mean | p95 | p99 | errors. */
  String row(String component) {
    return "| " + component + " | >= " + Units.count((long) minOpsPerSecond) + " | < " + plain(maxMeanMs)
        + " ms | < " + plain(maxP95Ms) + " ms | < " + plain(maxP99Ms) + " ms | < " + plain(maxErrorRatePercent) + " % |";
  }
}
