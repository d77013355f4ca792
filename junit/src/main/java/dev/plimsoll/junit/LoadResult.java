package dev.plimsoll.junit;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.report.html.HtmlReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A load test's outcome: the numbers of all operations together (this object's
 * {@link OperationNumbers}), each operation's ({@link #operation}), memory, the verdicts of its
 * criteria and baseline gate, and where its reports are. {@link #runResult()} is the complete
 * record every report is rendered from.
 */
public final class LoadResult implements OperationNumbers {
  private final RunResult run;
  private final Path reportDirectory;
  private final MeasuredOperation total;

  LoadResult(RunResult run, Path reportDirectory) {
    this.run = Objects.requireNonNull(run, "run");
    this.reportDirectory = reportDirectory;
    this.total = new MeasuredOperation(
        run.total() == null ? OperationStats.empty("total") : run.total(), run.measuredDuration());
  }

  /** The run's complete record, as {@code result.json} holds it. */
  public RunResult runResult() {
    return run;
  }

  /**
   * One operation's numbers.
   *
   * @throws IllegalArgumentException naming the operations there are, for one the run did not have
   */
  public OperationNumbers operation(String name) {
    return run.operation(name)
        .<OperationNumbers>map(stats -> new MeasuredOperation(stats, run.measuredDuration()))
        .orElseThrow(() -> new IllegalArgumentException("no operation '" + name + "' (operations: "
            + String.join(", ", run.operations().stream().map(OperationStats::name).toList()) + ")"));
  }

  /** Each operation's numbers, in the run's order. */
  public List<OperationNumbers> operations() {
    return run.operations().stream()
        .<OperationNumbers>map(stats -> new MeasuredOperation(stats, run.measuredDuration()))
        .toList();
  }

  /** Whether every criterion and every gate comparison held (a run with neither passes). */
  public boolean passed() {
    return failures().isEmpty() && run.status() != RunStatus.ABORTED;
  }

  /** Every verdict: the criteria's, then the baseline gate's. */
  public List<Verdict> verdicts() {
    return run.verdicts();
  }

  /** The verdicts that failed, in order. */
  public List<Verdict> failures() {
    return run.verdicts().stream().filter(v -> !v.passed()).toList();
  }

  /**
   * The heap's growth, from its size after each garbage collection, in MB per minute; NaN when the
   * run was too short or collected too rarely to show a trend.
   */
  public double memoryGrowthMbPerMinute() {
    return system().memoryGrowthMbPerMinute();
  }

  /** The most heap in use at any sample, in bytes; -1 when not measured. */
  public long heapPeakBytes() {
    return system().heapUsedPeakBytes();
  }

  /** The measured time, warm-up left out. */
  public Duration measuredDuration() {
    return run.measuredDuration();
  }

  /** The folder holding {@code result.json}, {@code report.md} and {@code report.html}, if written. */
  public Optional<Path> reportDirectory() {
    return Optional.ofNullable(reportDirectory);
  }

  /** The HTML report, if written. */
  public Optional<Path> htmlReport() {
    return reportDirectory().map(d -> d.resolve(HtmlReport.FILE_NAME));
  }

  private SystemSummary system() {
    return run.system() == null ? SystemSummary.UNKNOWN : run.system();
  }

  @Override
  public String name() {
    return total.name();
  }

  @Override
  public double opsPerSecond() {
    return total.opsPerSecond();
  }

  @Override
  public long completed() {
    return total.completed();
  }

  @Override
  public long failed() {
    return total.failed();
  }

  @Override
  public double errorRate() {
    return total.errorRate();
  }

  @Override
  public Duration meanLatency() {
    return total.meanLatency();
  }

  @Override
  public Duration p(double percentile) {
    return total.p(percentile);
  }

  @Override
  public Duration maxLatency() {
    return total.maxLatency();
  }

  /** {@code 'auth': 10,412 ops/s, mean 0.95 ms, p99 2.1 ms, errors 0% (report: ...)}. */
  @Override
  public String toString() {
    return "'" + run.name() + "': " + total.numbers() + reportDirectory().map(d -> " (reports: " + d + ")").orElse("")
        + (Double.isNaN(memoryGrowthMbPerMinute()) ? "" : ", heap growth " + Units.decimal(memoryGrowthMbPerMinute()) + " MB/min");
  }
}
