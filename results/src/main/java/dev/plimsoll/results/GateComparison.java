package dev.plimsoll.results;

import dev.plimsoll.core.criteria.Comparison;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** The comparisons of one run with its baseline, each a {@link Verdict}; see {@link RegressionGate}. */
final class GateComparison {
  /** The names a criterion accepts as its scope (see {@link Criterion}); others are left unscoped. */
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final RunResult run;
  private final RunResult baseline;
  private final Metric latency;

  GateComparison(RunResult run, RunResult baseline, Metric latency) {
    this.run = run;
    this.baseline = baseline;
    this.latency = latency;
  }

  /**
   * Adds the throughput and the latency verdicts of one operation to {@code verdicts}.
   *
   * @param label the operation's name, or {@code total}
   * @param operation the operation's name, or null for all together
   * @param measured the run's numbers, or null when it has none
   * @param base the baseline's numbers, or null when it has none
   */
  void compare(String label, String operation, OperationStats measured, OperationStats base,
      GateLimits limits, List<Verdict> verdicts) {
    String scope = operation != null && SCOPE.matcher(operation).matches() ? operation : null;
    if (measured == null || base == null) {
      String missing = label + ": " + (measured == null ? "in the baseline only" : "not in the baseline");
      verdicts.add(Verdict.notJudged(criterion(missing, scope, Metric.THROUGHPUT, Comparison.GREATER_OR_EQUAL, 0), missing));
      return;
    }
    verdicts.add(throughput(label, scope, measured, base, limits.minThroughputRatio()));
    verdicts.add(latency(label, scope, measured, base, limits.maxLatencyRatio()));
  }

  private Verdict throughput(String label, String scope, OperationStats measured, OperationStats base,
      double minRatio) {
    double now = measured.throughputPerSecond(run.measuredDuration());
    double before = base.throughputPerSecond(baseline.measuredDuration());
    String what = label + ": throughput";
    if (!(before > 0) || Double.isNaN(now)) {
      String why = what + " not judged: " + (Double.isNaN(before) || Double.isNaN(now)
          ? "no measured duration recorded" : "the baseline completed none");
      return Verdict.notJudged(criterion(why, scope, Metric.THROUGHPUT, Comparison.GREATER_OR_EQUAL, 0), why);
    }
    String text = what + " " + Units.decimal(now) + "/s vs baseline " + Units.decimal(before) + "/s ("
        + change(now / before) + ", limit " + change(minRatio) + ")";
    Criterion criterion = criterion(text, scope, Metric.THROUGHPUT, Comparison.GREATER_OR_EQUAL, before * minRatio);
    return new Verdict(criterion, now, now >= criterion.threshold(), text);
  }

  private Verdict latency(String label, String scope, OperationStats measured, OperationStats base,
      double maxRatio) {
    OptionalDouble now = latency.latencyMs(measured);
    OptionalDouble before = latency.latencyMs(base);
    String what = label + ": " + latency.token();
    if (before.isEmpty() || before.getAsDouble() <= 0 || now.isEmpty()) {
      String why = what + " not judged: no completed operations in "
          + (before.isEmpty() || before.getAsDouble() <= 0 ? "the baseline" : "this run");
      return Verdict.notJudged(criterion(why, scope, latency, Comparison.LESS_OR_EQUAL, 0), why);
    }
    double nowMs = now.getAsDouble();
    double beforeMs = before.getAsDouble();
    String text = what + " " + Units.decimal(nowMs) + " ms vs baseline " + Units.decimal(beforeMs)
        + " ms (" + change(nowMs / beforeMs) + ", limit " + change(maxRatio) + ")";
    Criterion criterion = criterion(text, scope, latency, Comparison.LESS_OR_EQUAL, beforeMs * maxRatio);
    return new Verdict(criterion, nowMs, nowMs <= criterion.threshold(), text);
  }

  private static Criterion criterion(String text, String scope, Metric metric, Comparison comparison,
      double threshold) {
    return new Criterion(text, scope, metric, comparison, threshold, false);
  }

  /** A ratio as a signed change: 0.796 is "-20.4 %", 1.5 is "+50 %". */
  static String change(double ratio) {
    double percent = (ratio - 1) * 100;
    String digits = Math.abs(percent) < 99.95 && Math.abs(percent - Math.rint(percent)) >= 0.05
        ? String.format(Locale.ROOT, "%.1f", Math.abs(percent))
        : Units.decimal(Math.rint(Math.abs(percent)));
    return (percent < -0.05 ? "-" : "+") + digits + " %";
  }
}
