package dev.plimsoll.core.metrics;

import java.time.Instant;
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
    Running running = new Running();
    measuredIntervals.forEach(running::add);
    return running.summary(heapAfterGc);
  }

  /**
   * The same summary built one interval at a time, in constant memory: a run's measurements are
   * brought up to date every interval, and must hold neither its intervals nor its samples.
   */
  static final class Running {
    private final TimeWeighted.Running processCpu = new TimeWeighted.Running();
    private final TimeWeighted.Running machineCpu = new TimeWeighted.Running();
    private final Extreme heapUsed = new Extreme(SystemSample::heapUsedBytes);
    private final Extreme rss = new Extreme(SystemSample::rssBytes);
    private final Extreme threads = new Extreme(s -> s.threadCount());
    private final Total gcCount = new Total(s -> s.gcCount());
    private final Total gcPauseMs = new Total(SystemSample::gcPauseMs);
    private final Total networkReceived = new Total(s -> s.networkReceivedBytes());
    private final Total networkSent = new Total(s -> s.networkSentBytes());
    private Instant start;
    private Instant end;

    void add(IntervalSnapshot interval) {
      SystemSample sample = interval.system() == null ? SystemSample.UNKNOWN : interval.system();
      processCpu.add(interval.length(), sample.processCpu());
      machineCpu.add(interval.length(), sample.machineCpu());
      heapUsed.add(sample);
      rss.add(sample);
      threads.add(sample);
      gcCount.add(sample);
      gcPauseMs.add(sample);
      networkReceived.add(sample);
      networkSent.add(sample);
      if (start == null) {
        start = interval.start();
      }
      end = interval.start().plus(interval.length());
    }

    SystemSummary summary(List<HeapAfterGc> heapAfterGc) {
      if (start == null) {
        return SystemSummary.UNKNOWN;
      }
      return new SystemSummary(
          processCpu.average(),
          processCpu.peak(),
          machineCpu.average(),
          machineCpu.peak(),
          heapUsed.peak,
          rss.peak,
          gcCount.total(),
          gcPauseMs.sum,
          (int) threads.peak,
          networkReceived.total(),
          networkSent.total(),
          MemoryGrowth.of(heapAfterGc, start, end));
    }
  }

  /** The highest value seen, -1 when none was known. */
  private static final class Extreme {
    private final ToLongFunction<SystemSample> value;
    private long peak = -1;

    Extreme(ToLongFunction<SystemSample> value) {
      this.value = value;
    }

    void add(SystemSample sample) {
      peak = Math.max(peak, value.applyAsLong(sample));
    }
  }

  /** The sum of the known values, -1 when none was known. */
  private static final class Total {
    private final ToDoubleFunction<SystemSample> value;
    private double sum = -1;

    Total(ToDoubleFunction<SystemSample> value) {
      this.value = value;
    }

    void add(SystemSample sample) {
      double v = value.applyAsDouble(sample);
      if (v >= 0) {
        sum = Math.max(sum, 0) + v;
      }
    }

    long total() {
      return (long) sum;
    }
  }
}
