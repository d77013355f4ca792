package dev.plimsoll.cluster.internal;

import dev.plimsoll.cluster.FleetReport;
import dev.plimsoll.cluster.WorkerReport;
import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.criteria.Comparison;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The workers of one run and what each did: its segment, its start, its intervals, whether it was
 * lost. Turns into the run's {@link FleetReport} and, when a worker was lost, the verdict that
 * marks the run degraded.
 *
 * @param <W> how workers are told apart
 */
public final class Fleet<W> {
  /**
   * How late after the planned instant a worker may begin before it is called late, in a notice on
   * both sides (its report always says how late it was): a tenth of the default one-second interval.
   * A prepared worker wakes within milliseconds of the instant; a later one was not ready in time,
   * or its machine could not run it.
   */
  static final Duration LATE_START = Duration.ofMillis(100);

  /** What is known of one worker. */
  static final class Member {
    final String address;
    final LoadSegment segment;
    String host = "?";
    Instant startedAt;
    int intervals;
    long completed;
    long dropped;
    double peakCpu = Double.NaN;
    Instant lostAt;
    int lostFromInterval = -1;
    boolean finished;

    Member(String address, LoadSegment segment) {
      this.address = address;
      this.segment = segment;
    }
  }

  private final Map<W, Member> members = new LinkedHashMap<>();
  private Instant plannedStart;

  /** Adds the workers in segment order. */
  public Fleet(List<W> workers, List<String> addresses, List<LoadSegment> segments) {
    for (int i = 0; i < workers.size(); i++) {
      members.put(workers.get(i), new Member(addresses.get(i), segments.get(i)));
    }
  }

  Member get(W worker) {
    return members.get(worker);
  }

  Map<W, Member> members() {
    return members;
  }

  void plannedStart(Instant at) {
    plannedStart = at;
  }

  /** A worker began its load at {@code at} (its clock); says so if that was late. */
  void started(W worker, Instant at, Consumer<String> notices) {
    Member m = members.get(worker);
    if (m == null) {
      return;
    }
    m.startedAt = at;
    Duration lateness = plannedStart == null ? Duration.ZERO : Duration.between(plannedStart, at);
    if (late(lateness)) {
      notices.accept("worker " + m.address + " (" + m.host + ", " + m.segment.describe() + ") began its load "
          + millis(lateness) + " after the planned start; the result lists every worker's start");
    }
  }

  /** Whether a start {@code lateness} after the planned instant is late. */
  static boolean late(Duration lateness) {
    return lateness.compareTo(LATE_START) > 0;
  }

  static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }

  /** A worker's interval arrived: its counts and CPU join the worker's record (on the coordinator's thread, once per snapshot). */
  public void interval(W worker, IntervalSnapshot s) {
    Member m = members.get(worker);
    m.intervals++;
    // Counted per operation: total() would merge every histogram only to add two counts.
    for (OperationStats op : s.operations()) {
      m.completed += op.completed();
      m.dropped += op.dropped();
    }
    if (s.system() != null && !Double.isNaN(s.system().processCpu())) {
      m.peakCpu = Double.isNaN(m.peakCpu) ? s.system().processCpu() : Math.max(m.peakCpu, s.system().processCpu());
    }
  }

  /** Marks a worker lost, unless it had finished; returns whether it was newly lost. */
  boolean lose(W worker, Instant at, int fromInterval) {
    Member m = members.get(worker);
    if (m == null || m.finished || m.lostAt != null) {
      return false;
    }
    m.lostAt = at;
    m.lostFromInterval = fromInterval;
    return true;
  }

  /** Workers not lost (running, or finished). */
  long remaining() {
    return members.values().stream().filter(m -> m.lostAt == null).count();
  }

  FleetReport report() {
    List<WorkerReport> workers = new ArrayList<>();
    Instant earliest = null;
    Instant latest = null;
    for (Member m : members.values()) {
      if (m.startedAt != null) {
        earliest = earliest == null || m.startedAt.isBefore(earliest) ? m.startedAt : earliest;
        latest = latest == null || m.startedAt.isAfter(latest) ? m.startedAt : latest;
      }
      Duration skew = m.startedAt == null || plannedStart == null ? null : Duration.between(plannedStart, m.startedAt);
      workers.add(new WorkerReport(m.address, m.host, m.segment.describe(), m.segment.share(), skew, m.intervals,
          m.completed, m.dropped, m.peakCpu, m.lostAt, m.lostFromInterval));
    }
    return new FleetReport(workers, earliest == null ? Duration.ZERO : Duration.between(earliest, latest));
  }

  /**
   * The verdict of a degraded run: failed, measuring the share of the load that ran to the end,
   * naming each lost worker, when it was lost and its share. None when every worker ran to the end.
   */
  static List<Verdict> verdicts(FleetReport fleet, Instant runStart) {
    if (!fleet.degraded()) {
      return List.of();
    }
    StringBuilder detail = new StringBuilder();
    for (WorkerReport w : fleet.workers()) {
      if (w.lost()) {
        if (!detail.isEmpty()) {
          detail.append("; ");
        }
        Duration after = runStart == null ? Duration.ZERO : Duration.between(runStart, w.lostAt());
        detail.append("worker ").append(w.address()).append(" (").append(w.host()).append(", ")
            .append(percent(w.share())).append(" of the load) lost ")
            .append(after.isNegative() ? "before the start" : Units.formatDuration(after.withNanos(0)) + " into the run")
            .append(", from interval ").append(w.lostFromInterval());
      }
    }
    double ran = 1 - fleet.lostShare();
    String source = "cluster: every worker runs its share to the end";
    Criterion criterion = new Criterion(source, null, Metric.THROUGHPUT_OF_TARGET, Comparison.GREATER_OR_EQUAL, 1, false);
    return List.of(new Verdict(criterion, ran, false,
        "degraded: " + percent(fleet.lostShare()) + " of the load lost (" + detail + ")"));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
