package dev.plimsoll.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads each fault's {@link Recovery} off the run's {@link Timeline}. */
final class RecoveryAnalysis {
  /** How far back before a fault the baseline reaches. */
  private static final Duration BASELINE = Duration.ofSeconds(10);

  private final Timeline timeline;
  private final Simulation sim;

  RecoveryAnalysis(Timeline timeline, Simulation sim) {
    this.timeline = timeline;
    this.sim = sim;
  }

  List<Recovery> measure(List<FaultSchedule.Timing> faults) {
    List<Recovery> out = new ArrayList<>();
    int window = Math.max(1, Timeline.bucketAt(sim.recoveryWindow().toNanos()));
    // Messages meant to be sent later had no time to be delivered or to time out before the end.
    int settled = Timeline.bucketAt(sim.duration().minus(sim.deliveryTimeout()).toNanos());
    int warm = Timeline.bucketAt(sim.rampUp().toNanos());
    for (FaultSchedule.Timing t : faults) {
      int start = Timeline.bucketAt(t.at().toNanos());
      Duration fromTime = t.until() == null ? t.at() : t.until();
      int from = Timeline.bucketAt(fromTime.toNanos());
      int baseFrom = Math.max(warm, start - Timeline.bucketAt(BASELINE.toNanos()));
      double ratio = timeline.ratio(baseFrom, start);
      double p95 = timeline.p95Ms(baseFrom, start);
      Optional<Duration> time = Optional.empty();
      if (!Double.isNaN(ratio)) {
        for (int b = from; b + window <= settled; b++) {
          if (within(timeline.ratio(b, b + window), timeline.p95Ms(b, b + window), ratio, p95)) {
            time = Optional.of(Duration.ofNanos((long) (b - from) * Timeline.BUCKET_NANOS));
            break;
          }
        }
      }
      out.add(new Recovery(t.fault().describe(), fromTime, ratio, p95, time));
    }
    return out;
  }

  private boolean within(double ratio, double p95, double baseRatio, double baseP95) {
    if (Double.isNaN(ratio) || ratio < baseRatio - sim.recoveryRatioTolerance()) {
      return false;
    }
    return Double.isNaN(baseP95) || (!Double.isNaN(p95) && p95 <= baseP95 * sim.recoveryLatencyFactor());
  }
}
