package dev.plimsoll.core.engine;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorClasses;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationSnapshot;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.SystemSummary;
import dev.plimsoll.core.system.LiveHeap;
import dev.plimsoll.core.system.SystemSummaries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Builds a run's result from its intervals as they come, so that a provisional result (for
 * abort-on-fail criteria) costs no more than the final one. Run-level error classes come from the
 * engine's own error log, which keeps the first samples of the whole run rather than of each
 * interval.
 */
public final class RunAccumulator {
  private final ScenarioDescription scenario;
  private final EnvironmentInfo environment;
  private final String[] operations;
  private final Histogram[] response;
  private final Histogram[] service;
  private final long[] started;
  private final long[] succeeded;
  private final long[] failed;
  private final long[] dropped;
  private final Histogram lag = LatencyDistribution.newFullRangeHistogram();
  private final List<IntervalSnapshot> intervals = new ArrayList<>();
  private final List<IntervalSnapshot> measured = new ArrayList<>();
  private final List<LiveHeap> liveHeap = new ArrayList<>();
  private final Instant startTime;
  private Duration measuredDuration = Duration.ZERO;

  public RunAccumulator(
      ScenarioDescription scenario, EnvironmentInfo environment, String[] operations, Instant startTime) {
    this.scenario = scenario;
    this.environment = environment;
    this.operations = operations.clone();
    this.startTime = startTime;
    int n = operations.length;
    response = new Histogram[n];
    service = new Histogram[n];
    for (int i = 0; i < n; i++) {
      // Full range from the start: these live for the whole run, and must not grow in it.
      response[i] = LatencyDistribution.newFullRangeHistogram();
      service[i] = LatencyDistribution.newFullRangeHistogram();
    }
    started = new long[n];
    succeeded = new long[n];
    failed = new long[n];
    dropped = new long[n];
  }

  /** A reading of live heap taken around the run, for memory growth. */
  public void addLiveHeap(LiveHeap reading) {
    liveHeap.add(reading);
  }

  public void add(IntervalSnapshot interval) {
    intervals.add(interval);
    if (interval.warmUp()) {
      return;
    }
    measured.add(interval);
    measuredDuration = measuredDuration.plus(interval.length());
    lag.add(interval.schedulingLag().toHistogram());
    for (int i = 0; i < operations.length; i++) {
      OperationSnapshot op = interval.operation(operations[i]);
      started[i] += op.started();
      succeeded[i] += op.succeeded();
      failed[i] += op.failed();
      dropped[i] += op.dropped();
      if (op.responseTime().count() > 0) {
        response[i].add(op.responseTime().toHistogram());
        service[i].add(op.serviceTime().toHistogram());
      }
    }
  }

  public boolean hasMeasuredData() {
    return !measured.isEmpty();
  }

  /** The result so far, with the given error classes, outcome and verdicts. */
  public RunResult result(
      List<ErrorClass> errors, RunStatus status, String stopReason, Instant endTime, List<Verdict> verdicts) {
    double seconds = measuredDuration.toNanos() / 1e9;
    List<OperationStats> stats = new ArrayList<>(operations.length);
    Histogram totalResponse = LatencyDistribution.newHistogram();
    Histogram totalService = LatencyDistribution.newHistogram();
    long[] sums = new long[4];
    for (int i = 0; i < operations.length; i++) {
      String name = operations[i];
      List<ErrorClass> own = errors.stream().filter(e -> e.operation().equals(name)).toList();
      stats.add(stats(name, started[i], succeeded[i], failed[i], dropped[i], seconds,
          LatencyDistribution.of(response[i]), LatencyDistribution.of(service[i]), own));
      totalResponse.add(response[i]);
      totalService.add(service[i]);
      sums[0] += started[i];
      sums[1] += succeeded[i];
      sums[2] += failed[i];
      sums[3] += dropped[i];
    }
    List<ErrorClass> allErrors = ErrorClasses.merge(List.of(errors));
    OperationStats total = stats("total", sums[0], sums[1], sums[2], sums[3], seconds,
        LatencyDistribution.of(totalResponse), LatencyDistribution.of(totalService), allErrors);
    SystemSummary system = SystemSummaries.of(measured, liveHeap);
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        scenario.name(),
        status,
        stopReason,
        startTime,
        endTime,
        measuredDuration,
        scenario,
        environment,
        total,
        stats,
        intervals,
        verdicts,
        allErrors,
        system,
        health(sums[3], system));
  }

  private static OperationStats stats(String name, long started, long succeeded, long failed, long dropped,
      double seconds, LatencyDistribution response, LatencyDistribution service, List<ErrorClass> errors) {
    long completed = succeeded + failed;
    return new OperationStats(name, started, succeeded, failed, dropped,
        seconds > 0 ? completed / seconds : 0,
        completed > 0 ? (double) failed / completed : 0,
        response, service, errors);
  }

  private GeneratorHealth health(long droppedArrivals, SystemSummary system) {
    LatencyDistribution lagDistribution = LatencyDistribution.of(lag);
    List<String> reasons = new ArrayList<>();
    double lagP99 = lagDistribution.stats().p99Ms();
    if (lagP99 > GeneratorHealth.LAG_P99_LIMIT_MS) {
      reasons.add(String.format("scheduling lag p99 was %.2f ms (limit %.1f ms)", lagP99, GeneratorHealth.LAG_P99_LIMIT_MS));
    }
    if (droppedArrivals > 0) {
      reasons.add(droppedArrivals + " arrivals were dropped at the in-flight limit");
    }
    if (system.processCpuPeak() >= GeneratorHealth.CPU_SATURATION) {
      reasons.add(String.format("the generator process used %.0f%% of the machine's CPU", system.processCpuPeak() * 100));
    }
    return new GeneratorHealth(!reasons.isEmpty(), reasons, lagDistribution, droppedArrivals, system.processCpuPeak());
  }
}
