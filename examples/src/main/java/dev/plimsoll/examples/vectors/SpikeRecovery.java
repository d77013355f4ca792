package dev.plimsoll.examples.vectors;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.List;

/**
 * Whether latency came back after a spike: the p95 of response time over the measured intervals
 * before the spike, against the p95 over the intervals after it, once a settling time (a tenth of
 * the run) has passed. Recovered when the later p95 is at most 150 % of the earlier, or at most
 * 2 ms above it (a p95 of a fraction of a millisecond moves by more than half on any hiccup).
 *
 * @param beforeP95Ms p95 before the spike
 * @param afterP95Ms p95 after the spike and the settling time
 */
public record SpikeRecovery(double beforeP95Ms, double afterP95Ms) {
  public static final double MAX_RATIO = 1.5;
  public static final double SLACK_MS = 2.0;

  public static SpikeRecovery of(RunResult result, Duration duration) {
    Duration settle = duration.dividedBy(10);
    Duration spikeStart = VectorScenario.spikeStart(duration);
    Duration recovered = VectorScenario.spikeEnd(duration).plus(settle);
    return new SpikeRecovery(p95(result.intervals(), result, Duration.ZERO, spikeStart),
        p95(result.intervals(), result, recovered, duration));
  }

  public boolean recovered() {
    return afterP95Ms <= Math.max(beforeP95Ms * MAX_RATIO, beforeP95Ms + SLACK_MS);
  }

  public String describe() {
    return (recovered() ? "recovered" : "NOT recovered") + ": p95 " + Units.decimal(afterP95Ms)
        + " ms after the spike vs " + Units.decimal(beforeP95Ms) + " ms before (limit: 150 % or +2 ms)";
  }

  /** The p95 over measured intervals that start in [from, to) from the run's start. */
  private static double p95(List<IntervalSnapshot> intervals, RunResult result, Duration from, Duration to) {
    LatencyDistribution merged = LatencyDistribution.empty();
    for (IntervalSnapshot iv : intervals) {
      Duration at = Duration.between(result.startTime(), iv.start());
      if (!iv.warmUp() && at.compareTo(from) >= 0 && at.compareTo(to) < 0) {
        merged = merged.merge(iv.total().responseTime());
      }
    }
    return merged.count() == 0 ? Double.NaN : merged.stats().p95Ms();
  }
}
