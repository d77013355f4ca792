package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What was measured in a run's measured window (its intervals after the warm-up), merged: each
 * operation's counts and latency distributions, all operations together, the arrivals the
 * open-model profiles asked for, the generator's scheduling lag and client costs, and the system's
 * summary. Criteria are judged on it, live during a run and at its end; it is built from interval
 * snapshots alone, so snapshots merged from many machines are judged the same way.
 *
 * @param measuredDuration the length of the measured window: the measured intervals' lengths added
 * @param operations each operation over the window, in the order the snapshots list them: the
 *     {@linkplain OperationStats#merge merge} of its measured intervals, so its {@code inFlight} is
 *     its last interval's gauge
 * @param total all operations together: the {@linkplain OperationStats#sum sum} of the operations
 * @param expectedArrivals arrivals the open-model profiles asked for in the window
 * @param schedulingLag how late operations started against their intended start
 * @param toWire from operations' intended start to their request on the wire (see
 *     {@link IntervalSnapshot#toWire})
 * @param afterAnswer from the last byte of operations' answer to their recording (see
 *     {@link IntervalSnapshot#afterAnswer})
 * @param system the process and machine over the window
 */
public record Measurements(
    Duration measuredDuration,
    List<OperationStats> operations,
    OperationStats total,
    double expectedArrivals,
    LatencyDistribution schedulingLag,
    LatencyDistribution toWire,
    LatencyDistribution afterAnswer,
    SystemSummary system) {

  public Measurements {
    operations = List.copyOf(operations);
  }

  /** The measured window of {@code intervals}: warm-up intervals are left out. */
  public static Measurements of(List<IntervalSnapshot> intervals) {
    Builder builder = builder();
    intervals.forEach(builder::add);
    return builder.build();
  }

  /** A running merge, for judging a run as it goes without merging its intervals again each time. */
  public static Builder builder() {
    return new Builder();
  }

  /** The named operation, if it was measured (or declared to the builder). */
  public Optional<OperationStats> operation(String name) {
    return operations.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** Merges interval snapshots as they come; not thread-safe. */
  public static final class Builder {
    private final Map<String, StatsMerger> operations = new LinkedHashMap<>();
    private final Histogram lag = LatencyDistribution.newFullRangeHistogram();
    private final Histogram toWire = LatencyDistribution.newFullRangeHistogram();
    private final Histogram afterAnswer = LatencyDistribution.newFullRangeHistogram();
    // Running, not a list of the intervals: the builder lives as long as the run.
    private final SystemSummaries.Running system = new SystemSummaries.Running();
    private boolean measured;
    private final ThinnedReadings heapAfterGc = new ThinnedReadings();
    private Duration duration = Duration.ZERO;
    private double expectedArrivals;

    private Builder() {}

    /** Lists an operation even if no interval mentions it, in this position. */
    public Builder operation(String name) {
      merger(name);
      return this;
    }

    /** Adds an interval's snapshot; one of the warm-up is ignored. */
    public Builder add(IntervalSnapshot interval) {
      if (interval.warmUp()) {
        return this;
      }
      measured = true;
      system.add(interval);
      duration = duration.plus(interval.length());
      expectedArrivals += interval.expectedArrivals();
      addTo(lag, interval.schedulingLag());
      addTo(toWire, interval.toWire());
      addTo(afterAnswer, interval.afterAnswer());
      for (OperationStats op : interval.operations()) {
        merger(op.name()).add(op);
      }
      return this;
    }

    /** An interval read from a file may lack a distribution (null): nothing to add. */
    private static void addTo(Histogram into, LatencyDistribution distribution) {
      if (distribution != null && distribution.count() > 0) {
        into.add(distribution.toHistogram());
      }
    }

    // Full range from the start: a run's merge lives for the whole run, and must not grow in it.
    private StatsMerger merger(String name) {
      return operations.computeIfAbsent(
          name, n -> new StatsMerger(n, LatencyDistribution::newFullRangeHistogram));
    }

    /**
     * Adds a reading of heap after a garbage collection, for memory growth; only those taken in
     * the measured window count (see {@link MemoryGrowth}), so readings may come at any time. A
     * long run's readings are thinned to a bounded number, evenly ({@link ThinnedReadings}).
     */
    public Builder addHeapAfterGc(HeapAfterGc reading) {
      heapAfterGc.add(reading);
      return this;
    }

    /** Whether any interval of the measured window has been added. */
    public boolean hasMeasuredData() {
      return measured;
    }

    public Measurements build() {
      List<OperationStats> ops = operations.values().stream().map(StatsMerger::result).toList();
      return new Measurements(duration, ops, OperationStats.sum("total", ops), expectedArrivals,
          LatencyDistribution.of(lag), LatencyDistribution.of(toWire), LatencyDistribution.of(afterAnswer),
          system.summary(heapAfterGc.list()));
    }
  }
}
