package dev.plimsoll.report.html;

import dev.plimsoll.core.metrics.LatencyStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Response time against throughput, from the measured intervals: where latency starts to climb as
 * the rate grows is the system's knee. Intervals are grouped by throughput into at most
 * {@link #BINS} equal ranges; each range shows the mean throughput and each operation's mean p50
 * and p99, so a day of one-second intervals is a few hundred points.
 */
final class Knee {

  static final int BINS = 200;

  private final List<String> operations;
  private float[] throughput = new float[256];
  private float[][] p50;
  private float[][] p99;
  private int size;

  Knee(List<String> operations) {
    this.operations = operations;
    p50 = new float[operations.size()][throughput.length];
    p99 = new float[operations.size()][throughput.length];
  }

  /** Adds one measured interval: its throughput and each operation's response time, null for none. */
  void add(double throughputPerSecond, LatencyStats[] responseByOperation) {
    if (Double.isNaN(throughputPerSecond)) {
      return;
    }
    if (size == throughput.length) {
      int capacity = size * 2;
      throughput = Arrays.copyOf(throughput, capacity);
      for (int k = 0; k < operations.size(); k++) {
        p50[k] = Arrays.copyOf(p50[k], capacity);
        p99[k] = Arrays.copyOf(p99[k], capacity);
      }
    }
    throughput[size] = (float) throughputPerSecond;
    for (int k = 0; k < operations.size(); k++) {
      LatencyStats stats = responseByOperation[k];
      boolean none = stats == null || stats.count() == 0;
      p50[k][size] = none ? Float.NaN : (float) stats.p50Ms();
      p99[k][size] = none ? Float.NaN : (float) stats.p99Ms();
    }
    size++;
  }

  /** The chart, empty when no measured interval completed anything. */
  Optional<Chart> chart() {
    if (size == 0) {
      return Optional.empty();
    }
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, throughput[i]);
      max = Math.max(max, throughput[i]);
    }
    int bins = max > min ? BINS : 1;
    double width = (max - min) / bins;
    double[] sumX = new double[bins];
    int[] counts = new int[bins];
    int n = operations.size();
    double[][] sum50 = new double[n][bins];
    double[][] sum99 = new double[n][bins];
    int[][] count50 = new int[n][bins];
    for (int i = 0; i < size; i++) {
      int bin = width > 0 ? (int) Math.min(bins - 1, (throughput[i] - min) / width) : 0;
      sumX[bin] += throughput[i];
      counts[bin]++;
      for (int k = 0; k < n; k++) {
        if (!Float.isNaN(p50[k][i])) {
          sum50[k][bin] += p50[k][i];
          sum99[k][bin] += p99[k][i];
          count50[k][bin]++;
        }
      }
    }
    List<Integer> used = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (counts[b] > 0) {
        used.add(b);
      }
    }
    double[] x = used.stream().mapToDouble(b -> sumX[b] / counts[b]).toArray();
    List<Chart.Series> series = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double[] mean50 = new double[used.size()];
      double[] mean99 = new double[used.size()];
      for (int j = 0; j < used.size(); j++) {
        int b = used.get(j);
        mean50[j] = count50[k][b] > 0 ? sum50[k][b] / count50[k][b] : Double.NaN;
        mean99[j] = count50[k][b] > 0 ? sum99[k][b] / count50[k][b] : Double.NaN;
      }
      series.add(new Chart.Series(operations.get(k) + " p50", "p50", k, false, true, mean50));
      series.add(new Chart.Series(operations.get(k) + " p99", "p99", k, false, true, mean99));
    }
    return Optional.of(new Chart("knee", "Response time against throughput (measured intervals)",
        "rate", "ms", null, x, series));
  }
}
