package dev.plimsoll.report;

import dev.plimsoll.report.shared.RunSentences;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run result as GitHub-flavoured Markdown, for a pull request comment, a CI job summary or a
 * file beside {@code result.json}.
 *
 * <p>The first line is a heading with the verdict and the run's name. Then: the stop reason and a
 * one-line summary, a warning when the generator may have been the bottleneck, the criteria, the
 * operations, the failures, the generator's health, the system and the environment. All text
 * taken from the run (names, error messages) is escaped, so it cannot break a table.
 *
 * <p>As a {@link Reporter}, named {@value #NAME}, it writes {@value #FILE_NAME}.
 */
public final class MarkdownReport implements Reporter {

  /** The name of this report among the {@link Reporter}s. */
  public static final String NAME = "markdown";

  /** The file this report is written to in a run's directory. */
  public static final String FILE_NAME = "report.md";

  private static final int MESSAGE_WIDTH = 200;

  /** The instance {@link java.util.ServiceLoader} makes; {@link #render} needs none. */
  public MarkdownReport() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> fileName() {
    return Optional.of(FILE_NAME);
  }

  @Override
  public void write(RunResult result, OutputStream out) throws IOException {
    out.write(render(result).getBytes(StandardCharsets.UTF_8));
  }

  /** The report as Markdown, lines ended by {@code \n}. */
  public static String render(RunResult result) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(RunSentences.status(result)).append(": ")
        .append(Markdown.escape(RunSentences.name(result))).append("\n\n");
    out.append(Markdown.escape(capitalise(RunSentences.outcome(result)))).append(".\n\n");
    out.append(summaryLine(result)).append("\n\n");
    RunFacts.counts(result).ifPresent(c -> out.append(Markdown.escape(capitalise(c))).append(".\n\n"));
    RunFacts.incompleteWarning(result).ifPresent(w ->
        out.append("> [!CAUTION]\n> ").append(Markdown.escape(capitalise(w))).append(".\n\n"));
    RunFacts.bottleneckWarning(result).ifPresent(w ->
        // A GitHub alert: rendered as a warning box on GitHub, a plain quote elsewhere.
        out.append("> [!WARNING]\n> ").append(Markdown.escape(capitalise(w))).append(".\n\n"));

    criteria(out, result);
    if (!result.profileChanges().isEmpty()) {
      out.append("## Load changes\n\n");
      keyValues(out, "when", RunFacts.loadChanges(result));
    }
    operations(out, result);
    failures(out, result);
    for (var section : result.sections()) {
      out.append("## ").append(Markdown.escape(section.title())).append("\n\n");
      keyValues(out, "fact", RunFacts.sectionFacts(section));
    }
    if (result.generatorHealth() != null) {
      out.append("## Generator health\n\n");
      out.append(generatorNote(result)).append("\n\n");
      keyValues(out, "measure", RunFacts.generatorFacts(result.generatorHealth()));
    }
    if (result.system() != null) {
      out.append("## System\n\n");
      keyValues(out, "measure", RunFacts.systemFacts(result.system()));
    }
    if (result.environment() != null) {
      out.append("## Environment\n\n");
      keyValues(out, "property", environmentFacts(result.environment()));
    }
    // One newline at the end, not a blank line: the last section already ended with one.
    return out.toString().stripTrailing() + "\n";
  }

  private static String summaryLine(RunResult result) {
    StringBuilder line = new StringBuilder();
    line.append("Started ").append(Formats.instant(result.startTime()))
        .append(", ran ").append(Formats.duration(RunFacts.wallDuration(result)))
        .append(", measured ").append(Formats.duration(result.measuredDuration()));
    OperationStats total = result.total();
    if (total != null) {
      line.append(": ").append(RunFacts.throughput(result)).append(", ")
          .append(Formats.percent(total.errorRate())).append(" errors (")
          .append(RunFacts.failedOfCompleted(total)).append(")");
    }
    return Markdown.escape(line.append('.').toString());
  }

  private static void criteria(StringBuilder out, RunResult result) {
    out.append("## Criteria\n\n");
    if (result.verdicts().isEmpty()) {
      out.append("No criteria were set.\n\n");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Verdict verdict : result.verdicts()) {
      rows.add(List.of(RunFacts.criterionText(verdict), RunFacts.measured(verdict),
          !verdict.judged() ? "NOT JUDGED" : verdict.passed() ? "PASS" : "FAIL"));
    }
    out.append(Markdown.table(List.of("criterion", "measured", "verdict"),
        List.of(false, true, false), rows)).append('\n');
  }

  private static void operations(StringBuilder out, RunResult result) {
    out.append("## Operations\n\n");
    List<OperationStats> ops = RunFacts.operationRows(result);
    if (ops.isEmpty()) {
      out.append("No operations were recorded.\n\n");
      return;
    }
    List<Boolean> rightAligned = new ArrayList<>(
        Collections.nCopies(RunFacts.OPERATION_HEADERS.size(), true));
    rightAligned.set(0, false);
    List<List<String>> rows = ops.stream().map(op -> RunFacts.operationCells(op, result)).toList();
    out.append(Markdown.table(RunFacts.OPERATION_HEADERS, rightAligned, rows)).append('\n');
    out.append(Markdown.escape(capitalise(RunFacts.LATENCY_NOTE))).append(".\n\n");
  }

  private static void failures(StringBuilder out, RunResult result) {
    out.append("## Failures\n\n");
    List<ErrorClass> errors = RunFacts.errorsByCount(result);
    if (errors.isEmpty()) {
      out.append("No operation failed.\n\n");
      return;
    }
    out.append(Units.count(RunFacts.totalErrorCount(errors))).append(" errors in ")
        .append(errors.size()).append(errors.size() == 1 ? " class" : " classes").append(".\n\n");
    List<ErrorClass> shown = errors.subList(0, Math.min(RunFacts.TOP_ERRORS, errors.size()));
    List<List<String>> rows = new ArrayList<>();
    for (ErrorClass error : shown) {
      rows.add(List.of(error.operation(), error.type(), Units.count(error.count()),
          Formats.instant(error.first()), Formats.instant(error.last()),
          Formats.truncate(RunFacts.sampleMessage(error), MESSAGE_WIDTH)));
    }
    out.append(Markdown.table(List.of("operation", "type", "count", "first", "last", "sample"),
        List.of(false, false, true, false, false, false), rows)).append('\n');
    if (errors.size() > shown.size()) {
      List<ErrorClass> rest = errors.subList(shown.size(), errors.size());
      out.append("And ").append(rest.size()).append(" more classes with ")
          .append(Units.count(RunFacts.totalErrorCount(rest))).append(" errors.\n\n");
    }
  }

  private static String generatorNote(RunResult result) {
    if (result.generatorHealth().bottleneckSuspected()) {
      return "The load generator may have limited this run, so the latencies above may describe"
          + " Plimsoll rather than the system under test. Reasons: "
          + Markdown.escape(String.join("; ", result.generatorHealth().reasons())) + ".";
    }
    return "The load generator kept its schedule; the latencies describe the system under test.";
  }

  private static List<Map.Entry<String, String>> environmentFacts(EnvironmentInfo env) {
    return List.of(
        Map.entry("Plimsoll", String.valueOf(env.plimsollVersion())),
        Map.entry("Java", env.javaVersion() + " (" + env.javaVendor() + ", " + env.jvmName() + ")"),
        Map.entry("OS", env.osName() + " " + env.osVersion() + " (" + env.osArch() + ")"),
        Map.entry("processors", String.valueOf(env.availableProcessors())),
        Map.entry("max heap", Formats.bytes(env.maxHeapBytes())),
        Map.entry("host", String.valueOf(env.hostName())));
  }

  private static void keyValues(
      StringBuilder out, String keyHeader, List<Map.Entry<String, String>> facts) {
    List<List<String>> rows = facts.stream()
        .map(f -> List.of(f.getKey(), f.getValue()))
        .toList();
    out.append(Markdown.table(List.of(keyHeader, "value"), List.of(false, false), rows)).append('\n');
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
