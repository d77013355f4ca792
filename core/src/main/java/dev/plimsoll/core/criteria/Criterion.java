package dev.plimsoll.core.criteria;

import dev.plimsoll.core.metrics.Measurements;
import java.util.Objects;

/**
 * A threshold over one metric of a run, such as {@code p95 < 25ms}, {@code error_rate < 0.1%} or
 * {@code search.p99 < 100ms}.
 *
 * <h2>Text form</h2>
 *
 * <pre>
 * [operation.]metric comparator value[unit] [abort]
 * </pre>
 *
 * <ul>
 *   <li><b>operation</b> (optional) limits the criterion to one operation, named
 *       {@code [A-Za-z_][A-Za-z0-9_-]*}; without it the criterion covers all operations together.
 *       Whole-run metrics ({@link Metric#wholeRunOnly()}: CPU, memory growth, peak RSS, throughput
 *       as a percent of target) take no operation. The dot in {@code p99.9} belongs to the metric.
 *   <li><b>metric</b> is a {@link Metric#token()}, case-insensitive: {@code min mean p50 p90 p95
 *       p99 p99.9 p99.99 max}, the same with a {@code service_} prefix, {@code error_rate
 *       throughput dropped cpu_avg cpu_peak memory_growth peak_rss}.
 *   <li><b>comparator</b> is one of {@code < <= > >= == !=}.
 *   <li><b>value</b> is a decimal number, 0 or more; <b>unit</b> follows it, with or without a
 *       space, case-insensitive:
 *       <ul>
 *         <li>latencies: {@code ns}, {@code us} or {@code µs}, {@code ms}, {@code s}, {@code m}
 *             (minutes); required.
 *         <li>{@code error_rate}, {@code cpu_avg}, {@code cpu_peak}: {@code %} or a plain fraction
 *             from 0 to 1 ({@code 0.1%} and {@code 0.001} are the same).
 *         <li>{@code throughput}: {@code /s} or {@code /min}; or {@code %}, a share of the
 *             arrivals the open-model profiles asked for ({@code throughput >= 95%}, which becomes
 *             {@link Metric#THROUGHPUT_OF_TARGET}).
 *         <li>{@code dropped}: a plain count, no unit.
 *         <li>{@code peak_rss}: {@code B}, {@code KB}, {@code MB}, {@code GB}; required.
 *         <li>{@code memory_growth}: {@code KB/min}, {@code MB/min}, {@code GB/min}; required.
 *       </ul>
 *       Byte units are binary: 1 KB = 1024 B, 1 MB = 1024 KB, 1 GB = 1024 MB.
 *   <li><b>abort</b> (optional trailing word) sets {@link #abortOnFail()}: {@code p99 < 100ms
 *       abort}. {@link #withAbortOnFail(boolean)} does the same in code.
 * </ul>
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

  public Criterion {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(comparison, "comparison");
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "threshold must be a finite number, 0 or more, was " + threshold);
    }
    if (scope != null && !CriterionParser.OPERATION_NAME.matcher(scope).matches()) {
      throw new IllegalArgumentException("scope must be an operation name matching "
          + CriterionParser.OPERATION_NAME + ", was '" + scope + "'");
    }
    if (scope != null && metric.wholeRunOnly()) {
      throw new IllegalArgumentException(metric.token()
          + " is measured for the whole run and takes no scope, was '" + scope + "'");
    }
  }

  /**
   * Parses the text form described above.
   *
   * @throws IllegalArgumentException quoting the text, naming the part that is wrong and listing
   *     what is allowed, e.g. {@code criterion 'p97 < 5ms': unknown metric 'p97' (allowed: min,
   *     mean, ...)}
   */
  public static Criterion parse(String text) {
    Objects.requireNonNull(text, "text");
    return CriterionParser.parse(text);
  }

  /** A copy that is checked every interval and stops the run when it fails. */
  public Criterion withAbortOnFail(boolean abort) {
    return new Criterion(source, scope, metric, comparison, threshold, abort);
  }

  /**
   * Judges this criterion against a run's measurements, complete or so far.
   *
   * <p>Latency, error rate, throughput and dropped come from {@link Measurements#total()}, or from
   * the scoped operation's. Throughput as a percent of target is completed operations over
   * expected arrivals, both over the measured (non-warm-up) window; completions of closed-model
   * workloads running alongside count too. CPU, memory growth and peak RSS come from
   * {@link Measurements#system()}.
   *
   * <p>When nothing can be measured the verdict fails, its {@link Verdict#measured()} is NaN, and
   * its detail says why: an unknown operation, no completed operations (for latency and error
   * rate, which would otherwise pass vacuously), a closed-model run (for percent of target), or a
   * system value not measured on this platform. A live check may prefer to wait on such a verdict
   * rather than abort.
   */
  public Verdict evaluate(Measurements measurements) {
    Objects.requireNonNull(measurements, "measurements");
    return Evaluation.evaluate(this, measurements);
  }
}
