package dev.plimsoll.core.engine;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorClasses;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.HeapAfterGc;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.units.Units;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a run's intervals as they come, with a running merge of the measured ones, and turns them
 * into the result. Run-level error classes come from the engine's own error log, which keeps the
 * first samples of the whole run rather than of each interval.
 */
final class ResultAssembler {
  private final ScenarioDescription scenario;
  private final EnvironmentInfo environment;
  private final Instant startTime;
  private final List<IntervalSnapshot> intervals = new ArrayList<>();
  private final Measurements.Builder measurements = Measurements.builder();

  ResultAssembler(ScenarioDescription scenario, EnvironmentInfo environment, String[] operations, Instant startTime) {
    this.scenario = scenario;
    this.environment = environment;
    this.startTime = startTime;
    for (String operation : operations) {
      measurements.operation(operation);
    }
  }

  /** A reading of heap after a collection, for memory growth. */
  void addHeapAfterGc(HeapAfterGc reading) {
    measurements.addHeapAfterGc(reading);
  }

  void add(IntervalSnapshot interval) {
    intervals.add(interval);
    measurements.add(interval);
  }

  boolean hasMeasuredData() {
    return measurements.hasMeasuredData();
  }

  /** The measured window so far, merged. */
  Measurements measurements() {
    return measurements.build();
  }

  /** The result: {@code measured} (from {@link #measurements()}) with the run's errors, outcome and verdicts. */
  RunResult result(Measurements measured, List<ErrorClass> errors, RunStatus status, String stopReason,
      Instant endTime, List<Verdict> verdicts) {
    // The run's error log keeps more samples than the intervals do; the counts are the same.
    List<OperationStats> operations = new ArrayList<>(measured.operations().size());
    for (OperationStats op : measured.operations()) {
      operations.add(op.withErrors(errors.stream().filter(e -> e.operation().equals(op.name())).toList()));
    }
    List<ErrorClass> allErrors = ErrorClasses.merge(List.of(errors));
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
        intervals,
        verdicts,
        allErrors,
        measured.system(),
        health(measured));
  }

  private static GeneratorHealth health(Measurements measured) {
    LatencyDistribution lag = measured.schedulingLag();
    LatencyDistribution afterAnswer = measured.afterAnswer();
    long dropped = measured.total().dropped();
    SystemSummary system = measured.system();
    List<String> reasons = new ArrayList<>();
    double lagP99 = lag.stats().p99Ms();
    if (lagP99 > GeneratorHealth.LAG_P99_LIMIT_MS) {
      reasons.add("scheduling lag p99 was " + Units.decimal(lagP99) + " ms (limit "
          + Units.decimal(GeneratorHealth.LAG_P99_LIMIT_MS) + " ms)");
    }
    // Only after the answer is purely the client's: to the wire includes waiting for a connection.
    double afterAnswerP99 = afterAnswer.stats().p99Ms();
    if (afterAnswerP99 > GeneratorHealth.LAG_P99_LIMIT_MS) {
      reasons.add("the client took " + Units.decimal(afterAnswerP99)
          + " ms (p99) from an answer's last byte to recording it (limit "
          + Units.decimal(GeneratorHealth.LAG_P99_LIMIT_MS) + " ms)");
    }
    if (dropped > 0) {
      reasons.add(Units.count(dropped) + " arrivals were dropped at the in-flight limit");
    }
    if (system.processCpuPeak() >= GeneratorHealth.CPU_SATURATION) {
      reasons.add("the generator process used " + Units.percent(system.processCpuPeak()) + " of the machine's CPU");
    }
    return new GeneratorHealth(!reasons.isEmpty(), reasons, lag, measured.toWire(), afterAnswer, dropped,
        system.processCpuPeak());
  }
}
