package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.IntervalLog;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.Reports;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @Test
  void isTheReporterNamedHtmlWritingReportHtml(@TempDir Path dir) throws IOException {
    assertThat(Reports.reporters()).extracting(Reporter::name).contains(HtmlReport.NAME);
    List<Path> written = Reports.writeAll(ResultFixtures.richResult(), dir);
    assertThat(written).contains(dir.resolve("report.html"));
    assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n");
  }

  @Test
  void thePageLoadsNothing() throws IOException {
    String page = render(ResultFixtures.richResult());
    assertThat(page).doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b")
        .doesNotContainPattern("(?i)\\b(src|href)\\s*=")
        .contains("default-src 'none'")
        .contains("Copyright (c) 2022 Leon Sorokin");
    // The only scripts are uPlot, the report's own, and the data, which is not run.
    assertThat(Pattern.compile("<script[ >]").matcher(page).results().count()).isEqualTo(3);
  }

  @Test
  void aResultSection_isATableUnderItsTitle_escaped() throws IOException {
    RunResult result = ResultFixtures.richResult().withSections(java.util.List.of(
        dev.plimsoll.core.result.ResultSection.builder("simulation", "Simulation <sim>")
            .fact("seed", "42").fact("fault", "partition <a|b> at 2 s").build()));

    String page = render(result);

    assertThat(page).contains("<section id=\"section-simulation\"><h2>Simulation &lt;sim&gt;</h2>")
        .contains("<td>seed</td><td>42</td>").contains("<td>partition &lt;a|b&gt; at 2 s</td>");
  }

  @Test
  void textFromTheRunIsEscapedInTheMarkup() throws IOException {
    String page = render(HostileResults.result());
    String markup = page.substring(0, page.indexOf("<script type=\"application/json\""));
    assertThat(markup).doesNotContain(HostileResults.SCRIPT_NAME, "<img", "<svg", "\u001b")
        .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;")
        .contains("&quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;")
        .contains("\u241b[31mred");
    assertThat(page.substring(markup.length())).doesNotContain(HostileResults.SCRIPT_NAME)
        .doesNotContain("window.pwned=4</script>");
  }

  @Test
  void theLoadSectionListsEachChangeAndThePlannedPhases_andTheChartsMarkThem() throws IOException {
    String page = render(ResultFixtures.richResult());
    String load = page.substring(page.indexOf("<section id=\"load-changes\">"));
    load = load.substring(0, load.indexOf("</section>"));
    assertThat(load).contains("<td>2s250ms</td><td>shoppers</td><td>rate 200/s → 262.5/s</td><td>dashboard</td>",
        "<td>warm-up</td><td>warm-up 1.5s</td>", "<td>ramp</td><td>ramp 0/s to 200/s</td>");
    String data = page.substring(page.indexOf("<script type=\"application/json\""));
    assertThat(data).contains("{\"x\":0.0,\"end\":1.5,\"kind\":\"warm-up\",\"row\":0,\"label\":\"warm-up\"}",
        "{\"x\":2.25,\"end\":2.25,\"kind\":\"change\",\"row\":0,"
            + "\"label\":\"shoppers: rate 200/s → 262.5/s (dashboard)\"}",
        "\"kind\":\"phase\",\"row\":1,\"label\":\"constant 200/s\"");
  }

  @Test
  void aResultWithoutPhasesMarksTheEndOfItsWarmUpAndItsStop() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    RunResult older = new RunResult(rich.schemaVersion(), rich.name(), RunStatus.ABORTED, "stopped by request",
        rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(), rich.environment(), rich.total(),
        rich.operations(), rich.intervals(), rich.verdicts(), rich.errors(), rich.system(), rich.generatorHealth());
    String page = render(older);
    assertThat(page).doesNotContain("id=\"load-changes\"")
        .contains("\"kind\":\"edge\",\"row\":0,\"label\":\"warm-up ends\"",
            "{\"x\":61.5,\"end\":61.5,\"kind\":\"abort\",\"row\":0,\"label\":\"stopped by request\"}");
  }

  @Test
  void aDayOfIntervalsIsDownsampledAndKeepsItsOneSecondSpike() throws IOException {
    int intervals = 86_400;
    int spikeAt = 51_234;
    RunResult day = longRun(intervals, spikeAt);
    List<Chart> charts = Timeline.charts(day, List.of(ResultFixtures.SEARCH), day.startTime(),
        HtmlReport.MAX_POINTS);
    Chart latency = charts.stream().filter(c -> c.id().equals("latency")).findFirst().orElseThrow();
    assertThat(latency.x().length).isBetween(HtmlReport.MAX_POINTS * 9 / 10, HtmlReport.MAX_POINTS);
    double spike = ResultFixtures.latencies(7, 200, 500).stats().maxMs();
    Chart.Series max = latency.series().stream().filter(s -> s.group().equals("max")).findFirst()
        .orElseThrow();
    assertThat(Arrays.stream(max.values()).max().orElseThrow()).isEqualTo(spike);
    double[] x = latency.x();
    for (int i = 1; i < x.length; i++) {
      assertThat(x[i]).isGreaterThan(x[i - 1]);
    }
    assertThat(x[x.length - 1]).isEqualTo(intervals - 1);
  }

  @Test
  void aResultWithNothingInItStillRenders() throws IOException {
    String page = render(ResultFixtures.sparseResult());
    assertThat(page).contains("ABORTED").contains("No intervals were recorded.")
        .contains("\"charts\":[]");
  }

  /** A day at 1 s intervals in a disk-backed log, one operation, one interval much slower. */
  private static RunResult longRun(int intervals, int spikeAt) {
    RunResult rich = ResultFixtures.richResult();
    IntervalSnapshot template = rich.intervals().get(3);
    OperationStats normal = template.operation(ResultFixtures.SEARCH);
    OperationStats slow = new OperationStats(normal.name(), 200, 200, 0, 0, 0,
        ResultFixtures.latencies(7, 200, 500), normal.serviceTime(), List.of());
    IntervalLog log = new IntervalLog(64 * 1024);
    Instant start = rich.startTime();
    for (int i = 0; i < intervals; i++) {
      log.add(new IntervalSnapshot(i, start.plusSeconds(i), Duration.ofSeconds(1), false, 100,
          List.of(i == spikeAt ? slow : normal), template.schedulingLag(), template.toWire(),
          template.afterAnswer(), template.system()));
    }
    return new RunResult(rich.schemaVersion(), "day", rich.status(), "completed", start,
        start.plusSeconds(intervals), Duration.ofSeconds(intervals), rich.config(),
        rich.environment(), normal, List.of(normal), log.view(), List.of(), List.of(),
        rich.system(), rich.generatorHealth());
  }

  private static String render(RunResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlReport().write(result, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
