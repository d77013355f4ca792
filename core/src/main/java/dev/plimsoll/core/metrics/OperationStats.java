package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * One operation's numbers (or all operations' together) over a stretch of time: one interval, a
 * run's measured window, or any merge of them. Only counts, the in-flight gauge, latency
 * distributions and error classes are kept; what follows from them (completions, error rate,
 * throughput over a window) is computed, so a merge can never disagree with its parts.
 *
 * <p>Two ways to combine them, which differ only in the in-flight gauge: {@link #merge} joins
 * consecutive stretches of one operation and keeps the later gauge, so a run's summary is the
 * merge of its measured intervals; {@link #sum} joins the same stretch seen by several sources
 * (the operations of one interval into its total, or one interval's snapshots from several
 * machines) and adds the gauges.
 *
 * @param name the operation's name ({@code "total"} for all operations together)
 * @param started operations started
 * @param succeeded operations that completed without error
 * @param failed operations that completed with an error
 * @param dropped open-model arrivals that were not started because the in-flight bound was reached
 * @param inFlight operations running at the end of the stretch (a gauge)
 * @param responseTime latency from the intended start to completion, of operations completed in
 *     the stretch
 * @param serviceTime latency from the actual start to completion
 * @param errors the error classes
 */
public record OperationStats(
    String name,
    long started,
    long succeeded,
    long failed,
    long dropped,
    long inFlight,
    LatencyDistribution responseTime,
    LatencyDistribution serviceTime,
    List<ErrorClass> errors) {

  public OperationStats {
    errors = List.copyOf(errors);
  }

  /** Nothing measured, under {@code name}. */
  public static OperationStats empty(String name) {
    return new OperationStats(
        name, 0, 0, 0, 0, 0, LatencyDistribution.empty(), LatencyDistribution.empty(), List.of());
  }

  /**
   * The same stretch of time seen by several sources, under {@code name}: counts, in-flight gauges
   * and distributions add, error classes merge.
   */
  public static OperationStats sum(String name, Collection<OperationStats> concurrent) {
    StatsMerger sum = new StatsMerger(name);
    concurrent.forEach(sum::addAlongside);
    return sum.result();
  }

  /** Operations that completed, with or without error. */
  public long completed() {
    return succeeded + failed;
  }

  /** Failed / completed, 0–1; 0 when nothing completed. */
  public double errorRate() {
    long completed = completed();
    return completed > 0 ? (double) failed / completed : 0;
  }

  /**
   * Completions per second of {@code window}, the time these numbers cover (an interval's length,
   * a run's measured duration); 0 for an empty window, NaN for an unknown (null) one, as a result
   * file may have.
   */
  public double throughputPerSecond(Duration window) {
    if (window == null) {
      return Double.NaN;
    }
    double seconds = window.toNanos() / 1e9;
    return seconds > 0 ? completed() / seconds : 0;
  }

  /**
   * This operation over this stretch of time followed by {@code later}: counts and distributions
   * add, error classes merge, and the in-flight gauge is the later one's.
   */
  public OperationStats merge(OperationStats later) {
    return new StatsMerger(name).add(this).add(later).result();
  }

  /** A copy with other error classes, such as a run's own log, which keeps more samples. */
  public OperationStats withErrors(List<ErrorClass> newErrors) {
    return new OperationStats(name, started, succeeded, failed, dropped, inFlight, responseTime,
        serviceTime, newErrors);
  }
}
