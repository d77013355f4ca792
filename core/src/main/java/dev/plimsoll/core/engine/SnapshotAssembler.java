package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.system.SystemSampler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts what the drivers recorded into interval snapshots: drains the recorder's stripes, turns the
 * drivers' running counts of started and dropped operations into the interval's, adds the
 * arrivals the open-model profiles asked for and a system sample. Keeps the run's totals so far
 * (for progress) and the run-level error log. Used by the collector thread only.
 */
final class SnapshotAssembler {
  private static final int INTERVAL_ERROR_SAMPLES = 3;

  private final String[] operations;
  private final Recorder recorder;
  private final List<Driver> drivers;
  private final List<OpenDriver> openDrivers;
  private final RunState state;
  private Instant startTime;
  private IntervalBoundaries boundaries;
  private final SystemSampler sampler;
  private final ErrorTable[] runErrors;
  private final long[] startedSoFar;
  private final long[] completedSoFar;
  private final long[] droppedReported;
  private long completed;
  private long failed;
  private long dropped;

  SnapshotAssembler(String[] operations, Recorder recorder, List<Driver> drivers, List<OpenDriver> openDrivers,
      RunState state, SystemSampler sampler) {
    this.operations = operations;
    this.recorder = recorder;
    this.drivers = drivers;
    this.openDrivers = openDrivers;
    this.state = state;
    this.sampler = sampler;
    this.runErrors = new ErrorTable[operations.length];
    for (int i = 0; i < operations.length; i++) {
      runErrors[i] = new ErrorTable(operations[i], ErrorClass.MAX_SAMPLES);
    }
    this.startedSoFar = new long[operations.length];
    this.completedSoFar = new long[operations.length];
    this.droppedReported = new long[operations.length];
  }

  /** The instant the run's clock started, and its interval boundaries; before the first cut. */
  void startsAt(Instant start, IntervalBoundaries runBoundaries) {
    startTime = start;
    boundaries = runBoundaries;
  }

  /** The snapshot of interval {@code index}, from {@code fromNanos} to {@code toNanos}. */
  IntervalSnapshot cut(int index, long fromNanos, long toNanos) {
    OperationCells[] cells = new OperationCells[operations.length];
    for (int i = 0; i < operations.length; i++) {
      cells[i] = new OperationCells(operations[i], false);
    }
    GeneratorCells generator = new GeneratorCells(false);
    for (Stripe s : recorder.stripes()) {
      s.drainInto(cells, generator);
    }
    boolean warmUp = boundaries.inWarmUp(toNanos);
    List<OperationStats> ops = new ArrayList<>(operations.length);
    for (int i = 0; i < operations.length; i++) {
      ops.add(operation(i, cells[i], warmUp));
    }
    double expected = 0;
    for (OpenDriver d : openDrivers) {
      expected += d.plan().expectedArrivals(state.secondsSinceStart(fromNanos), state.secondsSinceStart(toNanos));
    }
    SystemSample system = sampler.sample();
    Instant start = startTime.plusNanos(fromNanos - state.startNanos);
    return new IntervalSnapshot(index, start, Duration.ofNanos(toNanos - fromNanos), warmUp, expected, ops,
        LatencyDistribution.of(generator.lag), LatencyDistribution.of(generator.toWire),
        LatencyDistribution.of(generator.afterAnswer), system);
  }

  private OperationStats operation(int i, OperationCells c, boolean warmUp) {
    // The drivers count started and dropped operations over the whole run.
    long startedTotal = 0;
    long droppedTotal = 0;
    for (Driver d : drivers) {
      startedTotal += d.started(i);
      droppedTotal += d.dropped(i);
    }
    long startedNow = startedTotal - startedSoFar[i];
    startedSoFar[i] = startedTotal;
    long droppedNow = droppedTotal - droppedReported[i];
    droppedReported[i] = droppedTotal;
    long completedNow = c.succeeded + c.failed;
    completedSoFar[i] += completedNow;
    long inFlight = Math.max(0, startedTotal - completedSoFar[i]);
    completed += completedNow;
    failed += c.failed;
    dropped += droppedNow;
    if (!warmUp) {
      runErrors[i].addAll(c.errors);
    }
    return new OperationStats(operations[i], startedNow, c.succeeded, c.failed, droppedNow, inFlight,
        LatencyDistribution.of(c.responseTime), LatencyDistribution.of(c.serviceTime),
        c.errors.toErrorClasses(INTERVAL_ERROR_SAMPLES));
  }

  /** Every error class of the measured part of the run, with up to {@link ErrorClass#MAX_SAMPLES} samples. */
  List<ErrorClass> runErrors() {
    List<ErrorClass> errors = new ArrayList<>();
    for (ErrorTable t : runErrors) {
      errors.addAll(t.toErrorClasses(ErrorClass.MAX_SAMPLES));
    }
    return errors;
  }

  /** Operations completed so far, warm-up included. */
  long completed() {
    return completed;
  }

  /** Operations failed so far, warm-up included. */
  long failed() {
    return failed;
  }

  /** Arrivals dropped so far, warm-up included. */
  long dropped() {
    return dropped;
  }
}
