package dev.plimsoll.report;

import dev.plimsoll.report.shared.RunSentences;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run result as JUnit XML, the test report every CI server reads (Jenkins, GitLab, GitHub
 * Actions through a reporter action): one suite for the run, one test case per criterion, named
 * as the criterion was written. A failed criterion is a {@code <failure>} whose message gives the
 * measured value and the threshold; a criterion there was too little evidence to judge is
 * {@code <skipped>} with the reason.
 *
 * <p>One more test case, {@value #RUN_CASE}, is there in every file, so that a run without
 * criteria still reports something: it is an {@code <error>} when the run was aborted and a
 * {@code <failure>} when no operation succeeded. All text taken from the run is escaped and freed
 * of characters XML forbids.
 *
 * <p>As a {@link Reporter}, named {@value #NAME}, it writes {@value #FILE_NAME}.
 */
public final class JUnitXmlReport implements Reporter {

  /** The name of this report among the {@link Reporter}s. */
  public static final String NAME = "junit";

  /** The file this report is written to in a run's directory. */
  public static final String FILE_NAME = "junit.xml";

  /** The name of the test case that stands for the run itself. */
  static final String RUN_CASE = "the run completed and an operation succeeded";

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** The instance {@link java.util.ServiceLoader} makes; {@link #render} needs none. */
  public JUnitXmlReport() {}

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

  /** The report as an XML document, lines ended by {@code \n}. */
  public static String render(RunResult result) {
    List<TestCase> cases = new ArrayList<>();
    cases.add(runCase(result));
    for (Verdict verdict : result.verdicts()) {
      cases.add(criterionCase(verdict));
    }
    long failures = cases.stream().filter(c -> c.outcome == Outcome.FAILURE).count();
    long errors = cases.stream().filter(c -> c.outcome == Outcome.ERROR).count();
    long skipped = cases.stream().filter(c -> c.outcome == Outcome.SKIPPED).count();
    String suite = "plimsoll." + RunSentences.name(result);
    String time = seconds(RunFacts.wallDuration(result));
    String counts = " tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"" + errors
        + "\" skipped=\"" + skipped + "\" time=\"" + time + "\"";

    StringBuilder xml = new StringBuilder(1024);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"plimsoll\"").append(counts).append(">\n");
    xml.append("  <testsuite name=\"").append(Xml.attribute(suite)).append('"').append(counts);
    if (result.startTime() != null) {
      // The schema's timestamp has no zone; the run's start in UTC.
      xml.append(" timestamp=\"")
          .append(LocalDateTime.ofInstant(result.startTime(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(TIMESTAMP))
          .append('"');
    }
    if (result.environment() != null && result.environment().hostName() != null) {
      xml.append(" hostname=\"").append(Xml.attribute(result.environment().hostName())).append('"');
    }
    xml.append(">\n");
    properties(xml, result);
    for (TestCase c : cases) {
      c.appendTo(xml, suite);
    }
    xml.append("  </testsuite>\n</testsuites>\n");
    return xml.toString();
  }

  private static void properties(StringBuilder xml, RunResult result) {
    xml.append("    <properties>\n");
    property(xml, "status", RunSentences.status(result));
    property(xml, "outcome", RunSentences.outcome(result));
    RunFacts.counts(result).ifPresent(c -> property(xml, "operations", c));
    RunFacts.bottleneckWarning(result).ifPresent(w -> property(xml, "generator", w));
    RunFacts.incompleteWarning(result).ifPresent(w -> property(xml, "incomplete", w));
    xml.append("    </properties>\n");
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("      <property name=\"").append(name).append("\" value=\"")
        .append(Xml.attribute(value)).append("\"/>\n");
  }

  private static TestCase runCase(RunResult result) {
    String outcome = RunSentences.outcome(result);
    String details = RunFacts.counts(result).orElse("no operations were recorded");
    if (result.status() == RunStatus.ABORTED || result.status() == null) {
      return new TestCase(RUN_CASE, Outcome.ERROR, "the run was aborted: " + outcome, details);
    }
    if (result.total() == null || result.nothingSucceeded()) {
      return new TestCase(RUN_CASE, Outcome.FAILURE, "no operation succeeded: " + outcome, details);
    }
    return new TestCase(RUN_CASE, Outcome.PASSED, null, details);
  }

  private static TestCase criterionCase(Verdict verdict) {
    String name = RunFacts.criterionText(verdict);
    if (!verdict.judged()) {
      return new TestCase(name, Outcome.SKIPPED, "not judged: " + RunFacts.measured(verdict), null);
    }
    if (verdict.passed()) {
      return new TestCase(name, Outcome.PASSED, null, "measured " + RunFacts.measured(verdict));
    }
    String message = "measured " + RunFacts.measured(verdict) + ", threshold " + threshold(verdict.criterion());
    String details = message + (verdict.detail() == null ? "" : "\n" + verdict.detail());
    return new TestCase(name, Outcome.FAILURE, message, details);
  }

  /** The criterion's limit as written in a report: {@code < 25 ms}, {@code <= 0.1%}. */
  static String threshold(Criterion criterion) {
    if (criterion == null) {
      return Formats.NOT_AVAILABLE;
    }
    String unit = criterion.metric() == null ? "" : criterion.metric().unit();
    String value = Formats.withUnit(criterion.threshold(), unit);
    return criterion.comparison() == null ? value : criterion.comparison().symbol() + " " + value;
  }

  private static String seconds(Duration duration) {
    return duration == null ? "0" : String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
  }

  private enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

  /** One {@code <testcase>}: its outcome, a one-line message and longer details. */
  private record TestCase(String name, Outcome outcome, String message, String details) {
    void appendTo(StringBuilder xml, String suite) {
      xml.append("    <testcase classname=\"").append(Xml.attribute(suite)).append("\" name=\"")
          .append(Xml.attribute(name)).append("\" time=\"0\"");
      if (outcome == Outcome.PASSED && details == null) {
        xml.append("/>\n");
        return;
      }
      xml.append(">\n");
      switch (outcome) {
        case FAILURE -> element(xml, "failure", name.equals(RUN_CASE) ? "nothing-succeeded" : "criterion", message, details);
        case ERROR -> element(xml, "error", "aborted", message, details);
        case SKIPPED -> xml.append("      <skipped message=\"").append(Xml.attribute(message)).append("\"/>\n");
        case PASSED -> { }
      }
      if (outcome == Outcome.PASSED) {
        xml.append("      <system-out>").append(Xml.text(details)).append("</system-out>\n");
      }
      xml.append("    </testcase>\n");
    }

    private static void element(StringBuilder xml, String tag, String type, String message, String details) {
      xml.append("      <").append(tag).append(" message=\"").append(Xml.attribute(message))
          .append("\" type=\"").append(type).append("\">").append(Xml.text(details))
          .append("</").append(tag).append(">\n");
    }
  }
}
