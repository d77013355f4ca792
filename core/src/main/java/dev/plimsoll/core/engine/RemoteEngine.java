package dev.plimsoll.core.engine;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OperationRecorder;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RemoteRun;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.criteria.Judge;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.Phase;
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
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile String stopReason;
  private volatile boolean stoppedByCriterion;
  private long completed;
  private long failed;
  private long dropped;

  private RemoteEngine(Scenario scenario, Instant startTime, RemoteRun.StopRequests stopRequests) {
    this.scenario = scenario;
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
    RemoteEngine run = new RemoteEngine(scenario, startTime, stopRequests);
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
    // The planned phases, and a stop before the end as an abort; a merged run is not steered.
    List<Phase> phases = new ArrayList<>(PlannedPhases.of(scenario));
    if (aborted || stoppedByCriterion) {
      Duration at = Duration.between(startTime, end);
      phases.add(PlannedPhases.abort(at.isNegative() ? Duration.ZERO : at, reason));
    }
    RunResult assembled = results.result(measured, errors, status, reason, end, verdicts, phases, List.of());
    RunResult judged = ResultAssembler.withSections(assembled, scenario.listeners());
    for (RunListener l : scenario.listeners()) {
      notify(l, () -> l.runCompleted(judged));
    }
    result.complete(judged);
  }

  /** Workers generate the load, each its segment; changing it would need every worker to change its part at one moment. */
  @Override
  public dev.plimsoll.core.Steering steering() {
    throw new UnsupportedOperationException("the workers' load of a distributed run is not changed while it goes");
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
