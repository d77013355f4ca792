package dev.plimsoll.core.result;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalLog;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run's complete record, from which every report is rendered. The JSON form is documented in
 * {@code docs/result-schema.md}; {@link #SCHEMA_VERSION} changes whenever that form does.
 *
 * @param stopReason why the run ended, in words ("completed", "stopped by request", ...)
 * @param measuredDuration the time the summary covers: the run without its warm-up
 * @param total all operations together, over the measured time
 * @param operations each operation over the measured time: the merge of its measured intervals,
 *     with the run's error classes, which keep more samples than the intervals' (throughput is
 *     {@code operation.throughputPerSecond(measuredDuration)})
 * @param intervals every interval of the run, warm-up included
 * @param errors every error class over the measured time, largest first
 * @param incomplete whether the run never finished its own result (the process was killed, the
 *     machine lost power) and this one was rebuilt from its journal, up to its last complete
 *     interval; such a run's status is {@link RunStatus#ABORTED}
 * @param phases the run's phases as planned (its warm-up, each stage of each workload's load
 *     profile) and, if it stopped early, its abort; in order of their start
 * @param profileChanges every change made to a workload's load while the run went, in order
 * @param sections what the capability that ran it adds (a simulation's topology, a distributed
 *     run's workers), in the order added; keys are unique
 */
public record RunResult(
    int schemaVersion,
    String name,
    RunStatus status,
    String stopReason,
    Instant startTime,
    Instant endTime,
    Duration measuredDuration,
    ScenarioDescription config,
    EnvironmentInfo environment,
    OperationStats total,
    List<OperationStats> operations,
    List<IntervalSnapshot> intervals,
    List<Verdict> verdicts,
    List<ErrorClass> errors,
    SystemSummary system,
    GeneratorHealth generatorHealth,
    boolean incomplete,
    List<Phase> phases,
    List<ProfileChange> profileChanges,
    List<ResultSection> sections) {

  public static final int SCHEMA_VERSION = 1;

  /** A result the run finished itself (not {@linkplain #incomplete incomplete}). */
  public RunResult(int schemaVersion, String name, RunStatus status, String stopReason,
      Instant startTime, Instant endTime, Duration measuredDuration, ScenarioDescription config,
      EnvironmentInfo environment, OperationStats total, List<OperationStats> operations,
      List<IntervalSnapshot> intervals, List<Verdict> verdicts, List<ErrorClass> errors,
      SystemSummary system, GeneratorHealth generatorHealth) {
    this(schemaVersion, name, status, stopReason, startTime, endTime, measuredDuration, config,
        environment, total, operations, intervals, verdicts, errors, system, generatorHealth, false);
  }

  /** A result without phases or profile changes (one written before they were recorded, say). */
  public RunResult(int schemaVersion, String name, RunStatus status, String stopReason,
      Instant startTime, Instant endTime, Duration measuredDuration, ScenarioDescription config,
      EnvironmentInfo environment, OperationStats total, List<OperationStats> operations,
      List<IntervalSnapshot> intervals, List<Verdict> verdicts, List<ErrorClass> errors,
      SystemSummary system, GeneratorHealth generatorHealth, boolean incomplete) {
    this(schemaVersion, name, status, stopReason, startTime, endTime, measuredDuration, config,
        environment, total, operations, intervals, verdicts, errors, system, generatorHealth,
        incomplete, List.of(), List.of());
  }

  /** A result without sections. */
  public RunResult(int schemaVersion, String name, RunStatus status, String stopReason,
      Instant startTime, Instant endTime, Duration measuredDuration, ScenarioDescription config,
      EnvironmentInfo environment, OperationStats total, List<OperationStats> operations,
      List<IntervalSnapshot> intervals, List<Verdict> verdicts, List<ErrorClass> errors,
      SystemSummary system, GeneratorHealth generatorHealth, boolean incomplete, List<Phase> phases,
      List<ProfileChange> profileChanges) {
    this(schemaVersion, name, status, stopReason, startTime, endTime, measuredDuration, config,
        environment, total, operations, intervals, verdicts, errors, system, generatorHealth,
        incomplete, phases, profileChanges, List.of());
  }

  public RunResult {
    sections = List.copyOf(sections);
    if (sections.stream().map(ResultSection::key).distinct().count() != sections.size()) {
      throw new IllegalArgumentException("two sections have the same key: " + sections.stream().map(ResultSection::key).toList());
    }
    operations = List.copyOf(operations);
    intervals = IntervalLog.immutable(intervals);
    verdicts = List.copyOf(verdicts);
    errors = List.copyOf(errors);
    phases = List.copyOf(phases);
    profileChanges = List.copyOf(profileChanges);
  }

  public Optional<OperationStats> operation(String name) {
    return operations.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** The section of this key ({@code simulation}, {@code fleet}, ...), if the run has one. */
  public Optional<ResultSection> section(String key) {
    return sections.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** A copy with {@code more} sections after its own. */
  public RunResult withSections(List<ResultSection> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<ResultSection> all = new java.util.ArrayList<>(sections);
    all.addAll(more);
    return new RunResult(schemaVersion, name, status, stopReason, startTime, endTime,
        measuredDuration, config, environment, total, operations, intervals, verdicts, errors,
        system, generatorHealth, incomplete, phases, profileChanges, all);
  }

  /** Whether the run passed its criteria; a run without criteria never did (it {@linkplain RunStatus#COMPLETED completed}). */
  public boolean passed() {
    return status == RunStatus.PASSED;
  }

  /** Whether the run ended well enough for an exit code of success: it passed, or completed with no criteria. */
  public boolean succeeded() {
    return status == RunStatus.PASSED || status == RunStatus.COMPLETED;
  }

  /** Whether no operation of the measured window succeeded: such a run fails whatever its criteria. */
  public boolean nothingSucceeded() {
    return RunStatus.nothingSucceeded(total);
  }

  /** A copy with the given verdicts and the status they imply. */
  public RunResult withVerdicts(List<Verdict> newVerdicts, RunStatus newStatus) {
    return new RunResult(schemaVersion, name, newStatus, stopReason, startTime, endTime,
        measuredDuration, config, environment, total, operations, intervals, newVerdicts, errors,
        system, generatorHealth, incomplete, phases, profileChanges, sections);
  }
}
