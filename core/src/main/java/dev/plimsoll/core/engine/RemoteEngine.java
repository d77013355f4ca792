package dev.plimsoll.core.engine;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OperationRecorder;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RemoteRun;
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
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run measured elsewhere ({@link RemoteRun}): the part of {@link Engine} after the intervals are
 * cut (listeners, live criteria, the result), fed with intervals merged from other machines.
 */
final class RemoteEngine implements RemoteRun {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteEngine.class);

  private final Scenario scenario;
  private final Instant startTime;
  private final RemoteRun.StopRequests stopRequests;
  private final ResultAssembler results;
  private final Judge judge;
  private final CompletableFuture<RunResult> result = new CompletableFuture<>();
  /** The run's moments on this machine's monotonic clock, for its steering. */
  private final long startNanos;
  private final long endNanos;
  /** Null when the run's load cannot be changed (no way to reach the machines). */
  private final RunSteering steering;
  private final Steering fleetSteering;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile String stopReason;
  private volatile boolean stoppedByCriterion;
  private long completed;
  private long failed;
  private long dropped;

  private RemoteEngine(Scenario scenario, Instant startTime, RemoteRun.StopRequests stopRequests,
      RemoteRun.ProfileChanges changes, Duration changeLead) {
    this.scenario = scenario;
    this.startNanos = System.nanoTime() + Duration.between(Instant.now(), startTime).toNanos();
    this.endNanos = startNanos + scenario.duration().toNanos();
    if (changes == null) {
      this.steering = null;
      this.fleetSteering = null;
    } else {
      this.steering = new RunSteering(new Moments(), changeLead.toNanos());
      for (Workload w : scenario.workloads()) {
        steering.add(w.name(), PlannedKnob.of(w, scenario.duration(), startNanos));
      }
      // The load is the machines' from the start time on; before it, the checks say so.
      steering.driversStarted();
      this.fleetSteering = new FleetSteering(steering, changes);
    }
    this.startTime = startTime;
    this.stopRequests = stopRequests;
    this.judge = Judge.of(scenario.criteria());
    List<String> names = new ArrayList<>();
    for (Workload w : scenario.workloads()) {
      for (Mix.Entry e : w.mix().entries()) {
        names.add(e.name());
      }
    }
    names.addAll(scenario.recordedOperations());
    ScenarioDescription description = scenario.describe();
    this.results = new ResultAssembler(description, Plimsoll.environment(), names.toArray(String[]::new));
    results.startsAt(startTime);
  }

  static RemoteEngine follow(Scenario scenario, Instant startTime, RemoteRun.StopRequests stopRequests) {
    return follow(scenario, startTime, stopRequests, null, Duration.ZERO);
  }

  static RemoteEngine follow(Scenario scenario, Instant startTime, RemoteRun.StopRequests stopRequests,
      RemoteRun.ProfileChanges changes, Duration changeLead) {
    RemoteEngine run = new RemoteEngine(scenario, startTime, stopRequests, changes, changeLead);
    ScenarioDescription description = scenario.describe();
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.runStarted(description, startTime));
    }
    return run;
  }

  @Override
  public Instant startTime() {
    return startTime;
  }

  @Override
  public void interval(IntervalSnapshot merged) {
    results.add(merged);
    OperationStats total = merged.total();
    completed += total.completed();
    failed += total.failed();
    dropped += total.dropped();
    Duration elapsed = Duration.between(startTime, merged.start().plus(merged.length()));
    RunProgress progress = new RunProgress(elapsed, scenario.duration(), scenario.warmUp(), completed, failed,
        dropped, stopping() || elapsed.compareTo(scenario.duration()) >= 0);
    tellProfileChanges();
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.intervalCompleted(merged, progress));
    }
    if (judge.judgesLive() && results.hasMeasuredData() && !stopping()) {
      judge.abortVerdict(results.measurements()).ifPresent(v -> {
        stoppedByCriterion = true;
        stop("criterion '" + v.criterion().source() + "' failed (" + v.detail() + ")");
      });
    }
  }

  @Override
  public void end(List<ErrorClass> errors, List<Verdict> extraVerdicts) {
    finish(null, errors, extraVerdicts);
  }

  @Override
  public void fail(String reason, List<ErrorClass> errors, List<Verdict> extraVerdicts) {
    finish(reason, errors, extraVerdicts);
  }

  private void finish(String failure, List<ErrorClass> errors, List<Verdict> extraVerdicts) {
    if (result.isDone()) {
      return;
    }
    Measurements measured = results.measurements();
    List<Verdict> verdicts = new ArrayList<>(judge.verdicts(measured));
    verdicts.addAll(extraVerdicts);
    String reason = failure != null ? failure : stopReason == null ? "completed" : stopReason;
    boolean aborted = failure != null || (stopReason != null && !stoppedByCriterion);
    RunStatus status = RunStatus.of(aborted, verdicts, stoppedByCriterion, measured.total());
    Instant end = Instant.now();
    tellProfileChanges();
    // The planned phases, and a stop before the end as an abort.
    List<Phase> phases = new ArrayList<>(PlannedPhases.of(scenario));
    if (aborted || stoppedByCriterion) {
      Duration at = Duration.between(startTime, end);
      phases.add(PlannedPhases.abort(at.isNegative() ? Duration.ZERO : at, reason));
    }
    RunResult assembled = results.result(measured, errors, status, reason, end, verdicts, phases,
        steering == null ? List.of() : steering.all());
    RunResult judged = ResultAssembler.withSections(assembled, scenario.listeners());
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.runCompleted(judged));
    }
    result.complete(judged);
  }

  /**
   * Checks and records each change as a local run does, at a moment the change lead ahead, and
   * hands it to the run's profile changes: every machine applies it at that moment of the run, its
   * segment's part of the whole load's new setting.
   */
  @Override
  public Steering steering() {
    if (fleetSteering == null) {
      throw new UnsupportedOperationException("this distributed run was followed without a way to send its machines "
          + "a change of load");
    }
    return fleetSteering;
  }

  /** Tells the listeners of the changes made since they were last told. */
  private void tellProfileChanges() {
    if (steering == null) {
      return;
    }
    for (ProfileChange change : steering.untold()) {
      for (RunListener l : scenario.listeners()) {
        notify(l, () -> l.profileChanged(change));
      }
    }
  }

  /** The run's moments on this machine's monotonic clock; it goes on until asked to stop or ended. */
  private final class Moments implements RunSteering.Run {
    @Override
    public long nowNanos() {
      return System.nanoTime();
    }

    @Override
    public long startNanos() {
      return startNanos;
    }

    @Override
    public long endNanos() {
      return endNanos;
    }

    @Override
    public boolean going() {
      return !stopping() && !result.isDone();
    }
  }

  /** The run's steering, each change sent on to the machines once recorded, in the order recorded. */
  private static final class FleetSteering implements Steering {
    private final RunSteering steering;
    private final RemoteRun.ProfileChanges changes;

    FleetSteering(RunSteering steering, RemoteRun.ProfileChanges changes) {
      this.steering = steering;
      this.changes = changes;
    }

    @Override
    public List<Knob> knobs() {
      return steering.knobs();
    }

    @Override
    public synchronized ProfileChange setRate(String workload, double perSecond, String by) {
      return sent(steering.setRate(workload, perSecond, by));
    }

    @Override
    public synchronized ProfileChange setUsers(String workload, int users, String by) {
      return sent(steering.setUsers(workload, users, by));
    }

    @Override
    public synchronized ProfileChange apply(ProfileChange change) {
      return sent(steering.apply(change));
    }

    private ProfileChange sent(ProfileChange change) {
      changes.accept(change);
      return change;
    }
  }

  @Override
  public boolean stopping() {
    return stopReason != null;
  }

  @Override
  public void stop(String reason) {
    if (stopRequested.compareAndSet(false, true)) {
      stopReason = reason;
      stopRequests.accept(reason);
    }
  }

  @Override
  public CompletableFuture<RunResult> result() {
    return result;
  }

  @Override
  public Duration elapsed() {
    Duration d = Duration.between(startTime, Instant.now());
    return d.isNegative() ? Duration.ZERO : d;
  }

  @Override
  public OperationRecorder recorder(String operation) {
    throw new IllegalArgumentException("operation '" + operation + "' is recorded on the machines that run the load, "
        + "not on the coordinator");
  }

  private static void notify(RunListener listener, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("run listener {} failed", listener.getClass().getName(), e);
    }
  }
}
