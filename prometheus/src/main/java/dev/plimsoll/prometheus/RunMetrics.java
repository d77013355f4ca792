package dev.plimsoll.prometheus;

import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.result.GeneratorHealth;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run has measured so far, as the Prometheus metrics show it: counts since the run started,
 * latencies in cumulative buckets, and the latest interval's gauges. The engine's collector thread
 * {@link #add}s each interval; a scrape reads the latest {@link Snapshot}, an immutable value
 * published whole, so one scrape never mixes two intervals.
 */
final class RunMetrics {

  /** The percentiles of the latest interval shown as gauges, as Prometheus quantiles (0–1). */
  static final double[] QUANTILES = {0.5, 0.9, 0.99, 1.0};

  /** Operations as late as the limit, at least this many in an interval, count as a bottleneck sign. */
  private static final int MIN_LATE = 10;

  /** The generator's first second is its start-up, when late operations say nothing. */
  private static final Duration START_UP = Duration.ofSeconds(1);

  private final String scenario;
  private final Map<String, Operation> operations = new LinkedHashMap<>();
  private long gcCollections;
  private double gcPauseSeconds;
  private long intervals;
  private volatile Snapshot latest;

  RunMetrics(String scenario) {
    this.scenario = scenario;
    this.latest = new Snapshot(scenario, List.of(), 0, 0, 0, 0, 0, false, false, Double.NaN, false,
        SystemSample.UNKNOWN, 0, 0);
  }

  Snapshot latest() {
    return latest;
  }

  /** Adds an interval; called on the engine's collector thread only. */
  void add(IntervalSnapshot interval, RunProgress progress) {
    for (OperationStats stats : interval.operations()) {
      operations.computeIfAbsent(stats.name(), Operation::new).add(stats, interval.length());
    }
    SystemSample system = interval.system() == null ? SystemSample.UNKNOWN : interval.system();
    if (system.gcCount() > 0) {
      gcCollections += system.gcCount();
    }
    if (system.gcPauseMs() > 0) {
      gcPauseSeconds += system.gcPauseMs() / 1000;
    }
    intervals++;
    double seconds = interval.length() == null ? 0 : interval.length().toNanos() / 1e9;
    LatencyDistribution lag = interval.schedulingLag();
    double lagP99 = lag == null || lag.count() == 0 ? Double.NaN : lag.stats().p99Ms() / 1000;
    latest = new Snapshot(scenario,
        operations.values().stream().map(Operation::snapshot).toList(),
        intervals, seconds > 0 ? interval.expectedArrivals() / seconds : 0,
        progress.elapsed().toNanos() / 1e9, progress.planned().toNanos() / 1e9, progress.warmUp().toNanos() / 1e9,
        interval.warmUp(), progress.stopping(), lagP99, bottleneckSuspected(interval, progress), system,
        gcCollections, gcPauseSeconds);
  }

  /**
   * A live hint, judged on one interval as the run's own {@link GeneratorHealth} judges the whole
   * run: operations started late by the generator, or its process's CPU saturated.
   */
  private static boolean bottleneckSuspected(IntervalSnapshot interval, RunProgress progress) {
    if (progress.elapsed().compareTo(START_UP) < 0) {
      return false;
    }
    SystemSample system = interval.system();
    if (system != null && system.processCpu() >= GeneratorHealth.CPU_SATURATION) {
      return true;
    }
    return tooLate(interval.schedulingLag()) || tooLate(interval.afterAnswer());
  }

  private static boolean tooLate(LatencyDistribution delays) {
    if (delays == null || delays.count() == 0 || delays.stats().p99Ms() <= GeneratorHealth.LAG_P99_LIMIT_MS) {
      return false;
    }
    long limitNanos = (long) (GeneratorHealth.LAG_P99_LIMIT_MS * 1_000_000);
    var histogram = delays.toHistogram();
    return histogram.getTotalCount() - histogram.getCountBetweenValues(0, limitNanos) >= MIN_LATE;
  }

  /** One operation's running totals; changed on the collector thread only. */
  private static final class Operation {
    final String name;
    long started;
    long succeeded;
    long failed;
    long dropped;
    long inFlight;
    double throughput;
    final LatencyBuckets response = new LatencyBuckets();
    final LatencyBuckets service = new LatencyBuckets();
    double[] responseQuantiles = new double[QUANTILES.length];
    double[] serviceQuantiles = new double[QUANTILES.length];

    Operation(String name) {
      this.name = name;
    }

    void add(OperationStats stats, Duration length) {
      started += stats.started();
      succeeded += stats.succeeded();
      failed += stats.failed();
      dropped += stats.dropped();
      inFlight = stats.inFlight();
      throughput = length == null ? 0 : stats.throughputPerSecond(length);
      response.add(stats.responseTime());
      service.add(stats.serviceTime());
      responseQuantiles = quantiles(stats.responseTime());
      serviceQuantiles = quantiles(stats.serviceTime());
    }

    OperationSnapshot snapshot() {
      return new OperationSnapshot(name, started, succeeded, failed, dropped, inFlight, throughput,
          response.copy(), service.copy(), responseQuantiles, serviceQuantiles);
    }

    /** The latest interval's percentiles in seconds; NaN when nothing completed in it. */
    private static double[] quantiles(LatencyDistribution latencies) {
      double[] values = new double[QUANTILES.length];
      if (latencies == null || latencies.count() == 0) {
        java.util.Arrays.fill(values, Double.NaN);
        return values;
      }
      var histogram = latencies.toHistogram();
      for (int i = 0; i < QUANTILES.length; i++) {
        long nanos = QUANTILES[i] >= 1 ? histogram.getMaxValue() : histogram.getValueAtPercentile(QUANTILES[i] * 100);
        values[i] = nanos / 1e9;
      }
      return values;
    }
  }

  /** One operation as a scrape sees it. */
  record OperationSnapshot(String name, long started, long succeeded, long failed, long dropped, long inFlight,
      double throughputPerSecond, LatencyBuckets responseTime, LatencyBuckets serviceTime,
      double[] responseQuantiles, double[] serviceQuantiles) {}

  /**
   * The run as a scrape sees it, after the latest interval.
   *
   * @param intervals the intervals completed so far
   * @param targetRatePerSecond arrivals per second the open-model profiles asked for in the latest
   *     interval (0 when every workload is closed)
   */
  record Snapshot(String scenario, List<OperationSnapshot> operations, long intervals,
      double targetRatePerSecond, double elapsedSeconds, double plannedSeconds, double warmUpSeconds,
      boolean inWarmUp, boolean stopping, double schedulingLagP99Seconds, boolean bottleneckSuspected,
      SystemSample system, long gcCollections, double gcPauseSeconds) {}
}
