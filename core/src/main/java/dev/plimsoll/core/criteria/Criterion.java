package dev.plimsoll.core.criteria;

import dev.plimsoll.core.result.RunResult;

/**
 * A threshold over one metric of a run, such as {@code p95 < 25ms}, {@code error_rate < 0.1%} or
 * {@code search.p99 < 100ms}.
 *
 * @param source the text it was written as
 * @param scope the operation it applies to, or null for all operations together
 * @param metric what is measured
 * @param comparison how the measured value is compared with the threshold
 * @param threshold the limit, in the metric's canonical unit ({@link Metric#unit()})
 * @param abortOnFail whether the criterion is checked every interval and stops the run on failure
 */
public record Criterion(
    String source,
    String scope,
    Metric metric,
    Comparison comparison,
    double threshold,
    boolean abortOnFail) {

  /** Parses a criterion; throws IllegalArgumentException naming what is wrong and what is allowed. */
  public static Criterion parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A copy that is checked every interval and stops the run when it fails. */
  public Criterion withAbortOnFail(boolean abort) {
    return new Criterion(source, scope, metric, comparison, threshold, abort);
  }

  /** Judges this criterion against a (possibly partial) run result. */
  public Verdict evaluate(RunResult result) {
    throw new UnsupportedOperationException("TODO");
  }
}
