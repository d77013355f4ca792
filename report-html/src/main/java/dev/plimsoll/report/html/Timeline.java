package dev.plimsoll.report.html;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.result.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts over time, read in one walk over a run's intervals. The intervals may be a
 * disk-backed list whose every {@code get} decodes one interval, so each is read once and let go;
 * what is kept is already downsampled ({@link Envelope}), so memory follows the chart size, not
 * the run's length. Only the summaries stored with each distribution are read, never the
 * histograms themselves, which would cost a decode per interval and operation.
 */
final class Timeline {

  /** Percentiles drawn over time, as {@link LatencyStats} holds them; the names are the switches'. */
  static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "max");

  /** Error classes drawn apart over time, the largest of the run; the rest are drawn as one. */
  static final int ERROR_CLASSES_SHOWN = 8;

  private static final double MIB = 1024.0 * 1024.0;

  private final int bucketSize;
  private final Instant origin;
  private final List<String> operations;
  private final Map<String, Integer> operationIndex = new HashMap<>();
  private final boolean withTotals;
  private final List<Envelope> all = new ArrayList<>();

  private final Envelope[] succeeded;
  private final Envelope[] failed;
  private final Envelope[] dropped;
  private final Envelope[][] response;
  private final Envelope[][] service;
  private final Envelope succeededTotal;
  private final Envelope failedTotal;
  private final Envelope droppedTotal;
  private final Envelope inFlight;
  private final Envelope targetRate;
  private final Envelope achievedRate;
  private final List<String> errorKeys = new ArrayList<>();
  private final List<String> errorLabels = new ArrayList<>();
  private final Map<String, Integer> errorIndex = new HashMap<>();
  private final Envelope[] errors;
  private final Envelope otherErrors;
  private final Envelope processCpu;
  private final Envelope machineCpu;
  private final Envelope heapUsed;
  private final Envelope heapCommitted;
  private final Envelope rss;
  private final Envelope gcPause;
  private final Envelope gcCount;
  private final Knee knee;

  private boolean anyError;
  private boolean anyTarget;
  private int inBucket;
  private double bucketFirstX;
  private double bucketLastX;
  private final List<Double> xs = new ArrayList<>();

  private Timeline(RunResult result, List<String> operations, Instant origin, int bucketSize) {
    this.bucketSize = bucketSize;
    this.origin = origin;
    this.operations = operations;
    this.withTotals = operations.size() > 1;
    for (int i = 0; i < operations.size(); i++) {
      operationIndex.putIfAbsent(operations.get(i), i);
    }
    int n = operations.size();
    succeeded = envelopes(n);
    failed = envelopes(n);
    dropped = envelopes(n);
    response = new Envelope[n][];
    service = new Envelope[n][];
    for (int i = 0; i < n; i++) {
      response[i] = envelopes(PERCENTILES.size());
      service[i] = envelopes(PERCENTILES.size());
    }
    succeededTotal = envelope();
    failedTotal = envelope();
    droppedTotal = envelope();
    inFlight = envelope();
    targetRate = envelope();
    achievedRate = envelope();
    for (ErrorClass error : result.errors()) {
      if (errorKeys.size() == ERROR_CLASSES_SHOWN) {
        break;
      }
      if (errorIndex.putIfAbsent(error.key(), errorKeys.size()) == null) {
        errorKeys.add(error.key());
        errorLabels.add(error.operation() + " · " + shortType(error.type()) + ": " + error.message());
      }
    }
    errors = envelopes(errorKeys.size());
    otherErrors = envelope();
    processCpu = envelope();
    machineCpu = envelope();
    heapUsed = envelope();
    heapCommitted = envelope();
    rss = envelope();
    gcPause = envelope();
    gcCount = envelope();
    knee = new Knee(operations);
  }

  /**
   * Reads the intervals of {@code result}, keeping at most about {@code maxPoints} points per
   * series, and returns the charts over time, then the chart of response time against
   * throughput.
   */
  static List<Chart> charts(RunResult result, List<String> operations, Instant origin,
      int maxPoints) {
    List<IntervalSnapshot> intervals = result.intervals();
    int n = intervals.size();
    // Two points (min and max) per bucket of intervals once there are more intervals than points.
    int bucketSize = n <= maxPoints ? 1 : (int) Math.ceil(n / (maxPoints / 2.0));
    Timeline timeline = new Timeline(result, operations, origin, bucketSize);
    for (int i = 0; i < n; i++) {
      timeline.add(intervals.get(i));
    }
    timeline.closeBucket();
    return timeline.build();
  }

  private void add(IntervalSnapshot interval) {
    double lengthS = interval.length() == null ? 0 : interval.length().toNanos() / 1e9;
    double at = seconds(interval.start());
    if (inBucket == 0) {
      bucketFirstX = at;
    }
    bucketLastX = at;
    long ok = 0;
    long bad = 0;
    long drop = 0;
    long running = 0;
    double[] okRates = new double[operations.size()];
    double[] badRates = new double[operations.size()];
    double[] dropRates = new double[operations.size()];
    double[] errorCounts = new double[errorKeys.size()];
    double otherCount = 0;
    LatencyStats[] responseStats = new LatencyStats[operations.size()];
    LatencyStats[] serviceStats = new LatencyStats[operations.size()];
    for (OperationStats op : interval.operations()) {
      Integer k = operationIndex.get(op.name());
      ok += op.succeeded();
      bad += op.failed();
      drop += op.dropped();
      running += op.inFlight();
      for (ErrorClass error : op.errors()) {
        Integer e = errorIndex.get(error.key());
        if (e != null) {
          errorCounts[e] += error.count();
        } else {
          otherCount += error.count();
        }
        anyError |= error.count() > 0;
      }
      if (k == null) {
        continue;
      }
      okRates[k] += rate(op.succeeded(), lengthS);
      badRates[k] += rate(op.failed(), lengthS);
      dropRates[k] += rate(op.dropped(), lengthS);
      responseStats[k] = op.responseTime() == null ? null : op.responseTime().stats();
      serviceStats[k] = op.serviceTime() == null ? null : op.serviceTime().stats();
    }
    for (int k = 0; k < operations.size(); k++) {
      succeeded[k].add(okRates[k]);
      failed[k].add(badRates[k]);
      dropped[k].add(dropRates[k]);
      addPercentiles(response[k], responseStats[k]);
      addPercentiles(service[k], serviceStats[k]);
    }
    succeededTotal.add(rate(ok, lengthS));
    failedTotal.add(rate(bad, lengthS));
    droppedTotal.add(rate(drop, lengthS));
    inFlight.add(running);
    anyTarget |= interval.expectedArrivals() > 0;
    targetRate.add(interval.expectedArrivals() > 0 ? rate(interval.expectedArrivals(), lengthS)
        : Double.NaN);
    achievedRate.add(rate(ok + bad, lengthS));
    for (int e = 0; e < errors.length; e++) {
      errors[e].add(rate(errorCounts[e], lengthS));
    }
    otherErrors.add(rate(otherCount, lengthS));
    addSystem(interval.system() == null ? SystemSample.UNKNOWN : interval.system());
    if (!interval.warmUp() && ok + bad > 0) {
      knee.add(rate(ok + bad, lengthS), responseStats);
    }
    if (++inBucket == bucketSize) {
      closeBucket();
    }
  }

  private void addSystem(SystemSample system) {
    processCpu.add(known(system.processCpu()) * 100);
    machineCpu.add(known(system.machineCpu()) * 100);
    heapUsed.add(known(system.heapUsedBytes()) / MIB);
    heapCommitted.add(known(system.heapCommittedBytes()) / MIB);
    rss.add(known(system.rssBytes()) / MIB);
    gcPause.add(known(system.gcPauseMs()));
    gcCount.add(known(system.gcCount()));
  }

  private static void addPercentiles(Envelope[] envelopes, LatencyStats stats) {
    boolean none = stats == null || stats.count() == 0;
    envelopes[0].add(none ? Double.NaN : stats.p50Ms());
    envelopes[1].add(none ? Double.NaN : stats.p90Ms());
    envelopes[2].add(none ? Double.NaN : stats.p99Ms());
    envelopes[3].add(none ? Double.NaN : stats.maxMs());
  }

  private void closeBucket() {
    if (inBucket == 0) {
      return;
    }
    int count = inBucket == 1 ? 1 : 2;
    xs.add(bucketFirstX);
    if (count == 2) {
      xs.add(bucketLastX);
    }
    for (Envelope envelope : all) {
      envelope.closeBucket(count);
    }
    inBucket = 0;
  }

  private List<Chart> build() {
    if (xs.isEmpty()) {
      return List.of();
    }
    double[] xValues = xs.stream().mapToDouble(Double::doubleValue).toArray();
    List<Chart> charts = new ArrayList<>();
    charts.add(throughputChart(xValues));
    charts.add(latencyChart("latency", "Response time (from the intended start)", response, xValues));
    charts.add(latencyChart("service", "Service time (from the actual start)", service, xValues));
    if (anyError) {
      charts.add(errorsChart(xValues));
    }
    charts.add(loadChart(xValues));
    knee.chart().ifPresent(charts::add);
    charts.add(systemChart("cpu", "CPU", "%", xValues,
        series("process", 0, false, processCpu), series("machine", 1, false, machineCpu)));
    charts.add(systemChart("memory", "Memory", "MiB", xValues,
        series("heap used", 0, false, heapUsed), series("heap committed", 1, false, heapCommitted),
        series("RSS", 2, false, rss)));
    charts.add(new Chart("gc", "Garbage collection", "time", "ms", "collections", xValues,
        present(series("pause ms", 0, false, gcPause), series("collections", 1, true, gcCount))));
    charts.removeIf(chart -> chart.series().isEmpty());
    return charts;
  }

  private Chart throughputChart(double[] xValues) {
    List<Chart.Series> series = new ArrayList<>();
    if (withTotals) {
      series.add(new Chart.Series("all succeeded", "", -1, false, true, succeededTotal.points()));
      series.add(new Chart.Series("all failed", "", -2, false, true, failedTotal.points()));
      series.add(new Chart.Series("all dropped", "", -3, false, true, droppedTotal.points()));
    }
    for (int k = 0; k < operations.size(); k++) {
      String name = operations.get(k);
      series.add(new Chart.Series(name + " succeeded", "", k, false, true, succeeded[k].points()));
      series.add(new Chart.Series(name + " failed", "failed", k, false, true, failed[k].points()));
      series.add(new Chart.Series(name + " dropped", "dropped", k, false, !withTotals,
          dropped[k].points()));
    }
    return new Chart("throughput", "Throughput", "time", "ops/s", null, xValues, series);
  }

  private Chart latencyChart(String id, String title, Envelope[][] byOperation, double[] xValues) {
    List<Chart.Series> series = new ArrayList<>();
    for (int k = 0; k < operations.size(); k++) {
      for (int p = 0; p < PERCENTILES.size(); p++) {
        Envelope envelope = byOperation[k][p];
        if (envelope.hasValues()) {
          series.add(new Chart.Series(operations.get(k) + " " + PERCENTILES.get(p),
              PERCENTILES.get(p), k, false, true, envelope.points()));
        }
      }
    }
    return new Chart(id, title, "time", "ms", null, xValues, series);
  }

  private Chart errorsChart(double[] xValues) {
    List<Chart.Series> series = new ArrayList<>();
    for (int e = 0; e < errors.length; e++) {
      series.add(new Chart.Series(truncate(errorLabels.get(e)), "", e, false, true, errors[e].points()));
    }
    series.add(new Chart.Series(errorKeys.isEmpty() ? "errors" : "other errors", "", errors.length,
        false, true, otherErrors.points()));
    return new Chart("errors", "Errors by class", "time", "errors/s", null, xValues, series);
  }

  private Chart loadChart(double[] xValues) {
    List<Chart.Series> series = new ArrayList<>();
    series.add(new Chart.Series("in flight", "", 0, false, true, inFlight.points()));
    if (anyTarget) {
      series.add(new Chart.Series("target rate", "", 1, true, true, targetRate.points()));
    }
    series.add(new Chart.Series("completed rate", "", 2, true, true, achievedRate.points()));
    return new Chart("load", "In flight and target rate", "time", "in flight", "ops/s", xValues,
        series);
  }

  private static Chart systemChart(String id, String title, String unit, double[] xValues,
      Chart.Series... series) {
    return new Chart(id, title, "time", unit, null, xValues, present(series));
  }

  private static Chart.Series series(String label, int colour, boolean right, Envelope envelope) {
    return envelope.hasValues()
        ? new Chart.Series(label, "", colour, right, true, envelope.points()) : null;
  }

  private static List<Chart.Series> present(Chart.Series... series) {
    List<Chart.Series> present = new ArrayList<>();
    for (Chart.Series s : series) {
      if (s != null) {
        present.add(s);
      }
    }
    return present;
  }

  private double seconds(Instant instant) {
    if (instant == null || origin == null) {
      return xs.isEmpty() && inBucket == 0 ? 0 : bucketLastX + 1;
    }
    return (instant.getEpochSecond() - origin.getEpochSecond())
        + (instant.getNano() - origin.getNano()) / 1e9;
  }

  private static double rate(double count, double lengthS) {
    return lengthS > 0 ? count / lengthS : Double.NaN;
  }

  /** A system value, NaN when it could not be read (negative). */
  private static double known(double value) {
    return value < 0 ? Double.NaN : value;
  }

  private static String shortType(String type) {
    if (type == null) {
      return "";
    }
    int dot = type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(dot + 1);
  }

  private static String truncate(String label) {
    return label.length() <= 120 ? label : label.substring(0, 119) + "…";
  }

  private Envelope envelope() {
    Envelope envelope = new Envelope();
    all.add(envelope);
    return envelope;
  }

  private Envelope[] envelopes(int n) {
    Envelope[] envelopes = new Envelope[n];
    for (int i = 0; i < n; i++) {
      envelopes[i] = envelope();
    }
    return envelopes;
  }
}
