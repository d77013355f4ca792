package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {

  /** Parses the report as a CI server would: a strict XML 1.0 parser, no DTDs. */
  private static Document parse(RunResult result) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new JUnitXmlReport().write(result, bytes);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static List<Element> testCases(Document doc) {
    NodeList nodes = doc.getElementsByTagName("testcase");
    List<Element> cases = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      cases.add((Element) nodes.item(i));
    }
    return cases;
  }

  private static Element child(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
  }

  @Test
  void oneTestCasePerCriterion_namedAsWritten_withMeasuredAndThresholdInTheFailure() throws Exception {
    Document doc = parse(ResultFixtures.richResult());

    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    Element suite = child(suites, "testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("plimsoll.checkout-load");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
    assertThat(suite.getAttribute("time")).isEqualTo("61.500");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-01T10:00:00");

    List<Element> cases = testCases(doc);
    assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
        JUnitXmlReport.RUN_CASE, "p95 < 25ms", "search.p95 < 5ms", "serch.p95 < 5ms");
    assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo("plimsoll.checkout-load"));
    assertThat(child(cases.get(0), "failure")).isNull();
    assertThat(child(cases.get(1), "failure")).isNull();
    Element failure = child(cases.get(2), "failure");
    assertThat(failure.getAttribute("message")).isEqualTo("measured 7.13 ms, threshold < 5 ms");
    assertThat(failure.getAttribute("type")).isEqualTo("criterion");
    assertThat(child(cases.get(3), "failure").getAttribute("message"))
        .isEqualTo("measured no such operation 'serch', threshold < 5 ms");
  }

  @Test
  void aCriterionNotJudged_isSkippedWithTheReason() throws Exception {
    RunResult passing = ResultFixtures.passingResult();
    List<Verdict> verdicts = new ArrayList<>(passing.verdicts());
    verdicts.add(Verdict.notJudged(Criterion.parse("memory_growth < 10MB/min"), "the run was too short to show a trend"));
    Document doc = parse(passing.withVerdicts(verdicts, RunStatus.PASSED));

    Element suite = child(doc.getDocumentElement(), "testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    Element skipped = child(testCases(doc).get(2), "skipped");
    assertThat(skipped.getAttribute("message")).isEqualTo("not judged: the run was too short to show a trend");
  }

  @Test
  void aRunWithoutCriteria_stillHasOneTestCase_anAbortedRunAnError() throws Exception {
    RunResult passing = ResultFixtures.passingResult();
    Document completed = parse(passing.withVerdicts(List.of(), RunStatus.COMPLETED));
    assertThat(testCases(completed)).singleElement().satisfies(c -> {
      assertThat(c.getAttribute("name")).isEqualTo(JUnitXmlReport.RUN_CASE);
      assertThat(child(c, "failure")).isNull();
      assertThat(child(c, "error")).isNull();
    });

    Document aborted = parse(ResultFixtures.sparseResult());
    Element suite = child(aborted.getDocumentElement(), "testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(child(testCases(aborted).get(0), "error").getAttribute("message")).startsWith("the run was aborted");
  }

  @Test
  void aRunInWhichNothingSucceeded_failsTheRunCase() throws Exception {
    RunResult passing = ResultFixtures.passingResult();
    OperationStats t = passing.total();
    OperationStats nothing = new OperationStats("total", t.started(), 0, t.completed(), 0, 0,
        t.responseTime(), t.serviceTime(), t.errors());
    RunResult failed = new RunResult(passing.schemaVersion(), passing.name(), RunStatus.FAILED, "completed",
        passing.startTime(), passing.endTime(), passing.measuredDuration(), passing.config(), passing.environment(),
        nothing, passing.operations(), passing.intervals(), List.of(), passing.errors(), passing.system(),
        passing.generatorHealth());

    Element failure = child(testCases(parse(failed)).get(0), "failure");
    assertThat(failure.getAttribute("type")).isEqualTo("nothing-succeeded");
  }

  @Test
  void hostileTextFromTheRun_staysTextAndTheFileStaysWellFormed() throws Exception {
    RunResult rich = ResultFixtures.richResult();
    String hostile = "<script>alert(1)</script>\"><img onerror=x> & \u001b[2J\u0000\ud800]]>";
    RunResult renamed = new RunResult(rich.schemaVersion(), hostile, rich.status(), "completed " + hostile,
        rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(), rich.environment(), rich.total(),
        rich.operations(), rich.intervals(), List.of(new Verdict(Criterion.parse("p99 < 1ms"), 2, false, hostile)),
        rich.errors(), rich.system(), rich.generatorHealth());

    String xml = JUnitXmlReport.render(renamed);
    assertThat(xml).doesNotContain("<script>", "<img", "\u001b", "\u0000", "]]>");
    Document doc = parse(renamed);
    Element suite = child(doc.getDocumentElement(), "testsuite");
    assertThat(suite.getAttribute("name"))
        .isEqualTo("plimsoll.<script>alert(1)</script>\"><img onerror=x> & \\x1B[2J\\x00\uFFFD]]>");
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("img").getLength()).isZero();
    assertThat(child(testCases(doc).get(1), "failure").getTextContent()).contains("<script>alert(1)</script>");
  }

  @Test
  void writesTheRenderedText() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JUnitXmlReport().write(ResultFixtures.richResult(), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JUnitXmlReport.render(ResultFixtures.richResult()));
  }
}
