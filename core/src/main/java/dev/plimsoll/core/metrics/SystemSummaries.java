package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** Summarises the system samples of a run's intervals. */
final class SystemSummaries {
  private SystemSummaries() {}

  /**
   * The summary of {@code measuredIntervals} (the caller leaves out the warm-up): CPU averages (the
   * mean over intervals) and peaks; peaks of heap in use, RSS and threads; totals of collections,
   * pause time and network bytes; and memory growth. Values of -1 (unknown) are skipped; a value
   * no interval knew is -1. No intervals gives {@link SystemSummary#UNKNOWN}.
   *
   * <p><b>Memory growth</b> is the slope of heap in use over time, time being seconds from the
   * first interval's start to each interval's end. Heap in use rises between collections and
   * drops at each, so a raw slope over a short run mostly shows where the sawtooth happened to
   * stop. Two steps keep it to the heap that survives collection: when at least two intervals saw a
   * collection, only those intervals' points are used (each then lies at most one interval's
   * allocation above the collection); and the fit goes through the low points only
   * ({@link MemoryGrowth#lowerEnvelopeMbPerMinute}). A run with no collection has no better
   * evidence than the raw heap, so its growth includes garbage not yet collected; with no heap
   * readings growth is 0.
   */
  static SystemSummary of(List<IntervalSnapshot> measuredIntervals) {
    return of(measuredIntervals, List.of());
  }

  /**
   * As {@link #of(List)}, with readings of live heap (after a full collection) taken around the
   * measured part of the run. When there are two or more, memory growth is their slope alone: the
   * only readings that tell live data from garbage.
   */
  static SystemSummary of(List<IntervalSnapshot> measuredIntervals, List<LiveHeap> liveHeap) {
    if (measuredIntervals.isEmpty()) {
      return SystemSummary.UNKNOWN;
    }
    List<SystemSample> samples = new ArrayList<>(measuredIntervals.size());
    for (IntervalSnapshot interval : measuredIntervals) {
      samples.add(interval.system() == null ? SystemSample.UNKNOWN : interval.system());
    }
    return new SystemSummary(
        average(samples, SystemSample::processCpu),
        peak(samples, SystemSample::processCpu),
        average(samples, SystemSample::machineCpu),
        peak(samples, SystemSample::machineCpu),
        peakLong(samples, SystemSample::heapUsedBytes),
        peakLong(samples, SystemSample::rssBytes),
        sum(samples, SystemSample::gcCount),
        sumDouble(samples, SystemSample::gcPauseMs),
        (int) peakLong(samples, SystemSample::threadCount),
        sum(samples, SystemSample::networkReceivedBytes),
        sum(samples, SystemSample::networkSentBytes),
        memoryGrowth(measuredIntervals, samples, liveHeap));
  }

  private static double memoryGrowth(
      List<IntervalSnapshot> intervals, List<SystemSample> samples, List<LiveHeap> liveHeap) {
    Instant origin = intervals.get(0).start();
    if (liveHeap.size() >= 2) {
      return liveGrowth(liveHeap, origin);
    }
    List<Integer> all = new ArrayList<>();
    List<Integer> afterCollection = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i).heapUsedBytes() >= 0) {
        all.add(i);
        if (samples.get(i).gcCount() > 0) {
          afterCollection.add(i);
        }
      }
    }
    List<Integer> used = afterCollection.size() >= 2 ? afterCollection : all;
    double[] seconds = new double[used.size()];
    long[] bytes = new long[used.size()];
    for (int k = 0; k < used.size(); k++) {
      IntervalSnapshot interval = intervals.get(used.get(k));
      Instant end = interval.start().plus(interval.length());
      seconds[k] = Duration.between(origin, end).toNanos() / 1e9;
      bytes[k] = samples.get(used.get(k)).heapUsedBytes();
    }
    return MemoryGrowth.lowerEnvelopeMbPerMinute(seconds, bytes);
  }

  /**
   * Growth between the live-heap readings alone. Heap in use at an interval's end, even in an
   * interval that saw a collection, carries whatever was allocated since (G1 resizes its young
   * generation as a run goes on), so mixing those readings in would report garbage as growth.
   */
  private static double liveGrowth(List<LiveHeap> liveHeap, Instant origin) {
    double[] seconds = new double[liveHeap.size()];
    long[] bytes = new long[liveHeap.size()];
    for (int k = 0; k < liveHeap.size(); k++) {
      seconds[k] = Duration.between(origin, liveHeap.get(k).time()).toNanos() / 1e9;
      bytes[k] = liveHeap.get(k).bytes();
    }
    return MemoryGrowth.mbPerMinute(seconds, bytes);
  }

  private static double average(List<SystemSample> samples, ToDoubleFunction<SystemSample> value) {
    double sum = 0;
    int known = 0;
    for (SystemSample s : samples) {
      double v = value.applyAsDouble(s);
      if (v >= 0) {
        sum += v;
        known++;
      }
    }
    return known == 0 ? -1 : sum / known;
  }

  private static double peak(List<SystemSample> samples, ToDoubleFunction<SystemSample> value) {
    double peak = -1;
    for (SystemSample s : samples) {
      peak = Math.max(peak, value.applyAsDouble(s));
    }
    return peak;
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
