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
import java.util.Optional;

/**
 * Cuts what the drivers recorded into interval snapshots: drains the recorder's stripes, turns the
 * drivers' running counts of started and dropped operations into the interval's, adds the
 * arrivals the open-model profiles asked for and a system sample. Keeps the run's totals so far
 * (for progress) and the run-level error log. Used by the collector thread only.
 *
 * <p>An operation belongs to the window of its intended start, the warm-up or the measured window
 * (see {@code docs/accounting.md}). An interval lies wholly in one window and holds that window's
 * operations that ended while it lasted. A warm-up operation that ends after the warm-up has no
 * warm-up interval left to go to: it is added to the last one, which is then
 * {@linkplain #revisedWarmUp revised}. A measured operation ending before the warm-up's last
 * interval is cut (the collector wakes a moment after the boundary) waits for the first measured
 * interval.
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
  /** Yields the core between pieces of a cut ({@link Courtesy}); the engine's listeners share it. */
  private final Courtesy courtesy;
  private final ErrorTable[] runErrors;
  /** Drained but not yet in a snapshot, by window and operation. */
  private final OperationCells[][] pending;
  private final GeneratorCells[] pendingGenerator;
  /** Started and dropped operations already put in a snapshot, by window and operation. */
  private final long[][] startedReported;
  private final long[][] droppedReported;
  /** Operations ended so far, whatever their window: for the in-flight gauge. */
  private final long[] completedSoFar;
  /** The last warm-up interval as cut, for {@link #revisedWarmUp}. */
  private IntervalSnapshot lastWarmUp;
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
    this.courtesy = new Courtesy(state.clock);
    this.runErrors = new ErrorTable[operations.length];
    for (int i = 0; i < operations.length; i++) {
      runErrors[i] = new ErrorTable(operations[i], ErrorClass.MAX_SAMPLES);
    }
    this.pending = new OperationCells[RunState.WINDOWS][operations.length];
    this.pendingGenerator = new GeneratorCells[RunState.WINDOWS];
    for (int w = 0; w < RunState.WINDOWS; w++) {
      for (int i = 0; i < operations.length; i++) {
        pending[w][i] = new OperationCells(operations[i], false);
      }
      pendingGenerator[w] = new GeneratorCells(false);
    }
    this.startedReported = new long[RunState.WINDOWS][operations.length];
    this.droppedReported = new long[RunState.WINDOWS][operations.length];
    this.completedSoFar = new long[operations.length];
  }

  Courtesy courtesy() {
    return courtesy;
  }

  /** The instant the run's clock started, and its interval boundaries; before the first cut. */
  void startsAt(Instant start, IntervalBoundaries runBoundaries) {
    startTime = start;
    boundaries = runBoundaries;
  }

  /** The snapshot of interval {@code index}, from {@code fromNanos} to {@code toNanos}. */
  IntervalSnapshot cut(int index, long fromNanos, long toNanos) {
    courtesy.pause();
    drain();
    boolean warmUp = boundaries.inWarmUp(toNanos);
    int window = warmUp ? RunState.WARM_UP : RunState.MEASURED;
    List<OperationStats> ops = new ArrayList<>(operations.length);
    for (int i = 0; i < operations.length; i++) {
      ops.add(operation(window, i));
      courtesy.pause();
    }
    GeneratorCells generator = pendingGenerator[window];
    double expected = 0;
    for (OpenDriver d : openDrivers) {
      // This process's share of them, when the load is split across machines.
      expected += d.plan().expectedArrivals(state.secondsSinceStart(fromNanos), state.secondsSinceStart(toNanos))
          * d.share();
    }
    SystemSample system = sampler.sample();
    courtesy.pause();
    Instant start = startTime.plusNanos(fromNanos - state.startNanos);
    IntervalSnapshot snapshot = new IntervalSnapshot(index, start, Duration.ofNanos(toNanos - fromNanos), warmUp,
        expected, ops, LatencyDistribution.of(generator.lag), LatencyDistribution.of(generator.toWire),
        LatencyDistribution.of(generator.afterAnswer), system);
    generator.reset();
    if (warmUp) {
      lastWarmUp = snapshot;
    }
    return snapshot;
  }

  /** Moves everything the stripes recorded into the pending cells of its window. */
  private void drain() {
    OperationCells[][] drained = new OperationCells[RunState.WINDOWS][operations.length];
    GeneratorCells[] drainedGenerator = new GeneratorCells[RunState.WINDOWS];
    for (int w = 0; w < RunState.WINDOWS; w++) {
      for (int i = 0; i < operations.length; i++) {
        drained[w][i] = new OperationCells(operations[i], false);
      }
      drainedGenerator[w] = new GeneratorCells(false);
    }
    for (Stripe s : recorder.stripes()) {
      s.drainInto(drained, drainedGenerator);
      courtesy.pause();
    }
    for (int w = 0; w < RunState.WINDOWS; w++) {
      for (int i = 0; i < operations.length; i++) {
        OperationCells c = drained[w][i];
        completedSoFar[i] += c.succeeded + c.failed;
        completed += c.succeeded + c.failed;
        failed += c.failed;
        pending[w][i].addAll(c);
        courtesy.pause();
      }
      pendingGenerator[w].addAll(drainedGenerator[w]);
      courtesy.pause();
    }
  }

  /** Operation {@code i}'s stats in an interval of {@code window}, from that window's pending cells. */
  private OperationStats operation(int window, int i) {
    OperationCells c = pending[window][i];
    long startedNow = started(window, i) - startedReported[window][i];
    startedReported[window][i] += startedNow;
    long droppedNow = droppedSoFar(window, i) - droppedReported[window][i];
    droppedReported[window][i] += droppedNow;
    dropped += droppedNow;
    long startedAll = 0;
    for (int w = 0; w < RunState.WINDOWS; w++) {
      startedAll += started(w, i);
    }
    long inFlight = Math.max(0, startedAll - completedSoFar[i]);
    if (window == RunState.MEASURED) {
      runErrors[i].addAll(c.errors);
    }
    OperationStats stats = new OperationStats(operations[i], startedNow, c.succeeded, c.failed, droppedNow, inFlight,
        LatencyDistribution.of(c.responseTime), LatencyDistribution.of(c.serviceTime),
        c.errors.toErrorClasses(INTERVAL_ERROR_SAMPLES));
    c.reset();
    return stats;
  }

  private long started(int window, int i) {
    long sum = 0;
    for (Driver d : drivers) {
      sum += d.started(window, i);
    }
    return sum;
  }

  private long droppedSoFar(int window, int i) {
    long sum = 0;
    for (Driver d : drivers) {
      sum += d.dropped(window, i);
    }
    return sum;
  }

  /**
   * The last warm-up interval with the warm-up operations that started or ended after it was cut,
   * if there were any: it then replaces the interval as cut. Its in-flight gauge stays as it was at
   * the cut.
   */
  Optional<IntervalSnapshot> revisedWarmUp() {
    if (lastWarmUp == null) {
      return Optional.empty();
    }
    int w = RunState.WARM_UP;
    List<OperationStats> ops = new ArrayList<>(operations.length);
    boolean late = pendingGenerator[w].lag.getTotalCount() > 0;
    for (int i = 0; i < operations.length; i++) {
      OperationCells c = pending[w][i];
      long startedLate = started(w, i) - startedReported[w][i];
      long droppedLate = droppedSoFar(w, i) - droppedReported[w][i];
      late |= startedLate > 0 || droppedLate > 0 || c.succeeded + c.failed > 0;
      OperationStats lateStats = new OperationStats(operations[i], startedLate, c.succeeded, c.failed, droppedLate, 0,
          LatencyDistribution.of(c.responseTime), LatencyDistribution.of(c.serviceTime),
          c.errors.toErrorClasses(INTERVAL_ERROR_SAMPLES));
      ops.add(OperationStats.sum(operations[i], List.of(lastWarmUp.operation(operations[i]), lateStats)));
    }
    if (!late) {
      return Optional.empty();
    }
    GeneratorCells g = pendingGenerator[w];
    return Optional.of(new IntervalSnapshot(lastWarmUp.index(), lastWarmUp.start(), lastWarmUp.length(), true,
        lastWarmUp.expectedArrivals(), ops,
        lastWarmUp.schedulingLag().merge(LatencyDistribution.of(g.lag)),
        lastWarmUp.toWire().merge(LatencyDistribution.of(g.toWire)),
        lastWarmUp.afterAnswer().merge(LatencyDistribution.of(g.afterAnswer)), lastWarmUp.system()));
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
