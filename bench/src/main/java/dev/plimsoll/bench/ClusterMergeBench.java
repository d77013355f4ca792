package dev.plimsoll.bench;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.results.ResultJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * What a cluster coordinator pays per interval to merge its workers' snapshots: for each fleet size
 * (default 100 and 1,000 simulated workers), snapshots of a few operations with long-tailed
 * latency histograms are made once; then each round reads every worker's snapshot from its wire
 * form (the JSON a worker sends) and merges them all ({@link IntervalSnapshot#mergeAll}), as the
 * coordinator does with each interval. Prints the median and worst round, decode and merge apart.
 *
 * <pre>
 * java -cp bench/target/plimsoll-bench.jar dev.plimsoll.bench.ClusterMergeBench [--operations 5] [--values 2000] [--rounds 7]
 * </pre>
 *
 * It does not measure the network, Pekko's own cost per message, or the listeners fed afterwards.
 */
public final class ClusterMergeBench {
  private ClusterMergeBench() {}

  public static void main(String[] args) {
    BenchSupport.Options o = new BenchSupport.Options(args,
        "ClusterMergeBench [--operations 5] [--values 2000] [--rounds 7]", "operations", "values", "rounds");
    int operations = (int) o.number("operations", 5);
    int values = (int) o.number("values", 2_000);
    int rounds = (int) o.number("rounds", 7);
    for (int workers : new int[] {100, 1_000}) {
      List<byte[]> wire = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        wire.add(ResultJson.intervalToJson(snapshot(w, operations, values)));
      }
      double[] decodeMs = new double[rounds];
      double[] mergeMs = new double[rounds];
      long check = 0;
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        List<IntervalSnapshot> parts = new ArrayList<>(workers);
        for (byte[] json : wire) {
          parts.add(ResultJson.intervalFromJson(json, "bench"));
        }
        long t1 = System.nanoTime();
        IntervalSnapshot merged = IntervalSnapshot.mergeAll(parts);
        long t2 = System.nanoTime();
        check += merged.total().completed();
        decodeMs[r] = (t1 - t0) / 1e6;
        mergeMs[r] = (t2 - t1) / 1e6;
      }
      Arrays.sort(decodeMs);
      Arrays.sort(mergeMs);
      System.out.printf(Locale.ROOT, "%,d workers x %d operations x %,d values: merge median %.1f ms (worst %.1f), "
          + "decode median %.1f ms (worst %.1f) per interval [check %d]%n", workers, operations, values,
          mergeMs[rounds / 2], mergeMs[rounds - 1], decodeMs[rounds / 2], decodeMs[rounds - 1], check);
    }
  }

  private static IntervalSnapshot snapshot(int worker, int operations, int values) {
    SplittableRandom random = new SplittableRandom(worker);
    List<OperationStats> ops = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      Histogram h = LatencyDistribution.newHistogram();
      for (int v = 0; v < values; v++) {
        h.recordValue(LatencyDistribution.clamp((long) (1_000_000 * Math.exp(random.nextGaussian() * 1.5))));
      }
      LatencyDistribution d = LatencyDistribution.of(h);
      ops.add(new OperationStats("op-" + i, values, values, 0, 0, 0, d, d, List.of()));
    }
    return new IntervalSnapshot(0, Instant.EPOCH.plusMillis(worker % 7), Duration.ofSeconds(1), false, values, ops,
        LatencyDistribution.empty(), LatencyDistribution.empty(), LatencyDistribution.empty(),
        new SystemSample(0.5, 0.5, 1, 1, 1, 0, 0, 1, 0, 0));
  }
}
