package dev.plimsoll.examples.support;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.runner.Runner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** How the worked examples run a scenario and show what it measured: one place for all three. */
public final class ExampleRuns {
  /** The table {@link #table} prints, as Markdown: what each example's README shows. */
  public static final String TABLE_HEADER = """
      | operation | ops/s | mean | p95 | p99 | errors |
      |---|---:|---:|---:|---:|---:|""";

  private ExampleRuns() {}

  /**
   * Runs {@code scenario} with result.json and report.md written into {@code directory} (none when
   * null), notices dropped, after {@code configure} has had its say (a baseline, a gate).
   */
  public static RunResult run(Scenario scenario, Path directory, UnaryOperator<Runner.Builder> configure) {
    Runner.Builder b = Runner.forScenario(scenario).reports("markdown").notices(notice -> {});
    if (directory != null) {
      b.resultsDirectory(directory);
    }
    return configure.apply(b).build().run();
  }

  /** One Markdown row per operation and one for them all together. */
  public static List<String> table(RunResult result) {
    List<String> rows = new ArrayList<>(List.of(TABLE_HEADER.split("\n")));
    for (OperationStats op : result.operations()) {
      rows.add(row(op.name(), op, result));
    }
    if (result.operations().size() > 1) {
      rows.add(row("all", result.total(), result));
    }
    return rows;
  }

  private static String row(String name, OperationStats op, RunResult result) {
    LatencyStats rt = op.responseTime().stats();
    return "| " + name + " | " + Units.decimal(op.throughputPerSecond(result.measuredDuration()))
        + " | " + ms(rt.meanMs()) + " | " + ms(rt.p95Ms()) + " | " + ms(rt.p99Ms())
        + " | " + Units.percent(op.errorRate()) + " |";
  }

  /** A latency in milliseconds, three significant digits. */
  public static String ms(double ms) {
    return Units.decimal(ms) + " ms";
  }

  /** The verdicts that failed, one line each, or nothing. */
  public static List<String> failures(RunResult result) {
    return result.verdicts().stream().filter(v -> !v.passed())
        .map(v -> "FAILED " + v.criterion().source() + ": " + v.detail()).toList();
  }
}
