package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

  @Test
  void aResultSection_isRenderedUnderItsTitle_asItsFacts() {
    RunResult result = ResultFixtures.richResult().withSections(List.of(ResultSection.builder("fleet", "Workers")
        .fact("w1", "127.0.0.1, share 1/2").fact("w2-longer", "lost at 3 s").build()));

    List<String> lines = ConsoleReport.render(result, false).lines().toList();

    int at = lines.indexOf("Workers");
    assertThat(at).isPositive();
    assertThat(lines.subList(at + 1, at + 3)).containsExactly("  w1         127.0.0.1, share 1/2", "  w2-longer  lost at 3 s");
    assertThat(MarkdownReport.render(result)).contains("## Workers\n\n").contains("| w2-longer | lost at 3 s |");
  }

  @Test
  void firstLine_isTheVerdictWithStopReason() {
    List<String> lines = ConsoleReport.render(ResultFixtures.richResult(), false).lines().toList();

    assertThat(lines.get(0))
        .isEqualTo("FAILED  checkout-load: completed; 2 of 3 criteria failed");
  }

  @Test
  void secondLine_warnsWhenTheGeneratorWasTheBottleneck() {
    List<String> lines = ConsoleReport.render(ResultFixtures.richResult(), false).lines().toList();

    assertThat(lines.get(1)).isEqualTo("WARNING generator may have been the bottleneck:"
        + " scheduling lag p99 3.2 ms above 1 ms; process CPU peaked at 97%");
  }

  @Test
  void changesMadeToTheLoad_followTheSummary_withTheirTimeAndWhoMadeThem() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), false);

    assertThat(text).containsSubsequence("Summary", "Load changes\n",
        "  at 2.25 s  shoppers: rate 200/s → 262.5/s (dashboard)\n", "Operations");
    RunResult rich = ResultFixtures.richResult();
    RunResult unchanged = new RunResult(rich.schemaVersion(), rich.name(), rich.status(), rich.stopReason(),
        rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(), rich.environment(), rich.total(),
        rich.operations(), rich.intervals(), rich.verdicts(), rich.errors(), rich.system(), rich.generatorHealth());
    assertThat(ConsoleReport.render(unchanged, false)).doesNotContain("Load changes");
  }

  @Test
  void healthyGenerator_noWarning() {
    String text = ConsoleReport.render(ResultFixtures.passingResult(), false);

    assertThat(text.lines().findFirst()).hasValue(
        "PASSED  checkout-load: completed; the criterion passed");
    assertThat(text).doesNotContain("WARNING").containsPattern("bottleneck +not suspected");
  }

  @Test
  void aRunWithoutCriteria_saysSoAndLeadsWithItsCounts() {
    RunResult completed = ResultFixtures.passingResult().withVerdicts(List.of(), RunStatus.COMPLETED);
    List<String> lines = ConsoleReport.render(completed, false).lines().toList();

    assertThat(lines.get(0)).isEqualTo("COMPLETED (no criteria)  checkout-load: completed; no criteria");
    assertThat(lines.get(1)).isEqualTo("144,701 started: 143,456 succeeded, 1,241 failed (0.858% errors),"
        + " 4 in flight at the end; 8 arrivals dropped");
    assertThat(String.join("\n", lines)).doesNotContain("PASSED");
  }

  @Test
  void dropsWithAHealthyGenerator_areTheSystems() {
    RunResult passing = ResultFixtures.passingResult();
    GeneratorHealth h = passing.generatorHealth();
    GeneratorHealth dropped = new GeneratorHealth(false, List.of(), h.schedulingLag(), h.toWire(),
        h.afterAnswer(), 8, h.processCpuPeak());
    RunResult result = new RunResult(passing.schemaVersion(), passing.name(), passing.status(),
        passing.stopReason(), passing.startTime(), passing.endTime(), passing.measuredDuration(),
        passing.config(), passing.environment(), passing.total(), passing.operations(),
        passing.intervals(), passing.verdicts(), passing.errors(), passing.system(), dropped);

    assertThat(ConsoleReport.render(result, false)).doesNotContain("WARNING")
        .containsPattern("dropped arrivals +8 \\(at the in-flight bound, while operations waited on the"
            + " system under test: the system's limit, not the generator's\\)");
  }

  @Test
  void withoutColour_noAnsiCodes() {
    assertThat(ConsoleReport.render(ResultFixtures.richResult(), false)).doesNotContain("\u001b");
  }

  @Test
  void withColour_verdictAndFailuresAreColoured() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), true);

    assertThat(text).startsWith("\u001b[31mFAILED\u001b[0m  checkout-load")
        .contains("\u001b[31mFAIL\u001b[0m")
        .contains("\u001b[32mPASS\u001b[0m");
  }

  @Test
  void operationTable_hasARowPerOperationAndTheTotal_aligned() {
    List<String> lines = ConsoleReport.render(ResultFixtures.richResult(), false).lines().toList();
    int header = lines.indexOf("Operations") + 1;

    assertThat(lines.get(header)).startsWith("  operation ").contains("rate/s", "p99.9", "svc p99");
    assertThat(lines.get(header + 1)).startsWith("  search ").contains("123,456");
    assertThat(lines.get(header + 2)).startsWith("  checkout|pay ").contains("21,241", "1,241");
    assertThat(lines.get(header + 3)).startsWith("  total ").contains("144,697");
    // Right-aligned numeric columns end at the same position on every row.
    assertThat(lines.subList(header, header + 4)).extracting(String::length).containsOnly(
        lines.get(header).length());
  }

  @Test
  void summary_showsDurationThroughputAndErrorRate() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), false);

    // Throughput follows from the counts: 144,697 completed in 58.500000001 s.
    assertThat(text).contains("duration    1m 02s  (2025-03-01T10:00:00Z to 2025-03-01T10:01:01Z)")
        .contains("measured    58.5 s  (warm-up of 1.5 s excluded)")
        .contains("throughput  2,473 ops/s")
        .contains("error rate  0.858%  (1,241 of 144,697)");
  }

  @Test
  void criteria_showMeasuredValuesAndVerdicts() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), false);

    assertThat(text).containsPattern("p95 < 25ms +12.3 ms  PASS")
        .containsPattern("search.p95 < 5ms +7.13 ms  FAIL")
        .containsPattern("serch.p95 < 5ms +no such operation 'serch'  FAIL");
  }

  @Test
  void errors_showCountsAndTheFirstSample() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), false);

    assertThat(text).containsPattern(
        "1,234 +checkout\\|pay +java.net.SocketTimeoutException +timeout after 1032 ms");
  }

  @Test
  void errors_moreThanTen_summariseTheRest() {
    RunResult rich = ResultFixtures.richResult();
    List<ErrorClass> many = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      many.add(ResultFixtures.timeouts("op" + i, 100 - i, ResultFixtures.START));
    }
    RunResult result = new RunResult(rich.schemaVersion(), rich.name(), rich.status(),
        rich.stopReason(), rich.startTime(), rich.endTime(), rich.measuredDuration(),
        rich.config(), rich.environment(), rich.total(), rich.operations(), rich.intervals(),
        rich.verdicts(), many, rich.system(), rich.generatorHealth());

    String text = ConsoleReport.render(result, false);

    assertThat(text).contains(" op9 ").doesNotContain(" op10 ")
        .contains("... and 3 more classes, 267 errors");
  }

  @Test
  void systemAndGenerator_sectionsArePresent() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), false);

    assertThat(text).containsPattern("CPU, process +25% avg, 97% peak")
        .containsPattern("heap peak +300 MiB")
        .containsPattern("RSS peak +1.2 GiB")
        .containsPattern("GC +17 collections, 45.3 ms paused")
        .containsPattern("memory growth +0.75 ± 0.5 MB/min \\(95% confidence; heap after 17 collections over 57s\\)")
        .containsPattern("network, machine +1.4 GiB received, 286 MiB sent \\(all processes\\)")
        .containsPattern("scheduling lag p99 +2.43 ms \\(limit 1 ms\\)")
        .containsPattern("dropped arrivals +12");
  }

  /** A run too short to show a memory trend: the criterion is neither passed nor failed. */
  @Test
  void criterionNotJudged_saysSoAndWhy() {
    RunResult rich = ResultFixtures.richResult();
    Verdict notJudged = Verdict.notJudged(Criterion.parse("memory_growth < 10MB/min"),
        "too short to judge: 4 collections over 14s (needs 5 over 30s)");
    RunResult result = new RunResult(rich.schemaVersion(), rich.name(), RunStatus.PASSED,
        "completed", rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(),
        rich.environment(), rich.total(), rich.operations(), rich.intervals(),
        List.of(rich.verdicts().get(0), notJudged), rich.errors(), rich.system(), rich.generatorHealth());

    String text = ConsoleReport.render(result, false);

    assertThat(text)
        .contains("completed; 1 of 2 criteria passed, 1 not judged")
        .containsPattern("memory_growth < 10MB/min +too short to judge: 4 collections over 14s"
            + " \\(needs 5 over 30s\\) +NOT JUDGED");
  }

  @Test
  void generatorSection_showsTheClientsOwnCosts_andWhatTheWayToTheWireIncludes() {
    String text = ConsoleReport.render(ResultFixtures.richResult(), false);

    assertThat(text)
        .containsPattern("to the wire p99 +8.21 ms \\(max 14.1 ms; includes waiting for a free connection\\)")
        .containsPattern("after the answer p99 +5.07 ms \\(max 7.12 ms; limit 1 ms\\)");
  }

  /** Operations that report no times (a plain Java operation), or a file from before they existed. */
  @Test
  void clientCostsNobodyReported_sayNotReported() {
    RunResult rich = ResultFixtures.richResult();
    GeneratorHealth g = rich.generatorHealth();
    GeneratorHealth unreported = new GeneratorHealth(g.bottleneckSuspected(), g.reasons(), g.schedulingLag(),
        LatencyDistribution.empty(), null, g.droppedArrivals(), g.processCpuPeak());
    RunResult result = new RunResult(rich.schemaVersion(), rich.name(), rich.status(), rich.stopReason(),
        rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(), rich.environment(),
        rich.total(), rich.operations(), rich.intervals(), rich.verdicts(), rich.errors(), rich.system(),
        unreported);

    assertThat(ConsoleReport.render(result, false))
        .containsPattern("to the wire p99 +not reported\n")
        .containsPattern("after the answer p99 +not reported\n");
  }

  @Test
  void sparseResult_rendersWithoutFailing() {
    String text = ConsoleReport.render(ResultFixtures.sparseResult(), false);

    assertThat(text).startsWith("ABORTED  run: no stop reason recorded; no criteria\n")
        .contains("Operations\n  none");
  }

  @Test
  void print_writesTheRenderedText() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ConsoleReport.print(ResultFixtures.richResult(), new PrintStream(bytes, true,
        StandardCharsets.UTF_8), false);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(ConsoleReport.render(ResultFixtures.richResult(), false));
  }
}
