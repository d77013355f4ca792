package dev.plimsoll.cluster.internal;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/** Synthetic interval snapshots: latencies drawn from a seeded generator, so any split can be recorded again whole. */
public final class Snapshots {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Snapshots() {}

  /** The latencies (nanoseconds) of {@code count} operations, from {@code seed}. */
  public static long[] latencies(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      // A long tail: mostly around a millisecond, some up to a second.
      values[i] = (long) (1_000_000 * Math.exp(random.nextGaussian() * 1.5));
    }
    return values;
  }

  /** Interval {@code index} of one machine that recorded {@code values} for each operation. */
  public static IntervalSnapshot snapshot(int index, Instant start, List<String> operations, long[] values) {
    List<OperationStats> ops = new ArrayList<>();
    for (String name : operations) {
      Histogram h = LatencyDistribution.newHistogram();
      for (long v : values) {
        h.recordValue(LatencyDistribution.clamp(v));
      }
      LatencyDistribution d = LatencyDistribution.of(h);
      ops.add(new OperationStats(name, values.length, values.length, 0, 0, 0, d, d, List.of()));
    }
    return new IntervalSnapshot(index, start, Duration.ofSeconds(1), false, values.length, ops,
        LatencyDistribution.empty(), LatencyDistribution.empty(), LatencyDistribution.empty(),
        new SystemSample(0.5, 0.5, 1, 1, 1, 0, 0, 1, 0, 0));
  }
}
