package dev.plimsoll.report;

import dev.plimsoll.report.shared.RunSentences;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.text.TerminalText;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.report.TextTable.Align;
import dev.plimsoll.report.TextTable.Cell;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run result as aligned plain text for a terminal or a log.
 *
 * <p>The first line is always the verdict ({@code PASSED}, {@code FAILED}, {@code ABORTED} or
 * {@code COMPLETED (no criteria)}, the run's name and its stop reason); a result rebuilt from a journal after a crash says so next
 * ({@code INCOMPLETE}); when the generator flagged
 * itself as a possible bottleneck, the second line says so, because every number below it is then
 * in doubt; the next says what became of the operations (started, succeeded, failed, dropped). Then come the run summary,
 * the operations, the criteria, the error classes, the system and the generator's health. Text
 * from the run (names, error messages from the target) is printed with its control characters
 * escaped ({@link TerminalText}): a reason phrase holding {@code ESC[2J} must not clear the screen.
 *
 * <p>ANSI colour is used only when asked for; the caller decides, typically from whether standard
 * output is a terminal ({@code System.console() != null}). As a {@link Reporter} (named
 * {@value #NAME}, for a terminal, so it has no file), it writes the text without colour.
 */
public final class ConsoleReport implements Reporter {

  /** The name of this report among the {@link Reporter}s. */
  public static final String NAME = "console";

  private static final String INDENT = "  ";
  private static final int MESSAGE_WIDTH = 100;

  /** The instance {@link java.util.ServiceLoader} makes; the static methods need none. */
  public ConsoleReport() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> fileName() {
    return Optional.empty();
  }

  @Override
  public void write(RunResult result, OutputStream out) throws IOException {
    out.write(render(result, false).getBytes(StandardCharsets.UTF_8));
  }

  /** Prints {@link #render} to {@code out}. */
  public static void print(RunResult result, PrintStream out, boolean colour) {
    out.print(render(result, colour));
    out.flush();
  }

  /** The report as text, lines ended by {@code \n}; ANSI escape codes only when {@code colour}. */
  public static String render(RunResult result, boolean colour) {
    StringBuilder out = new StringBuilder();
    out.append(statusStyle(result.status()).apply(RunSentences.status(result), colour))
        .append("  ").append(TerminalText.escape(RunSentences.name(result))).append(": ")
        .append(TerminalText.escape(RunSentences.outcome(result))).append('\n');
    RunFacts.incompleteWarning(result).ifPresent(w -> out.append(Ansi.YELLOW.apply("INCOMPLETE", colour))
        .append(' ').append(TerminalText.escape(w)).append('\n'));
    Optional<String> warning = RunFacts.bottleneckWarning(result);
    warning.ifPresent(w -> out.append(Ansi.YELLOW.apply("WARNING", colour)).append(' ')
        .append(TerminalText.escape(w)).append('\n'));
    RunFacts.counts(result).ifPresent(c -> out.append(c).append('\n'));

    summary(out, result, colour);
    List<Map.Entry<String, String>> changes = RunFacts.loadChanges(result);
    if (!changes.isEmpty()) {
      keyValues(out, "Load changes", changes, colour);
    }
    operations(out, result, colour);
    criteria(out, result, colour);
    errors(out, result, colour);
    for (var section : result.sections()) {
      keyValues(out, TerminalText.escape(section.title()), RunFacts.sectionFacts(section), colour);
    }
    if (result.system() != null) {
      keyValues(out, "System", RunFacts.systemFacts(result.system()), colour);
    }
    if (result.generatorHealth() != null) {
      keyValues(out, "Generator health", RunFacts.generatorFacts(result.generatorHealth()),
          colour);
    }
    return out.toString();
  }

  private static void summary(StringBuilder out, RunResult result, boolean colour) {
    List<Map.Entry<String, String>> facts = new ArrayList<>();
    facts.add(Map.entry("duration", Formats.duration(RunFacts.wallDuration(result))
        + "  (" + Formats.instant(result.startTime()) + " to "
        + Formats.instant(result.endTime()) + ")"));
    facts.add(Map.entry("measured", Formats.duration(result.measuredDuration())
        + warmUpNote(result)));
    OperationStats total = result.total();
    if (total != null) {
      facts.add(Map.entry("started", Units.count(total.started()) + "  ("
          + Units.count(total.inFlight()) + " in flight at the end, "
          + Units.count(RunFacts.unfinishedAtStop(result)) + " unfinished at stop)"));
      facts.add(Map.entry("throughput", RunFacts.throughput(result)));
      facts.add(Map.entry("error rate", Formats.percent(total.errorRate())
          + "  (" + RunFacts.failedOfCompleted(total) + ")"));
    }
    keyValues(out, "Summary", facts, colour);
  }

  private static String warmUpNote(RunResult result) {
    if (result.config() == null || result.config().warmUp() == null
        || result.config().warmUp().isZero()) {
      return "";
    }
    return "  (warm-up of " + Formats.duration(result.config().warmUp()) + " excluded)";
  }

  private static void operations(StringBuilder out, RunResult result, boolean colour) {
    heading(out, "Operations", colour);
    List<OperationStats> rows = RunFacts.operationRows(result);
    if (rows.isEmpty()) {
      out.append(INDENT).append("none\n");
      return;
    }
    List<Align> aligns = new ArrayList<>(
        Collections.nCopies(RunFacts.OPERATION_HEADERS.size(), Align.RIGHT));
    aligns.set(0, Align.LEFT);
    TextTable table = new TextTable(RunFacts.OPERATION_HEADERS, aligns);
    for (OperationStats op : rows) {
      table.row(RunFacts.operationCells(op, result).toArray(String[]::new));
    }
    out.append(table.render(INDENT, colour));
    out.append(INDENT).append(RunFacts.LATENCY_NOTE).append('\n');
  }

  private static void criteria(StringBuilder out, RunResult result, boolean colour) {
    heading(out, "Criteria", colour);
    if (result.verdicts().isEmpty()) {
      out.append(INDENT).append("none\n");
      return;
    }
    TextTable table = new TextTable(
        List.of("criterion", "measured", "result"), List.of(Align.LEFT, Align.RIGHT, Align.LEFT));
    for (Verdict verdict : result.verdicts()) {
      table.row(List.of(
          Cell.of(RunFacts.criterionText(verdict)),
          Cell.of(RunFacts.measured(verdict)),
          !verdict.judged() ? new Cell("NOT JUDGED", Ansi.YELLOW)
              : verdict.passed() ? new Cell("PASS", Ansi.GREEN) : new Cell("FAIL", Ansi.RED)));
    }
    out.append(table.render(INDENT, colour));
  }

  private static void errors(StringBuilder out, RunResult result, boolean colour) {
    List<ErrorClass> errors = RunFacts.errorsByCount(result);
    heading(out, "Errors", colour);
    if (errors.isEmpty()) {
      out.append(INDENT).append("none\n");
      return;
    }
    TextTable table = new TextTable(
        List.of("count", "operation", "type", "first sample"),
        List.of(Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT));
    List<ErrorClass> shown = errors.subList(0, Math.min(RunFacts.TOP_ERRORS, errors.size()));
    for (ErrorClass error : shown) {
      table.row(Units.count(error.count()), error.operation(), error.type(),
          Formats.truncate(RunFacts.sampleMessage(error), MESSAGE_WIDTH));
    }
    out.append(table.render(INDENT, colour));
    if (errors.size() > shown.size()) {
      List<ErrorClass> rest = errors.subList(shown.size(), errors.size());
      out.append(INDENT).append("... and ").append(rest.size()).append(" more classes, ")
          .append(Units.count(RunFacts.totalErrorCount(rest))).append(" errors\n");
    }
  }

  private static void keyValues(
      StringBuilder out, String title, List<Map.Entry<String, String>> facts, boolean colour) {
    heading(out, title, colour);
    int width = facts.stream().mapToInt(f -> f.getKey().length()).max().orElse(0);
    for (Map.Entry<String, String> fact : facts) {
      out.append(INDENT).append(TerminalText.escape(fact.getKey())).append(" ".repeat(width - fact.getKey().length()))
          .append("  ").append(TerminalText.escape(fact.getValue())).append('\n');
    }
  }

  private static void heading(StringBuilder out, String title, boolean colour) {
    out.append('\n').append(Ansi.BOLD.apply(title, colour)).append('\n');
  }

  private static Ansi statusStyle(RunStatus status) {
    if (status == RunStatus.PASSED) {
      return Ansi.GREEN;
    }
    if (status == RunStatus.COMPLETED) {
      return Ansi.BOLD; // neither a pass nor a failure: nothing judged it
    }
    return status == RunStatus.FAILED ? Ansi.RED : Ansi.YELLOW;
  }
}
