package dev.plimsoll.core.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** Summarises the system samples of a run's intervals. */
final class SystemSummaries {
  private SystemSummaries() {}

  /**
   * The summary of {@code measuredIntervals} (the caller leaves out the warm-up): CPU averages and
   * peaks, time-weighted ({@link TimeWeighted}); peaks of heap in use, RSS and threads; totals of
   * collections, pause time and network bytes. Values of -1 (unknown) are skipped; a value no
   * interval knew is -1. No intervals gives {@link SystemSummary#UNKNOWN}. Without readings of heap
   * after collection there is no memory growth ({@link MemoryGrowth#NONE}).
   */
  static SystemSummary of(List<IntervalSnapshot> measuredIntervals) {
    return of(measuredIntervals, List.of());
  }

  /**
   * As {@link #of(List)}, with readings of heap after collection for memory growth: those taken
   * from the first interval's start to the last one's end count (see {@link MemoryGrowth}).
   */
  static SystemSummary of(List<IntervalSnapshot> measuredIntervals, List<HeapAfterGc> heapAfterGc) {
    if (measuredIntervals.isEmpty()) {
      return SystemSummary.UNKNOWN;
    }
    List<SystemSample> samples = new ArrayList<>(measuredIntervals.size());
    for (IntervalSnapshot interval : measuredIntervals) {
      samples.add(interval.system() == null ? SystemSample.UNKNOWN : interval.system());
    }
    List<TimeWeighted.Point> processCpu = points(measuredIntervals, samples, SystemSample::processCpu);
    List<TimeWeighted.Point> machineCpu = points(measuredIntervals, samples, SystemSample::machineCpu);
    IntervalSnapshot last = measuredIntervals.get(measuredIntervals.size() - 1);
    Instant end = last.start().plus(last.length());
    return new SystemSummary(
        TimeWeighted.average(processCpu),
        TimeWeighted.peak(processCpu),
        TimeWeighted.average(machineCpu),
        TimeWeighted.peak(machineCpu),
        peakLong(samples, SystemSample::heapUsedBytes),
        peakLong(samples, SystemSample::rssBytes),
        sum(samples, SystemSample::gcCount),
        sumDouble(samples, SystemSample::gcPauseMs),
        (int) peakLong(samples, SystemSample::threadCount),
        sum(samples, SystemSample::networkReceivedBytes),
        sum(samples, SystemSample::networkSentBytes),
        MemoryGrowth.of(heapAfterGc, measuredIntervals.get(0).start(), end));
  }

  private static List<TimeWeighted.Point> points(List<IntervalSnapshot> intervals,
      List<SystemSample> samples, ToDoubleFunction<SystemSample> value) {
    List<TimeWeighted.Point> points = new ArrayList<>(intervals.size());
    for (int i = 0; i < intervals.size(); i++) {
      points.add(new TimeWeighted.Point(intervals.get(i).length(), value.applyAsDouble(samples.get(i))));
    }
    return points;
  }

  private static long peakLong(List<SystemSample> samples, ToLongFunction<SystemSample> value) {
    long peak = -1;
    for (SystemSample s : samples) {
      peak = Math.max(peak, value.applyAsLong(s));
    }
    return peak;
  }

  private static long sum(List<SystemSample> samples, ToLongFunction<SystemSample> value) {
    long sum = -1;
    for (SystemSample s : samples) {
      long v = value.applyAsLong(s);
      if (v >= 0) {
        sum = Math.max(sum, 0) + v;
      }
    }
    return sum;
  }

  private static double sumDouble(
      List<SystemSample> samples, ToDoubleFunction<SystemSample> value) {
    double sum = -1;
    for (SystemSample s : samples) {
      double v = value.applyAsDouble(s);
      if (v >= 0) {
        sum = Math.max(sum, 0) + v;
      }
    }
    return sum;
  }
}
