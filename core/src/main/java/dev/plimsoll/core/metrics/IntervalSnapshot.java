package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured during one interval of a run: per-operation counts and latency
 * distributions, the generator's own scheduling lag and client costs, and a system sample.
 *
 * <p>Snapshots are values: serialisable and mergeable. {@link #merge} combines snapshots of the
 * same interval taken on different machines; a run's summary is the merge of its intervals.
 *
 * @param index the interval's position in the run, from 0
 * @param start when the interval began
 * @param length how long it lasted (the last interval of a run may be shorter)
 * @param warmUp whether the interval lies in the warm-up, whose data are kept out of the summary
 * @param expectedArrivals arrivals the open-model profiles asked for in this interval (0 when
 *     every workload is closed)
 * @param operations one entry per operation, in scenario order
 * @param schedulingLag how late operations started against their intended start, because of the
 *     generator (open model and paced closed model)
 * @param toWire from operations' intended start to their request's bytes on the wire, for
 *     operations that report it ({@code OperationContext.requestSent}): the
 *     client's cost before a request, and any wait for a free connection
 * @param afterAnswer from the last byte of operations' answer to their recording, for operations
 *     that report it ({@code OperationContext.responseReceived}): the client's
 *     own cost after an answer
 * @param system the process and machine during the interval
 */
public record IntervalSnapshot(
    int index,
    Instant start,
    Duration length,
    boolean warmUp,
    double expectedArrivals,
    List<OperationStats> operations,
    LatencyDistribution schedulingLag,
    LatencyDistribution toWire,
    LatencyDistribution afterAnswer,
    SystemSample system) {

  public IntervalSnapshot {
    operations = List.copyOf(operations);
  }

  /** All operations together. */
  public OperationStats total() {
    return OperationStats.sum("total", operations);
  }

  /** The named operation's snapshot, or an empty one. */
  public OperationStats operation(String name) {
    for (OperationStats op : operations) {
      if (op.name().equals(name)) {
        return op;
      }
    }
    return OperationStats.empty(name);
  }

  /**
   * Combines this snapshot with one of the same interval from another source (another machine):
   * counts and distributions add; the system sample kept is this one's.
   */
  public IntervalSnapshot merge(IntervalSnapshot other) {
    if (other.index != index) {
      throw new IllegalArgumentException(
          "cannot merge interval " + other.index + " into interval " + index);
    }
    Map<String, OperationStats> byName = new LinkedHashMap<>();
    for (OperationStats op : operations) {
      byName.put(op.name(), op);
    }
    for (OperationStats op : other.operations) {
      byName.merge(op.name(), op, (a, b) -> OperationStats.sum(a.name(), List.of(a, b)));
    }
    return new IntervalSnapshot(
        index,
        start.isBefore(other.start) ? start : other.start,
        length.compareTo(other.length) >= 0 ? length : other.length,
        warmUp,
        expectedArrivals + other.expectedArrivals,
        new ArrayList<>(byName.values()),
        merge(schedulingLag, other.schedulingLag),
        merge(toWire, other.toWire),
        merge(afterAnswer, other.afterAnswer),
        system);
  }

  /** A distribution read from a file may be null (not measured): the other one stands. */
  private static LatencyDistribution merge(LatencyDistribution a, LatencyDistribution b) {
    return a == null ? b : b == null ? a : a.merge(b);
  }

  /**
   * Snapshots of the same interval from several machines as one: counts and histograms add (each
   * operation's histograms summed once, not pairwise, which would re-encode them once per machine),
   * the start is the earliest, the length the longest, and the system sample is the first's.
   * The same as merging them one by one with {@link #merge}, at a cost that grows with their number
   * only once: a cluster coordinator merges hundreds per interval.
   */
  public static IntervalSnapshot mergeAll(List<IntervalSnapshot> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("parts must not be empty");
    }
    IntervalSnapshot first = parts.get(0);
    if (parts.size() == 1) {
      return first;
    }
    Map<String, List<OperationStats>> byName = new LinkedHashMap<>();
    List<LatencyDistribution> lag = new ArrayList<>();
    List<LatencyDistribution> toWire = new ArrayList<>();
    List<LatencyDistribution> afterAnswer = new ArrayList<>();
    Instant start = first.start();
    Duration length = first.length();
    double expected = 0;
    for (IntervalSnapshot p : parts) {
      if (p.index() != first.index()) {
        throw new IllegalArgumentException("cannot merge interval " + p.index() + " into interval " + first.index());
      }
      for (OperationStats op : p.operations()) {
        byName.computeIfAbsent(op.name(), n -> new ArrayList<>()).add(op);
      }
      addIfPresent(lag, p.schedulingLag());
      addIfPresent(toWire, p.toWire());
      addIfPresent(afterAnswer, p.afterAnswer());
      start = p.start().isBefore(start) ? p.start() : start;
      length = p.length().compareTo(length) > 0 ? p.length() : length;
      expected += p.expectedArrivals();
    }
    List<OperationStats> operations = new ArrayList<>(byName.size());
    byName.forEach((name, stats) -> operations.add(OperationStats.sum(name, stats)));
    return new IntervalSnapshot(first.index(), start, length, first.warmUp(), expected, operations,
        sum(lag), sum(toWire), sum(afterAnswer), first.system());
  }

  private static void addIfPresent(List<LatencyDistribution> list, LatencyDistribution d) {
    if (d != null) {
      list.add(d);
    }
  }

  private static LatencyDistribution sum(List<LatencyDistribution> list) {
    return list.isEmpty() ? null : LatencyDistribution.mergeAll(list);
  }
}
