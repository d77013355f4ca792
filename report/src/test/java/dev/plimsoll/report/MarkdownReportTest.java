package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.testing.ResultFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  // A cell separator: a pipe not escaped by a backslash.
  private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

  @Test
  void firstLine_isTheVerdictHeading_thenTheOutcome() {
    List<String> lines = MarkdownReport.render(ResultFixtures.richResult()).lines().toList();

    assertThat(lines.get(0)).isEqualTo("# FAILED: checkout-load");
    assertThat(lines.get(2)).isEqualTo("Completed; 2 of 3 criteria failed.");
  }

  @Test
  void bottleneck_isAGitHubWarningAlert() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    assertThat(md).contains("> [!WARNING]\n> Generator may have been the bottleneck: scheduling"
        + " lag p99 3.2 ms above 1 ms; process CPU peaked at 97%.\n");
    assertThat(MarkdownReport.render(ResultFixtures.passingResult()))
        .doesNotContain("[!WARNING]")
        .contains("The load generator kept its schedule");
  }

  @Test
  void criteriaTable_hasMeasuredValueAndVerdict() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    assertThat(md).contains("| criterion | measured | verdict |\n| --- | ---: | --- |\n"
        + "| p95 &lt; 25ms | 12.3 ms | PASS |\n"
        + "| search.p95 &lt; 5ms | 7.13 ms | FAIL |\n"
        + "| serch.p95 &lt; 5ms | no such operation 'serch' | FAIL |\n");
  }

  @Test
  void criteriaTable_showsACriterionNotJudged() {
    RunResult rich = ResultFixtures.richResult();
    Verdict notJudged = Verdict.notJudged(Criterion.parse("memory_growth < 10MB/min"),
        "too short to judge: no garbage collection in the measured time");
    RunResult result = new RunResult(rich.schemaVersion(), rich.name(), rich.status(),
        rich.stopReason(), rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(),
        rich.environment(), rich.total(), rich.operations(), rich.intervals(), List.of(notJudged),
        rich.errors(), rich.system(), rich.generatorHealth());

    assertThat(MarkdownReport.render(result)).contains("| memory\\_growth &lt; 10MB/min"
        + " | too short to judge: no garbage collection in the measured time | NOT JUDGED |\n");
  }

  @Test
  void operationTable_escapesPipesInNames() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    // Started first, then completed, succeeded, failed, dropped.
    assertThat(md).contains("| search | 123,458 | 123,456 | 123,456 | 0 | 4 |")
        .contains("| checkout\\|pay | 21,243 | 21,241 | 20,000 | 1,241 | 4 |")
        .contains("| total | 144,701 | 144,697 |");
  }

  @Test
  void failures_listCountsTimesAndAnEscapedSample() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    assertThat(md).contains("1,241 errors in 2 classes.")
        .contains("| checkout\\|pay | java.net.SocketTimeoutException | 1,234 |"
            + " 2025-03-01T10:00:03Z | 2025-03-01T10:00:43Z | timeout after 1032 ms |")
        .contains("Connection refused: localhost/127.0.0.1:8080");
  }

  @Test
  void sections_appearInOrder() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    assertThat(md).containsSubsequence("# FAILED", "## Criteria", "## Load changes",
        "| at 2.25 s | shoppers: rate 200/s → 262.5/s (dashboard) |", "## Operations",
        "## Failures", "## Generator health", "## System", "## Environment", "| host | loadgen-1 |");
    assertThat(md).endsWith("|\n").doesNotContain("\n\n\n");
  }

  @Test
  void generatorHealth_tableShowsTheClientsOwnCosts() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    assertThat(md).containsSubsequence("## Generator health", "| scheduling lag p99 | 2.43 ms (limit 1 ms) |",
        "| to the wire p99 | 8.21 ms (max 14.1 ms; includes waiting for a free connection) |",
        "| after the answer p99 | 5.07 ms (max 7.12 ms; limit 1 ms) |", "## System");
  }

  @Test
  void everyTable_hasTheSameNumberOfCellsOnEachRow() {
    String md = MarkdownReport.render(ResultFixtures.richResult());

    List<List<String>> tables = tables(md);
    // Criteria, load changes, operations, failures, generator health, system, environment.
    assertThat(tables).hasSize(7);
    for (List<String> table : tables) {
      int columns = cells(table.get(0));
      assertThat(table).allSatisfy(row -> assertThat(cells(row)).as(row).isEqualTo(columns));
      assertThat(table.get(1)).matches("\\|( ---:? \\|)+");
    }
  }

  @Test
  void escape_neutralisesMarkup() {
    assertThat(Markdown.escape("a|b *c* _d_ `e` <f> [g](h) \\ i\nj"))
        .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\`e\\` &lt;f&gt; \\[g\\](h) \\\\ i j");
  }

  @Test
  void sparseResult_rendersWithoutFailing() {
    String md = MarkdownReport.render(ResultFixtures.sparseResult());

    assertThat(md).startsWith("# ABORTED: run\n")
        .contains("No criteria were set.", "No operations were recorded.",
            "No operation failed.");
  }

  private static List<List<String>> tables(String md) {
    List<List<String>> tables = new ArrayList<>();
    List<String> current = null;
    for (String line : md.lines().toList()) {
      if (line.startsWith("|")) {
        if (current == null) {
          current = new ArrayList<>();
          tables.add(current);
        }
        current.add(line);
      } else {
        current = null;
      }
    }
    return tables;
  }

  private static int cells(String row) {
    Matcher m = UNESCAPED_PIPE.matcher(row);
    int pipes = 0;
    while (m.find()) {
      pipes++;
    }
    return pipes - 1;
  }
}
