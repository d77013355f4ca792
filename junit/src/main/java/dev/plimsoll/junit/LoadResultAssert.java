package dev.plimsoll.junit;

import dev.plimsoll.core.criteria.Comparison;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Judge;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks on a {@link LoadResult}; each returns this, to chain, or throws an {@link AssertionError}
 * whose message lists every criterion it checked that failed, with its threshold and the measured
 * value, and where the reports are.
 */
public final class LoadResultAssert {
  private final LoadResult actual;

  LoadResultAssert(LoadResult actual) {
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /**
   * The result meets every criterion, judged on its measured time as the run's own criteria are:
   * {@code "p99 < 50ms"}, {@code "search.p95 < 25ms"}, {@code "error_rate < 0.1%"},
   * {@code "throughput >= 1000/s"}, {@code "memory_growth < 10MB/min"} (see {@link Criterion}).
   *
   * @throws IllegalArgumentException naming a criterion that cannot be read
   */
  public LoadResultAssert meets(String... criteria) {
    return meets(Stream.of(criteria).map(Criterion::parse).toList());
  }

  /** As {@link #meets(String...)}, for criteria built in code. */
  public LoadResultAssert meets(List<Criterion> parsed) {
    List<Verdict> verdicts = Judge.of(parsed).verdicts(Measurements.of(actual.runResult().intervals()));
    if (verdicts.stream().anyMatch(v -> !v.passed())) {
      throw new AssertionError(VerdictText.failures("load test '" + actual.runResult().name() + "'", verdicts,
          actual.reportDirectory()));
    }
    return this;
  }

  /** Every criterion and gate comparison the run was given held. */
  public LoadResultAssert passed() {
    if (!actual.failures().isEmpty()) {
      throw new AssertionError(VerdictText.failures("load test '" + actual.runResult().name() + "'",
          actual.verdicts(), actual.reportDirectory()));
    }
    return this;
  }

  /** At least {@code perSecond} operations completed per second, all together. */
  public LoadResultAssert hasOpsPerSecondAtLeast(double perSecond) {
    return meets(List.of(new Criterion("throughput >= " + Units.decimal(perSecond) + "/s", null, Metric.THROUGHPUT,
        Comparison.GREATER_OR_EQUAL, perSecond, false)));
  }

  /** The latency at {@code percentile} (0 to 100) of all operations together is below {@code limit}. */
  public LoadResultAssert hasPercentileBelow(double percentile, Duration limit) {
    Duration measured = actual.p(percentile);
    if (measured.compareTo(limit) >= 0) {
      throw new AssertionError("load test '" + actual.runResult().name() + "': p" + Units.decimal(percentile)
          + " < " + Units.formatDuration(limit) + ": measured " + Units.decimal(measured.toNanos() / 1e6) + " ms"
          + actual.reportDirectory().map(d -> " (reports: " + d + ")").orElse(""));
    }
    return this;
  }

  /** Fewer than this share (0 to 1) of the completed operations failed. */
  public LoadResultAssert hasErrorRateBelow(double fraction) {
    return meets(List.of(new Criterion("error_rate < " + Units.percent(fraction), null, Metric.ERROR_RATE,
        Comparison.LESS, fraction, false)));
  }
}
