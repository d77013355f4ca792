package dev.plimsoll.report.html;

import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The latency distribution as a percentile spectrum, as HdrHistogram plots it: the value at each
 * percentile against 1 / (1 - percentile) on a log axis, so 90%, 99%, 99.9% ... are evenly apart
 * and the tail gets the room. Read from the merged histograms of the measured window, decoded once
 * each.
 */
final class Spectrum {

  /** Points per factor of ten of 1 / (1 - percentile). */
  static final int POINTS_PER_DECADE = 10;

  /** The spectrum reaches 99.9999%, as far as the sample count allows. */
  static final int DECADES = 6;

  private Spectrum() {}

  /** The chart of the run's response and service time, and of each operation's response time. */
  static Optional<Chart> chart(RunResult result) {
    OperationStats total = result.total();
    if (total == null || total.responseTime() == null || total.responseTime().count() == 0) {
      return Optional.empty();
    }
    double[] x = new double[DECADES * POINTS_PER_DECADE + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.pow(10, (double) i / POINTS_PER_DECADE);
    }
    List<Chart.Series> series = new ArrayList<>();
    boolean perOperation = result.operations().size() > 1;
    series.add(new Chart.Series(perOperation ? "all response time" : "response time", "", -1,
        false, true, values(total.responseTime(), x)));
    if (total.serviceTime() != null && total.serviceTime().count() > 0) {
      series.add(new Chart.Series(perOperation ? "all service time" : "service time", "", -2,
          false, true, values(total.serviceTime(), x)));
    }
    if (perOperation) {
      for (int k = 0; k < result.operations().size(); k++) {
        OperationStats op = result.operations().get(k);
        if (op.responseTime() != null && op.responseTime().count() > 0) {
          series.add(new Chart.Series(op.name() + " response time", "", k, false, true,
              values(op.responseTime(), x)));
        }
      }
    }
    return Optional.of(new Chart("spectrum", "Response time by percentile (measured window)",
        "spectrum", "ms", null, x, series));
  }

  /** The value at each point of {@code x}, NaN beyond what the sample count can tell. */
  private static double[] values(LatencyDistribution distribution, double[] x) {
    Histogram histogram = distribution.toHistogram();
    long count = histogram.getTotalCount();
    double[] values = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      // Beyond 1 / count, a percentile is just the maximum again: leave it out.
      if (x[i] > count && i > 0) {
        values[i] = Double.NaN;
        continue;
      }
      double percentile = 100 * (1 - 1 / x[i]);
      values[i] = histogram.getValueAtPercentile(percentile) / 1e6;
    }
    return values;
  }
}
