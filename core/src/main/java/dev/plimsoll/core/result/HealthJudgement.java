package dev.plimsoll.core.result;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Whether the generator may have been the bottleneck: the one place that judges it, so that the
 * warning is true both ways — quiet when the generator kept up, present when it could not.
 *
 * <ul>
 *   <li>Its own delays (scheduling lag, the client's cost after an answer) are judged after the
 *       run's first {@link #START_UP}: a cold first call or a thread starting up makes a few early
 *       operations late once, which says nothing about whether the generator keeps up; an
 *       overload lasts, so it shows after the start-up as well. A run no longer than that is
 *       judged whole.
 *   <li>A p99 above {@link GeneratorHealth#LAG_P99_LIMIT_MS} counts only when at least
 *       {@link #MIN_LATE} operations were that late: in a light run the p99 is one or two
 *       operations, and one hiccup of the machine is not a generator that cannot keep up.
 *   <li>Dropped arrivals are no sign by themselves: the in-flight bound is reached when operations
 *       wait on the system under test (a target that hangs) just as when the generator is slow, and
 *       a generator too slow to keep up shows in its lag.
 * </ul>
 */
final class HealthJudgement {
  /** The start of a run whose lateness is not judged. */
  static final Duration START_UP = Duration.ofSeconds(1);
  /** How many operations must be late beyond the limit before their lateness is judged. */
  static final int MIN_LATE = 10;

  private HealthJudgement() {}

  /** The generator's health over the measured window of {@code intervals}, which started at {@code start}. */
  static GeneratorHealth judge(Measurements measured, List<IntervalSnapshot> intervals, Instant start) {
    Histogram lagSum = LatencyDistribution.newFullRangeHistogram();
    Histogram afterAnswerSum = LatencyDistribution.newFullRangeHistogram();
    addJudged(intervals, start, lagSum, afterAnswerSum);
    LatencyDistribution lag = LatencyDistribution.of(lagSum);
    LatencyDistribution afterAnswer = LatencyDistribution.of(afterAnswerSum);
    SystemSummary system = measured.system();
    List<String> reasons = new ArrayList<>();
    if (tooLate(lag)) {
      reasons.add("scheduling lag p99 was " + Units.decimal(lag.stats().p99Ms()) + " ms (limit "
          + Units.decimal(GeneratorHealth.LAG_P99_LIMIT_MS) + " ms)" + starvedNote(system));
    }
    // Only after the answer is purely the client's: to the wire includes waiting for a connection.
    if (tooLate(afterAnswer)) {
      reasons.add("the client took " + Units.decimal(afterAnswer.stats().p99Ms())
          + " ms (p99) from an answer's last byte to recording it (limit "
          + Units.decimal(GeneratorHealth.LAG_P99_LIMIT_MS) + " ms)" + starvedNote(system));
    }
    if (system.processCpuPeak() >= GeneratorHealth.CPU_SATURATION) {
      reasons.add("the generator process used " + Units.percent(system.processCpuPeak()) + " of the machine's CPU");
    }
    return new GeneratorHealth(!reasons.isEmpty(), reasons, measured.schedulingLag(), measured.toWire(),
        measured.afterAnswer(), measured.total().dropped(), system.processCpuPeak());
  }

  /**
   * Adds the lateness of the measured intervals from {@link #START_UP} after the start on (all
   * measured intervals if none is that late) to the sums. The intervals are walked, never
   * collected: a long run keeps them on disk.
   */
  private static void addJudged(List<IntervalSnapshot> intervals, Instant start, Histogram lag,
      Histogram afterAnswer) {
    Instant judgedFrom = start.plus(START_UP);
    boolean anyLate = false;
    for (IntervalSnapshot i : intervals) {
      if (!i.warmUp() && !i.start().isBefore(judgedFrom)) {
        anyLate = true;
        break;
      }
    }
    for (IntervalSnapshot i : intervals) {
      if (!i.warmUp() && (!anyLate || !i.start().isBefore(judgedFrom))) {
        add(lag, i.schedulingLag());
        add(afterAnswer, i.afterAnswer());
      }
    }
  }

  private static void add(Histogram sum, LatencyDistribution d) {
    if (d != null && d.count() > 0) {
      sum.add(d.toHistogram());
    }
  }

  private static boolean tooLate(LatencyDistribution delays) {
    if (delays.count() == 0 || delays.stats().p99Ms() <= GeneratorHealth.LAG_P99_LIMIT_MS) {
      return false;
    }
    long limitNanos = (long) (GeneratorHealth.LAG_P99_LIMIT_MS * 1_000_000);
    Histogram h = delays.toHistogram();
    long late = h.getCountBetweenValues(h.nextNonEquivalentValue(limitNanos), h.getMaxValue());
    return late >= MIN_LATE;
  }

  /** When the machine was busy but the generator was not, other processes kept it from its schedule. */
  private static String starvedNote(SystemSummary system) {
    if (system.machineCpuAverage() >= GeneratorHealth.CPU_SATURATION
        && system.processCpuAverage() >= 0 && system.processCpuAverage() < GeneratorHealth.CPU_SATURATION / 2) {
      return "; the machine's CPU was " + Units.percent(system.machineCpuAverage())
          + " busy on average while the generator used " + Units.percent(system.processCpuAverage())
          + ": other processes kept it from its schedule";
    }
    return "";
  }
}
