package dev.plimsoll.core.engine;

import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorClasses;
import dev.plimsoll.core.metrics.IntervalLog;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.HeapAfterGc;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a run's intervals as they come, with a running merge of the measured ones, and turns them
 * into the result. Run-level error classes come from the engine's own error log, which keeps the
 * first samples of the whole run rather than of each interval.
 */
final class ResultAssembler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultAssembler.class);
  private final ScenarioDescription scenario;
  private final EnvironmentInfo environment;
  private Instant startTime;
  // Encoded, and on disk beyond a small budget: a day-long run must not grow the heap with its intervals.
  private final IntervalLog intervals = new IntervalLog();
  private final Measurements.Builder measurements = Measurements.builder();

  ResultAssembler(ScenarioDescription scenario, EnvironmentInfo environment, String[] operations) {
    this.scenario = scenario;
    this.environment = environment;
    for (String operation : operations) {
      measurements.operation(operation);
    }
  }

  /** The instant the run's clock started. */
  void startsAt(Instant start) {
    startTime = start;
  }

  /** A reading of heap after a collection, for memory growth. */
  void addHeapAfterGc(HeapAfterGc reading) {
    measurements.addHeapAfterGc(reading);
  }

  void add(IntervalSnapshot interval) {
    intervals.add(interval);
    measurements.add(interval);
  }

  /** Replaces the interval of the same index: a warm-up interval revised with its late operations. */
  void revise(IntervalSnapshot interval) {
    intervals.revise(interval);
  }

  boolean hasMeasuredData() {
    return measurements.hasMeasuredData();
  }

  /** The measured window so far, merged. */
  Measurements measurements() {
    return measurements.build();
  }

  /**
   * {@code result} with the sections its listeners add ({@link RunListener#resultSections}); a
   * listener that fails, or adds a key already there, is logged and left out: the result must not be lost.
   */
  static RunResult withSections(RunResult result, List<RunListener> listeners) {
    RunResult withSections = result;
    for (RunListener l : listeners) {
      try {
        withSections = withSections.withSections(l.resultSections(result));
      } catch (RuntimeException e) {
        LOG.warn("run listener {} failed to add its result sections", l.getClass().getName(), e);
      }
    }
    return withSections;
  }

  /** The result: {@code measured} (from {@link #measurements()}) with the run's errors, outcome and verdicts. */
  RunResult result(Measurements measured, List<ErrorClass> errors, RunStatus status, String stopReason,
      Instant endTime, List<Verdict> verdicts, List<Phase> phases, List<ProfileChange> profileChanges) {
    // The run's error log keeps more samples than the intervals do; the counts are the same.
    List<OperationStats> operations = new ArrayList<>(measured.operations().size());
    for (OperationStats op : measured.operations()) {
      operations.add(op.withErrors(errors.stream().filter(e -> e.operation().equals(op.name())).toList()));
    }
    List<ErrorClass> allErrors = ErrorClasses.merge(List.of(errors));
    List<IntervalSnapshot> kept = intervals.view();
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        scenario.name(),
        status,
        stopReason,
        startTime,
        endTime,
        measured.measuredDuration(),
        scenario,
        environment,
        measured.total().withErrors(allErrors),
        operations,
        kept,
        verdicts,
        allErrors,
        measured.system(),
        GeneratorHealth.of(measured, kept, startTime),
        false,
        phases,
        profileChanges);
  }
}
