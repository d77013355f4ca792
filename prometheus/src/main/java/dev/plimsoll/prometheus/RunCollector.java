package dev.plimsoll.prometheus;

import static dev.plimsoll.prometheus.MetricNames.OPERATION;
import static dev.plimsoll.prometheus.MetricNames.QUANTILE;

import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.prometheus.RunMetrics.OperationSnapshot;
import dev.plimsoll.prometheus.RunMetrics.Snapshot;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Turns the latest {@link Snapshot} into Prometheus metric families, on each scrape. Everything
 * comes from the interval snapshots the engine hands its listeners, so the counts are exactly the
 * run's: nothing is sampled or recorded twice.
 */
final class RunCollector implements MultiCollector {
  private final Supplier<Snapshot> latest;

  RunCollector(Supplier<Snapshot> latest) {
    this.latest = latest;
  }

  @Override
  public MetricSnapshots collect() {
    Snapshot run = latest.get();
    List<MetricSnapshot> families = new ArrayList<>();
    List<OperationSnapshot> ops = run.operations();
    families.add(counter(MetricNames.STARTED, "Operations started, warm-up included.", ops, OperationSnapshot::started));
    families.add(counter(MetricNames.SUCCEEDED, "Operations that completed without error.", ops, OperationSnapshot::succeeded));
    families.add(counter(MetricNames.FAILED, "Operations that completed with an error.", ops, OperationSnapshot::failed));
    families.add(counter(MetricNames.DROPPED,
        "Open-model arrivals not started because the in-flight bound was reached.", ops, OperationSnapshot::dropped));
    families.add(perOperation(MetricNames.IN_FLIGHT, "Operations running at the end of the latest interval.",
        ops, OperationSnapshot::inFlight));
    families.add(perOperation(MetricNames.THROUGHPUT, "Operations completed per second in the latest interval.",
        ops, OperationSnapshot::throughputPerSecond));
    families.add(histogram(MetricNames.RESPONSE_TIME,
        "Response time: from the intended start to completion, so queueing counts.", ops, OperationSnapshot::responseTime));
    families.add(histogram(MetricNames.SERVICE_TIME,
        "Service time: from the actual start to completion.", ops, OperationSnapshot::serviceTime));
    families.add(quantiles(MetricNames.RESPONSE_TIME_INTERVAL,
        "Response time percentiles of the latest interval (quantile 1 is the maximum).", ops,
        OperationSnapshot::responseQuantiles));
    families.add(quantiles(MetricNames.SERVICE_TIME_INTERVAL,
        "Service time percentiles of the latest interval (quantile 1 is the maximum).", ops,
        OperationSnapshot::serviceQuantiles));
    families.add(gauge(MetricNames.TARGET_RATE,
        "Arrivals per second the open-model profiles asked for in the latest interval (0 when all are closed).",
        run.targetRatePerSecond()));
    families.add(gauge(MetricNames.SCHEDULING_LAG_P99,
        "p99 of how late the generator started operations in the latest interval.", run.schedulingLagP99Seconds()));
    families.add(gauge(MetricNames.BOTTLENECK,
        "1 when the latest interval suggests the load generator, not the system under test, was the limit.",
        run.bottleneckSuspected() ? 1 : 0));
    families.add(GaugeSnapshot.builder().name(MetricNames.RUN_INFO).help("The run being measured.")
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(MetricNames.SCENARIO, run.scenario())).value(1).build())
        .build());
    families.add(gauge(MetricNames.INTERVALS, "Intervals completed so far.", run.intervals()));
    families.add(gauge(MetricNames.ELAPSED, "Time since the run started, at the latest interval.", run.elapsedSeconds()));
    families.add(gauge(MetricNames.PLANNED, "The run's planned duration, warm-up included.", run.plannedSeconds()));
    families.add(gauge(MetricNames.WARM_UP, "1 while the latest interval was in the warm-up.", run.inWarmUp() ? 1 : 0));
    families.add(gauge(MetricNames.STOPPING, "1 once the run is finishing its in-flight operations.", run.stopping() ? 1 : 0));
    system(families, run);
    return new MetricSnapshots(families);
  }

  private static void system(List<MetricSnapshot> families, Snapshot run) {
    SystemSample s = run.system();
    families.add(gauge(MetricNames.PROCESS_CPU, "CPU used by the generator's process, as a fraction of the machine.",
        known(s.processCpu())));
    families.add(gauge(MetricNames.MACHINE_CPU, "CPU used by the whole machine (0-1).", known(s.machineCpu())));
    families.add(gauge(MetricNames.HEAP_USED, "The generator's heap in use.", known(s.heapUsedBytes())));
    families.add(gauge(MetricNames.HEAP_COMMITTED, "The generator's heap committed.", known(s.heapCommittedBytes())));
    families.add(gauge(MetricNames.RSS, "The generator's resident set size.", known(s.rssBytes())));
    families.add(gauge(MetricNames.THREADS, "The generator's live platform threads.", known(s.threadCount())));
    families.add(CounterSnapshot.builder().name(MetricNames.GC_COLLECTIONS).help("Garbage collections in the generator.")
        .dataPoint(CounterDataPointSnapshot.builder().value(run.gcCollections()).build()).build());
    families.add(CounterSnapshot.builder().name(MetricNames.GC_PAUSE).help("Time the generator spent in garbage collection.")
        .dataPoint(CounterDataPointSnapshot.builder().value(run.gcPauseSeconds()).build()).build());
  }

  /** A system value that could not be read is -1 in the sample, and NaN here. */
  private static double known(double value) {
    return value < 0 ? Double.NaN : value;
  }

  private static CounterSnapshot counter(String name, String help, List<OperationSnapshot> ops,
      ToDoubleFunction<OperationSnapshot> value) {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
    for (OperationSnapshot op : ops) {
      b.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of(OPERATION, op.name()))
          .value(value.applyAsDouble(op)).build());
    }
    return b.build();
  }

  private static GaugeSnapshot perOperation(String name, String help, List<OperationSnapshot> ops,
      ToDoubleFunction<OperationSnapshot> value) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    for (OperationSnapshot op : ops) {
      b.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(OPERATION, op.name()))
          .value(value.applyAsDouble(op)).build());
    }
    return b.build();
  }

  private static GaugeSnapshot quantiles(String name, String help, List<OperationSnapshot> ops,
      Function<OperationSnapshot, double[]> values) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    for (OperationSnapshot op : ops) {
      double[] v = values.apply(op);
      for (int i = 0; i < RunMetrics.QUANTILES.length; i++) {
        b.dataPoint(GaugeDataPointSnapshot.builder()
            .labels(Labels.of(OPERATION, op.name(), QUANTILE, Double.toString(RunMetrics.QUANTILES[i])))
            .value(v[i]).build());
      }
    }
    return b.build();
  }

  private static HistogramSnapshot histogram(String name, String help, List<OperationSnapshot> ops,
      Function<OperationSnapshot, LatencyBuckets> buckets) {
    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
    for (OperationSnapshot op : ops) {
      LatencyBuckets latencies = buckets.apply(op);
      b.dataPoint(HistogramDataPointSnapshot.builder().labels(Labels.of(OPERATION, op.name()))
          .classicHistogramBuckets(latencies.toBuckets()).sum(latencies.sumSeconds()).build());
    }
    return b.build();
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
  }
}
