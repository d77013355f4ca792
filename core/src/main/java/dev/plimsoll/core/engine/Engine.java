package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.OperationRecorder;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.PreparedRun;
import dev.plimsoll.core.RunClockListener;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Steering;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.criteria.Judge;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.system.HeapAfterGcMonitor;
import dev.plimsoll.core.system.SystemSampler;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario. The drivers offer the load and record into striped cells; this engine's
 * collector thread cuts the recordings into intervals ({@link IntervalBoundaries},
 * {@link SnapshotAssembler}), hands each to the listeners, judges the abort-on-fail criteria on the
 * measurements so far, ends the run (its duration reached, its iterations used up, or a stop
 * requested), gives in-flight work the graceful-stop period, and assembles the result.
 *
 * <p>An operation belongs to the window of its intended start, the warm-up or the measured window,
 * and within it to the interval in which the collector found it completed ({@link SnapshotAssembler}
 * has the details; {@code docs/accounting.md} the rules). The collector cuts an interval as soon as
 * it wakes at the boundary (typically well under a millisecond late on the machine's clock), so an
 * operation completing in that moment counts in the interval before; on a virtual clock the
 * collector settles first, so exactly the operations completing at or before the boundary count.
 * The drain after the stop adds no time to any interval: what ends in it counts in the interval
 * the stop fell in.
 *
 * <p>An engine is built ({@link #prepare}) before it is started ({@link #start}, {@link #startAt}):
 * machines sharing a run build theirs early and start their clocks at one planned instant.
 */
final class Engine implements RunHandle, PreparedRun {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final long POLL_NANOS = 10_000_000;
  private static final long EXHAUSTION_POLL_NANOS = 50_000_000L;
  private static final long INTERRUPTED_WAIT_NANOS = 200_000_000L;
  private static final int PREPARED = 0;
  private static final int STARTED = 1;
  private static final int CANCELLED = 2;

  private final Scenario scenario;
  private final Clock clock;
  private final ScenarioDescription description;
  private final List<Driver> drivers = new ArrayList<>();
  private final RecordedOperations recordings;
  private final RunState state;
  /** When the run's clock started: taken again once everything is ready, just before the drivers start. */
  private volatile Instant startTime;
  private IntervalBoundaries boundaries;
  private final SnapshotAssembler snapshots;
  private final ResultAssembler results;
  private final Judge judge;
  private final HeapAfterGcMonitor heapAfterGc;
  private final RunSteering steering;
  private final List<Phase> plannedPhases;
  private final CompletableFuture<RunResult> result = new CompletableFuture<>();
  private volatile String stopReason;
  private volatile boolean stoppedByCriterion;
  private volatile boolean stopNow;
  private volatile Thread collector;
  private final AtomicInteger lifecycle = new AtomicInteger(PREPARED);
  /** The instant the run's clock is planned to start at, and the same on the clock's nanoTime; null when "now". */
  private volatile Instant plannedStart;
  private volatile long plannedStartNanos;
  private volatile boolean clockStarted;

  private Engine(Scenario scenario, HeapAfterGcMonitor heapAfterGc) {
    this.scenario = scenario;
    this.heapAfterGc = heapAfterGc;
    this.clock = scenario.clock();
    this.description = scenario.describe();
    this.judge = Judge.of(scenario.criteria());
    List<String> names = new ArrayList<>();
    for (Workload w : scenario.workloads()) {
      for (Mix.Entry e : w.mix().entries()) {
        names.add(e.name());
      }
    }
    int mixOperations = names.size();
    names.addAll(scenario.recordedOperations());
    String[] operations = names.toArray(String[]::new);
    SystemSampler sampler = SystemSampler.create(clock::nanoTime);
    long now = clock.nanoTime();
    this.startTime = clock.instant(); // for the listeners, until the clock starts
    this.state = new RunState(clock, now, scenario.duration().toNanos(), scenario.warmUp().toNanos());
    Recorder recorder = new Recorder(operations, Recorder.defaultStripes(), state);
    this.results = new ResultAssembler(description, Plimsoll.environment(), operations);
    this.recordings = new RecordedOperations(scenario.recordedOperations(), mixOperations, recorder, state);
    this.steering = RunSteering.local(state);
    this.plannedPhases = PlannedPhases.of(scenario);
    List<OpenDriver> openDrivers = new ArrayList<>();
    int first = 0;
    for (Workload w : scenario.workloads()) {
      WorkloadRun run = new WorkloadRun(w, first, operations.length, recorder, state, scenario.seed(), recordings,
          scenario.segment());
      first += w.mix().entries().size();
      if (w.load() instanceof OpenModel open) {
        OpenDriver driver = new OpenDriver(run, open, scenario.duration());
        openDrivers.add(driver);
        drivers.add(driver);
        steering.add(w.name(), driver);
      } else {
        ClosedDriver driver = new ClosedDriver(run, (ClosedModel) w.load());
        drivers.add(driver);
        steering.add(w.name(), driver);
      }
    }
    drivers.add(recordings);
    this.snapshots = new SnapshotAssembler(
        operations, recorder, drivers, openDrivers, state, sampler);
  }

  /** Builds a run of the scenario, to be started once. */
  static Engine prepare(Scenario scenario) {
    // Before the run's clock starts: the first listener sets up the JVM's management beans,
    // which can take a while on a loaded machine.
    HeapAfterGcMonitor heapAfterGc = HeapAfterGcMonitor.start(scenario.clock()::instant);
    Engine engine;
    try {
      engine = new Engine(scenario, heapAfterGc);
    } catch (RuntimeException | Error e) {
      heapAfterGc.close();
      throw e;
    }
    return engine;
  }

  @Override
  public RunHandle start() {
    starting();
    begin();
    return this;
  }

  @Override
  public RunHandle startAt(Instant startAt) {
    java.util.Objects.requireNonNull(startAt, "startAt");
    // Read together, once: from here on the wait is on the monotonic clock, which no wall-clock
    // adjustment moves.
    long nanos = clock.nanoTime() + Duration.between(clock.instant(), startAt).toNanos();
    starting();
    plannedStartNanos = nanos;
    plannedStart = startAt;
    startTime = startAt;
    begin();
    return this;
  }

  @Override
  public void cancel() {
    if (lifecycle.compareAndSet(PREPARED, CANCELLED)) {
      heapAfterGc.close();
    }
  }

  private void starting() {
    if (!lifecycle.compareAndSet(PREPARED, STARTED)) {
      throw new IllegalStateException(lifecycle.get() == STARTED ? "the run was started already" : "the run was cancelled");
    }
  }

  private void begin() {
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.runStarted(description, startTime));
      notify(l, () -> l.phasesPlanned(plannedPhases));
    }
    // The collector starts the drivers: on a virtual clock, time cannot move on until it waits,
    // by which time every driver's threads are running.
    collector = clock.start(state.engineThreads("plimsoll-collector", Thread.NORM_PRIORITY), this::collect);
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
  public void stopNow(String reason) {
    stopNow = true;
    stop(reason);
  }

  @Override
  public CompletableFuture<RunResult> result() {
    return result;
  }

  @Override
  public OperationRecorder recorder(String operation) {
    return recordings.recorder(operation);
  }

  @Override
  public Steering steering() {
    return steering;
  }

  @Override
  public Duration elapsed() {
    return clockStarted ? Duration.ofNanos(clock.nanoTime() - state.startNanos) : Duration.ZERO;
  }

  private void collect() {
    try {
      state.collectorIs(Thread.currentThread());
      startClock(awaitPlannedStart());
      for (RunListener l : scenario.listeners()) {
        if (l instanceof RunClockListener c) {
          notify(l, () -> c.runClockStarted(state.startNanos));
        }
      }
      for (Driver d : drivers) {
        d.start();
      }
      steering.driversStarted();
      result.complete(runCollector());
    } catch (Throwable t) {
      LOG.error("the run failed inside Plimsoll", t);
      state.finish();
      drivers.forEach(Driver::wake);
      heapAfterGc.close();
      result.completeExceptionally(t);
    }
  }

  /**
   * When the run's clock starts: now, unless a start is planned. A collector waiting when the planned
   * instant comes starts the clock exactly then (however late it wakes, which is then the first
   * arrivals' lag); one that gets here after it starts the clock now, rather than owe the
   * arrivals since, and the start time shows how late. A stop before the start ends the wait.
   */
  private long awaitPlannedStart() {
    long now = clock.nanoTime();
    if (plannedStart == null || now >= plannedStartNanos) {
      return now;
    }
    while (now < plannedStartNanos && stopReason == null) {
      clock.parkUntil(plannedStartNanos);
      now = clock.nanoTime();
    }
    return stopReason == null ? plannedStartNanos : now;
  }

  /**
   * Starts the run's clock at {@code startNanos} (now, or the planned start), after the listeners
   * have been told and the collector is running, and just before the drivers start: the time taken
   * getting ready (the listeners' output, the environment's description, starting threads) would
   * otherwise make the first arrivals late.
   */
  private void startClock(long startNanos) {
    Instant planned = plannedStart;
    startTime = planned != null && startNanos == plannedStartNanos ? planned
        : clock.instant().minusNanos(clock.nanoTime() - startNanos);
    state.startAt(startNanos);
    clockStarted = true;
    boundaries = new IntervalBoundaries(
        startNanos, scenario.warmUp().toNanos(), scenario.duration().toNanos(), scenario.interval().toNanos());
    results.startsAt(startTime);
    snapshots.startsAt(startTime, boundaries);
  }

  private RunResult runCollector() {
    long intervalStart = state.startNanos;
    long boundary = boundaries.next(intervalStart);
    long drainDeadline = Long.MAX_VALUE;
    long stoppedAt = Long.MAX_VALUE;
    boolean limited = drivers.stream().anyMatch(Driver::limited);
    int index = 0;
    while (true) {
      long now = clock.nanoTime();
      if (state.running() && (now >= state.endNanos || stopReason != null || allExhausted())) {
        state.finish();
        stoppedAt = Math.min(now, state.endNanos);
        drivers.forEach(Driver::wake);
        drainDeadline = now + scenario.gracefulStop().toNanos();
        // On a virtual clock, the woken threads take their turn before the collector looks at them.
        clock.settle();
      }
      boolean draining = !state.running();
      if (draining && (allIdle() || now >= drainDeadline || stopNow)) {
        if (!allIdle()) {
          failUnfinished(now, drainDeadline);
        }
        drivers.forEach(Driver::close);
        // The interval the stop fell in takes in everything that ended in the drain, but not the
        // drain's time: operations belong to the window of their intended start, and none was
        // meant to start after the stop.
        IntervalSnapshot last = snapshots.cut(index, intervalStart, Math.max(intervalStart, stoppedAt));
        if (stoppedAt > intervalStart || last.total().completed() > 0 || last.total().dropped() > 0) {
          publish(last);
        }
        // Warm-up operations that ended after the warm-up go to its last interval.
        snapshots.revisedWarmUp().ifPresent(results::revise);
        return finish(stoppedAt);
      }
      if (!draining && now >= boundary) {
        publish(snapshots.cut(index++, intervalStart, boundary));
        intervalStart = boundary;
        boundary = boundaries.next(intervalStart);
        continue;
      }
      // Drivers nudge the collector when they go idle or use up their iterations; the polls are a
      // safety net.
      long wakeAt = draining ? Math.min(drainDeadline, now + POLL_NANOS) : Math.min(boundary, state.endNanos);
      if (limited) {
        wakeAt = Math.min(wakeAt, now + EXHAUSTION_POLL_NANOS);
      }
      clock.parkUntil(wakeAt);
      // On a virtual clock, what is due at this instant happens before the collector looks.
      clock.settle();
    }
  }

  /**
   * The graceful stop has ended with operations still running: each is recorded as failed, in an
   * error class of its own, so that every started operation ends as succeeded or failed; then the
   * threads running them are interrupted, and whatever they record afterwards is not counted again.
   */
  private void failUnfinished(long now, long drainDeadlineNanos) {
    String grace = Units.formatDuration(scenario.gracefulStop());
    String message = stopNow && now < drainDeadlineNanos
        ? "still running when the run was stopped at once, before the graceful stop of " + grace + " ended"
        : "still running when the graceful stop of " + grace + " ended";
    ErrorTable.Failure failure = new ErrorTable.Failure(ErrorClass.UNFINISHED_AT_STOP, message, message);
    int unfinished = 0;
    for (Driver d : drivers) {
      unfinished += d.abandonInFlight(failure, now);
    }
    drivers.forEach(Driver::interrupt);
    waitForIdle(now + INTERRUPTED_WAIT_NANOS);
    // Anything a driver started between the stop and now (none should) is failed the same way.
    for (Driver d : drivers) {
      unfinished += d.abandonInFlight(failure, clock.nanoTime());
    }
    LOG.debug("{} operations unfinished at the stop", unfinished);
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

  private void publish(IntervalSnapshot interval) {
    // Readings of heap after collection count only inside the measured window, wherever they land.
    Courtesy courtesy = snapshots.courtesy();
    heapAfterGc.drain().forEach(results::addHeapAfterGc);
    courtesy.pause();
    results.add(interval);
    tellProfileChanges();
    Duration elapsed = Duration.between(startTime, interval.start().plus(interval.length()));
    RunProgress progress = new RunProgress(elapsed, scenario.duration(), scenario.warmUp(),
        snapshots.completed(), snapshots.failed(), snapshots.dropped(), !state.running());
    for (RunListener l : scenario.listeners()) {
      courtesy.pause();
      notify(l, () -> l.intervalCompleted(interval, progress));
    }
    courtesy.pause();
    checkAbortCriteria();
  }

  /** Judges the abort-on-fail criteria on the running merge of the measured intervals. */
  private void checkAbortCriteria() {
    if (!judge.judgesLive() || !results.hasMeasuredData() || stopReason != null) {
      return;
    }
    judge.abortVerdict(results.measurements()).ifPresent(v -> {
      stoppedByCriterion = true;
      stop("criterion '" + v.criterion().source() + "' failed (" + v.detail() + ")");
    });
  }

  /** Tells the listeners of the profile changes made since they were last told. */
  private void tellProfileChanges() {
    for (ProfileChange change : steering.untold()) {
      for (RunListener l : scenario.listeners()) {
        notify(l, () -> l.profileChanged(change));
      }
    }
  }

  /** The planned phases, and an early stop at {@code stoppedAtNanos} with its reason. */
  private List<Phase> phases(long stoppedAtNanos) {
    if (stopReason == null) {
      return plannedPhases;
    }
    List<Phase> phases = new ArrayList<>(plannedPhases);
    phases.add(PlannedPhases.abort(Duration.ofNanos(Math.max(0, stoppedAtNanos - state.startNanos)), stopReason));
    return phases;
  }

  private RunResult finish(long stoppedAtNanos) {
    heapAfterGc.close();
    tellProfileChanges();
    String reason = stopReason == null ? "completed" : stopReason;
    Measurements measured = results.measurements();
    List<Verdict> verdicts = judge.verdicts(measured);
    RunStatus status = RunStatus.of(stopReason != null && !stoppedByCriterion, verdicts, stoppedByCriterion,
        measured.total());
    RunResult assembled = results.result(measured, snapshots.runErrors(), status, reason, clock.instant(), verdicts,
        phases(stoppedAtNanos), steering.all());
    RunResult judged = ResultAssembler.withSections(assembled, scenario.listeners());
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
