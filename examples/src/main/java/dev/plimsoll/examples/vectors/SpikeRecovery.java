package dev.plimsoll.examples.vectors;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.List;

/**
 * Whether latency came back after a spike: the median response time over the measured intervals
 * before the spike, against the median over the intervals after it, once a settling time (a tenth
 * of the run) has passed. Recovered when the later median is at most 150 % of the earlier, or at
 * most 2 ms above it (a median of a fraction of a millisecond moves by more than half on any
 * hiccup). The median, not a tail percentile: a backlog left by the spike delays most calls after
 * it, which moves the median, while the tail of a few seconds on a shared machine moves with
 * whatever else the machine runs.
 *
 * @param beforeP50Ms the median before the spike
 * @param afterP50Ms the median after the spike and the settling time
 */
public record SpikeRecovery(double beforeP50Ms, double afterP50Ms) {
  public static final double MAX_RATIO = 1.5;
  public static final double SLACK_MS = 2.0;

  public static SpikeRecovery of(RunResult result, Duration duration) {
    Duration settle = duration.dividedBy(10);
    Duration spikeStart = VectorScenario.spikeStart(duration);
    Duration recovered = VectorScenario.spikeEnd(duration).plus(settle);
    return new SpikeRecovery(p50(result.intervals(), result, Duration.ZERO, spikeStart),
        p50(result.intervals(), result, recovered, duration));
  }

  public boolean recovered() {
    return afterP50Ms <= Math.max(beforeP50Ms * MAX_RATIO, beforeP50Ms + SLACK_MS);
  }

  public String describe() {
    return (recovered() ? "recovered" : "NOT recovered") + ": median " + Units.decimal(afterP50Ms)
        + " ms after the spike vs " + Units.decimal(beforeP50Ms) + " ms before (limit: 150 % or +2 ms)";
  }

  /** The median over measured intervals that start in [from, to) from the run's start. */
  private static double p50(List<IntervalSnapshot> intervals, RunResult result, Duration from, Duration to) {
    LatencyDistribution merged = LatencyDistribution.empty();
    for (IntervalSnapshot iv : intervals) {
      Duration at = Duration.between(result.startTime(), iv.start());
      if (!iv.warmUp() && at.compareTo(from) >= 0 && at.compareTo(to) < 0) {
        merged = merged.merge(iv.total().responseTime());
      }
    }
    return merged.count() == 0 ? Double.NaN : merged.stats().p50Ms();
  }
}
