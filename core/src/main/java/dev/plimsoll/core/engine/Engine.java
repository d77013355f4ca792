package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationSnapshot;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.system.LiveHeap;
import dev.plimsoll.core.system.SystemSampler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario. The drivers offer the load and record into striped cells; this engine's
 * collector thread cuts the recordings into intervals, hands each to the listeners, checks the
 * abort-on-fail criteria, ends the run (its duration reached, or a stop requested), gives
 * in-flight work the graceful-stop period, and assembles the result.
 *
 * <p>Intervals are aligned to the run's start, with one extra boundary at the end of the warm-up
 * and one at the end of the run, so that no interval mixes warm-up and measured data. An
 * operation belongs to the interval in which the collector found it completed: the collector
 * cuts an interval as soon as it wakes at the boundary (typically well under a millisecond
 * late), so an operation completing in that moment counts in the interval before.
 */
public final class Engine implements RunHandle {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final long POLL_NANOS = 10_000_000;
  private static final int INTERVAL_ERROR_SAMPLES = 3;
  private static final long LIVE_HEAP_LEAD_NANOS = 500_000_000L;
  private static final long EXHAUSTION_POLL_NANOS = 50_000_000L;

  private final Scenario scenario;
  private final Clock clock;
  private final ScenarioDescription description;
  private final String[] operations;
  private final Recorder recorder;
  private final List<Driver> drivers = new ArrayList<>();
  private final List<OpenDriver> openDrivers = new ArrayList<>();
  private final RunState state;
  private final Instant startTime;
  private final long warmUpEndNanos;
  private final long intervalNanos;
  private final SystemSampler sampler;
  private final RunAccumulator accumulator;
  private final ErrorTable[] runErrors;
  private final List<Criterion> abortCriteria;
  private final CompletableFuture<RunResult> result = new CompletableFuture<>();
  private final long[] startedSoFar;
  private final long[] completedSoFar;
  private final long[] droppedReported;
  private long failedSoFar;
  private long droppedSoFar;
  private volatile String stopReason;
  private volatile boolean stoppedByCriterion;
  private volatile Thread collector;

  private Engine(Scenario scenario) {
    this.scenario = scenario;
    this.clock = scenario.clock();
    this.sampler = SystemSampler.create(clock::nanoTime);
    this.description = scenario.describe();
    List<String> names = new ArrayList<>();
    for (Workload w : scenario.workloads()) {
      for (Mix.Entry e : w.mix().entries()) {
        names.add(e.name());
      }
    }
    this.operations = names.toArray(String[]::new);
    this.recorder = new Recorder(operations, Recorder.defaultStripes(), clock);
    long now = clock.nanoTime();
    this.startTime = clock.instant();
    this.state = new RunState(clock, now, now + scenario.duration().toNanos());
    this.warmUpEndNanos = now + scenario.warmUp().toNanos();
    this.intervalNanos = scenario.interval().toNanos();
    this.accumulator = new RunAccumulator(description, Environment.current(), operations, startTime);
    this.runErrors = new ErrorTable[operations.length];
    for (int i = 0; i < operations.length; i++) {
      runErrors[i] = new ErrorTable(operations[i], ErrorClass.MAX_SAMPLES);
    }
    this.abortCriteria = scenario.criteria().stream().filter(Criterion::abortOnFail).toList();
    this.startedSoFar = new long[operations.length];
    this.completedSoFar = new long[operations.length];
    this.droppedReported = new long[operations.length];
    int first = 0;
    for (Workload w : scenario.workloads()) {
      WorkloadRun run = new WorkloadRun(w, first, operations.length, recorder, state, scenario.seed());
      first += w.mix().entries().size();
      if (w.load() instanceof OpenModel open) {
        OpenDriver driver = new OpenDriver(run, open, scenario.duration());
        openDrivers.add(driver);
        drivers.add(driver);
      } else {
        drivers.add(new ClosedDriver(run, (ClosedModel) w.load()));
      }
    }
  }

  /** Starts a run of the scenario. */
  public static Engine start(Scenario scenario) {
    // With no warm-up, live heap is read before the run's clock starts, so the collection's
    // pause delays no operation; with one, it is read near the warm-up's end (see collect).
    java.util.Optional<LiveHeap> liveHeapBefore =
        scenario.warmUp().isZero() ? LiveHeap.measure(scenario.clock()::instant) : java.util.Optional.empty();
    Engine engine = new Engine(scenario);
    liveHeapBefore.ifPresent(engine.accumulator::addLiveHeap);
    engine.begin();
    return engine;
  }

  private void begin() {
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.runStarted(description, startTime));
    }
    // The collector starts the drivers: on a virtual clock, time cannot move on until it waits,
    // by which time every driver's threads are running.
    collector = clock.start(Thread.ofPlatform().daemon().name("plimsoll-collector").factory(), this::collect);
  }

  @Override
  public void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    Thread c = collector;
    if (c != null) {
      clock.unpark(c);
    }
  }

  @Override
  public CompletableFuture<RunResult> result() {
    return result;
  }

  @Override
  public RunResult await() throws InterruptedException {
    try {
      return result.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the run failed inside Plimsoll", e.getCause());
    }
  }

  @Override
  public Duration elapsed() {
    return Duration.ofNanos(clock.nanoTime() - state.startNanos);
  }

  private void collect() {
    try {
      state.collectorIs(Thread.currentThread());
      for (Driver d : drivers) {
        d.start();
      }
      result.complete(runCollector());
    } catch (Throwable t) {
      LOG.error("the run failed inside Plimsoll", t);
      state.finish();
      drivers.forEach(Driver::wake);
      result.completeExceptionally(t);
    }
  }

  private RunResult runCollector() {
    long intervalStart = state.startNanos;
    long boundary = nextBoundary(intervalStart);
    long drainDeadline = Long.MAX_VALUE;
    long liveHeapAt = liveHeapReadingTime();
    int index = 0;
    while (true) {
      long now = clock.nanoTime();
      if (now >= liveHeapAt) {
        LiveHeap.measure(clock::instant).ifPresent(accumulator::addLiveHeap);
        liveHeapAt = Long.MAX_VALUE;
        continue;
      }
      if (state.running() && (now >= state.endNanos || stopReason != null || allExhausted())) {
        state.finish();
        drivers.forEach(Driver::wake);
        drainDeadline = now + scenario.gracefulStop().toNanos();
      }
      boolean draining = !state.running();
      if (draining && (allIdle() || now >= drainDeadline)) {
        if (!allIdle()) {
          drivers.forEach(Driver::interrupt);
          waitForIdle(now + 200_000_000L);
        }
        drivers.forEach(Driver::close);
        IntervalSnapshot last = snapshot(index, intervalStart, clock.nanoTime());
        if (last.total().completed() > 0 || last.total().dropped() > 0 || index == 0) {
          publish(last);
        }
        // After the last snapshot, so its pause shows in no interval.
        LiveHeap.measure(clock::instant).ifPresent(accumulator::addLiveHeap);
        return finish();
      }
      if (now >= boundary) {
        publish(snapshot(index++, intervalStart, boundary));
        intervalStart = boundary;
        boundary = nextBoundary(intervalStart);
        continue;
      }
      long wakeAt = draining ? Math.min(boundary, now + POLL_NANOS) : Math.min(boundary, state.endNanos);
      wakeAt = Math.min(wakeAt, liveHeapAt);
      // Iteration limits can end a run early: drivers say so, and are checked this often too.
      wakeAt = Math.min(wakeAt, now + EXHAUSTION_POLL_NANOS);
      clock.parkUntil(wakeAt);
      // On a virtual clock, what is due at this instant happens before the collector looks.
      clock.settle();
    }
  }

  /**
   * When to read live heap at the start of the measurement: shortly before the warm-up ends, so
   * that the warm-up has absorbed one-time growth (caches, the recorder's histograms) and the
   * collection's pause lands in warm-up data, not in the measured part. Never, without a warm-up.
   */
  private long liveHeapReadingTime() {
    long warmUp = warmUpEndNanos - state.startNanos;
    if (warmUp <= 0) {
      return Long.MAX_VALUE;
    }
    return warmUpEndNanos - Math.min(LIVE_HEAP_LEAD_NANOS, warmUp / 2);
  }

  /** The next interval boundary after {@code from}: a whole interval on, or the warm-up's or run's end. */
  private long nextBoundary(long from) {
    long anchor = from < warmUpEndNanos ? state.startNanos : warmUpEndNanos;
    long next = anchor + ((from - anchor) / intervalNanos + 1) * intervalNanos;
    if (from < warmUpEndNanos && next > warmUpEndNanos) {
      next = warmUpEndNanos;
    }
    if (from < state.endNanos && next > state.endNanos) {
      next = state.endNanos;
    }
    return next;
  }

  private boolean allExhausted() {
    for (Driver d : drivers) {
      if (!d.exhausted() || !d.idle()) {
        return false;
      }
    }
    return true;
  }

  private boolean allIdle() {
    for (Driver d : drivers) {
      if (!d.idle()) {
        return false;
      }
    }
    return true;
  }

  private void waitForIdle(long until) {
    long now;
    while (!allIdle() && (now = clock.nanoTime()) < until) {
      clock.parkUntil(Math.min(until, now + POLL_NANOS));
      clock.settle();
    }
  }

  private IntervalSnapshot snapshot(int index, long fromNanos, long toNanos) {
    OperationCells[] cells = new OperationCells[operations.length];
    for (int i = 0; i < operations.length; i++) {
      cells[i] = new OperationCells(operations[i], false);
    }
    Histogram lag = LatencyDistribution.newHistogram();
    for (Stripe s : recorder.stripes()) {
      s.drainInto(cells, lag);
    }
    boolean warmUp = toNanos <= warmUpEndNanos && warmUpEndNanos > state.startNanos;
    List<OperationSnapshot> ops = new ArrayList<>(operations.length);
    for (int i = 0; i < operations.length; i++) {
      long started = 0;
      long dropped = 0;
      for (Driver d : drivers) {
        started += d.started(i);
        dropped += d.dropped(i);
      }
      OperationCells c = cells[i];
      long completed = c.succeeded + c.failed;
      long startedNow = started - startedSoFar[i];
      startedSoFar[i] = started;
      completedSoFar[i] += completed;
      failedSoFar += c.failed;
      long inFlight = Math.max(0, started - completedSoFar[i]);
      long droppedNow = dropped - droppedReported[i];
      droppedReported[i] = dropped;
      droppedSoFar += droppedNow;
      ops.add(new OperationSnapshot(operations[i], startedNow, c.succeeded, c.failed, droppedNow, inFlight,
          LatencyDistribution.of(c.responseTime), LatencyDistribution.of(c.serviceTime),
          c.errors.toErrorClasses(INTERVAL_ERROR_SAMPLES)));
      if (!warmUp) {
        runErrors[i].addAll(c.errors);
      }
    }
    double expected = 0;
    for (OpenDriver d : openDrivers) {
      expected += d.plan().expectedArrivals(state.secondsSinceStart(fromNanos), state.secondsSinceStart(toNanos));
    }
    SystemSample system = sampler.sample();
    Instant start = startTime.plusNanos(fromNanos - state.startNanos);
    return new IntervalSnapshot(index, start, Duration.ofNanos(toNanos - fromNanos), warmUp, expected, ops,
        LatencyDistribution.of(lag), system);
  }

  private void publish(IntervalSnapshot interval) {
    accumulator.add(interval);
    long completed = 0;
    for (long c : completedSoFar) {
      completed += c;
    }
    Duration elapsed = Duration.between(startTime, interval.start().plus(interval.length()));
    RunProgress progress = new RunProgress(elapsed, scenario.duration(), scenario.warmUp(), completed,
        failedSoFar, droppedSoFar, !state.running());
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.intervalCompleted(interval, progress));
    }
    checkAbortCriteria();
  }

  private void checkAbortCriteria() {
    if (abortCriteria.isEmpty() || !accumulator.hasMeasuredData() || stopReason != null) {
      return;
    }
    RunResult provisional = accumulator.result(List.of(), RunStatus.PASSED, "running", clock.instant(), List.of());
    for (Criterion c : abortCriteria) {
      Verdict v = c.evaluate(provisional);
      // NaN: nothing to judge yet (no completions so far), which is no reason to stop.
      if (!v.passed() && !Double.isNaN(v.measured())) {
        stoppedByCriterion = true;
        stop("criterion '" + c.source() + "' failed (" + v.detail() + ")");
        return;
      }
    }
  }

  private RunResult finish() {
    List<ErrorClass> errors = new ArrayList<>();
    for (ErrorTable t : runErrors) {
      errors.addAll(t.toErrorClasses(ErrorClass.MAX_SAMPLES));
    }
    String reason = stopReason == null ? "completed" : stopReason;
    Instant end = clock.instant();
    RunResult unjudged = accumulator.result(errors, RunStatus.PASSED, reason, end, List.of());
    List<Verdict> verdicts = new ArrayList<>();
    boolean anyFailed = false;
    for (Criterion c : scenario.criteria()) {
      Verdict v = c.evaluate(unjudged);
      verdicts.add(v);
      anyFailed |= !v.passed();
    }
    RunStatus status;
    if (stopReason != null && !stoppedByCriterion) {
      status = RunStatus.ABORTED;
    } else {
      status = anyFailed || stoppedByCriterion ? RunStatus.FAILED : RunStatus.PASSED;
    }
    RunResult judged = unjudged.withVerdicts(verdicts, status);
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.runCompleted(judged));
    }
    return judged;
  }

  private static void notify(RunListener listener, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("run listener {} failed", listener.getClass().getName(), e);
    }
  }
}
