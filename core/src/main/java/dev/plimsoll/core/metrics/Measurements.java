package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What was measured in a run's measured window (its intervals after the warm-up), merged: each
 * operation's counts and latency distributions, all operations together, the arrivals the
 * open-model profiles asked for, the generator's scheduling lag and the system's summary.
 * Criteria are judged on it, live during a run and at its end; it is built from interval
 * snapshots alone, so snapshots merged from many machines are judged the same way.
 *
 * @param measuredDuration the length of the measured window: the measured intervals' lengths added
 * @param operations each operation over the window, in the order the snapshots list them; an
 *     operation's {@code inFlight} is its last interval's gauge
 * @param total all operations together
 * @param expectedArrivals arrivals the open-model profiles asked for in the window
 * @param schedulingLag how late operations started against their intended start
 * @param system the process and machine over the window
 */
public record Measurements(
    Duration measuredDuration,
    List<OperationSnapshot> operations,
    OperationSnapshot total,
    double expectedArrivals,
    LatencyDistribution schedulingLag,
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
  public Optional<OperationSnapshot> operation(String name) {
    return operations.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** {@code operation}'s completions per second of the measured window; 0 for an empty window. */
  public double throughputPerSecond(OperationSnapshot operation) {
    double seconds = measuredDuration.toNanos() / 1e9;
    return seconds > 0 ? operation.completed() / seconds : 0;
  }

  /** Merges interval snapshots as they come; not thread-safe. */
  public static final class Builder {
    private final Map<String, Merged> operations = new LinkedHashMap<>();
    private final Histogram lag = LatencyDistribution.newFullRangeHistogram();
    private final List<IntervalSnapshot> measured = new ArrayList<>();
    private final List<LiveHeap> liveHeap = new ArrayList<>();
    private Duration duration = Duration.ZERO;
    private double expectedArrivals;

    private Builder() {}

    /** Lists an operation even if no interval mentions it, in this position. */
    public Builder operation(String name) {
      operations.computeIfAbsent(name, Merged::new);
      return this;
    }

    /** Adds an interval's snapshot; one of the warm-up is ignored. */
    public Builder add(IntervalSnapshot interval) {
      if (interval.warmUp()) {
        return this;
      }
      measured.add(interval);
      duration = duration.plus(interval.length());
      expectedArrivals += interval.expectedArrivals();
      if (interval.schedulingLag().count() > 0) {
        lag.add(interval.schedulingLag().toHistogram());
      }
      for (OperationSnapshot op : interval.operations()) {
        operations.computeIfAbsent(op.name(), Merged::new).add(op);
      }
      return this;
    }

    /** Adds a reading of live heap taken around the window, for memory growth. */
    public Builder addLiveHeap(LiveHeap reading) {
      liveHeap.add(reading);
      return this;
    }

    /** Whether any interval of the measured window has been added. */
    public boolean hasMeasuredData() {
      return !measured.isEmpty();
    }

    public Measurements build() {
      List<OperationSnapshot> ops = new ArrayList<>(operations.size());
      Histogram totalResponse = LatencyDistribution.newHistogram();
      Histogram totalService = LatencyDistribution.newHistogram();
      long[] sums = new long[5];
      List<List<ErrorClass>> errors = new ArrayList<>();
      for (Merged m : operations.values()) {
        OperationSnapshot op = m.snapshot();
        ops.add(op);
        totalResponse.add(m.response);
        totalService.add(m.service);
        sums[0] += op.started();
        sums[1] += op.succeeded();
        sums[2] += op.failed();
        sums[3] += op.dropped();
        sums[4] += op.inFlight();
        errors.add(op.errors());
      }
      OperationSnapshot total = new OperationSnapshot("total", sums[0], sums[1], sums[2], sums[3], sums[4],
          LatencyDistribution.of(totalResponse), LatencyDistribution.of(totalService), ErrorClasses.merge(errors));
      return new Measurements(duration, ops, total, expectedArrivals, LatencyDistribution.of(lag),
          SystemSummaries.of(measured, liveHeap));
    }
  }

  /** One operation's running merge. */
  private static final class Merged {
    final String name;
    // Full range from the start: a run's merge lives for the whole run, and must not grow in it.
    final Histogram response = LatencyDistribution.newFullRangeHistogram();
    final Histogram service = LatencyDistribution.newFullRangeHistogram();
    final Map<String, ErrorClass> errors = new LinkedHashMap<>();
    long started;
    long succeeded;
    long failed;
    long dropped;
    long inFlight;

    Merged(String name) {
      this.name = name;
    }

    void add(OperationSnapshot op) {
      started += op.started();
      succeeded += op.succeeded();
      failed += op.failed();
      dropped += op.dropped();
      inFlight = op.inFlight();
      if (op.responseTime().count() > 0) {
        response.add(op.responseTime().toHistogram());
      }
      if (op.serviceTime().count() > 0) {
        service.add(op.serviceTime().toHistogram());
      }
      for (ErrorClass e : op.errors()) {
        errors.merge(e.key(), e, ErrorClass::merge);
      }
    }

    OperationSnapshot snapshot() {
      return new OperationSnapshot(name, started, succeeded, failed, dropped, inFlight,
          LatencyDistribution.of(response), LatencyDistribution.of(service),
          ErrorClasses.merge(List.of(new ArrayList<>(errors.values()))));
    }
  }
}
