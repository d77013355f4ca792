package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link LoadTest} run by JUnit's own engine, as a build runs it: each fixture class below is a
 * test class a user could write, and the assertions read what JUnit reported of it.
 */
class LoadTestAnnotationTest {
  @TempDir
  Path reports;

  static class Passing {
    @LoadTest(users = 2, duration = "300ms", criteria = "error_rate < 1%")
    void add() {
      Math.addExact(1, 2);
    }
  }

  @Test
  void aPassingLoadTestPassesAndLinksItsReports() throws Exception {
    EngineExecutionResults results = run(Passing.class, Map.of());

    results.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedSuccessfully()));
    Path directory = reports.resolve("LoadTestAnnotationTest.Passing").resolve("add");
    assertThat(directory.resolve("report.html")).isRegularFile();
    assertThat(directory.resolve("report.md")).isRegularFile();
    RunResult result = ResultFiles.read(directory.resolve("result.json"));
    assertThat(result.total().completed()).isPositive();
    Event started = results.testEvents().started().list().get(0);
    assertThat(started.getTestDescriptor().getDisplayName())
        .isEqualTo("2 users, 300ms \u2192 " + directory.resolve("report.html"));
    assertThat(results.testEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()))
        .anySatisfy(entries -> assertThat(entries).containsEntry("plimsoll.report",
            directory.resolve("report.html").toAbsolutePath().toUri().toString()));
  }

  static class FailingCriteria {
    @LoadTest(users = 2, duration = "300ms", criteria = {"p99 < 1ms", "error_rate < 1%", "mean < 1ms"})
    void slow() throws InterruptedException {
      Thread.sleep(3);
    }
  }

  @Test
  void aFailedCriterionFailsTheTestListingEveryFailureWithItsThresholdAndMeasuredValue() {
    EngineExecutionResults results = run(FailingCriteria.class, Map.of());

    Event finished = results.testEvents().finished().list().get(0);
    Throwable failure = finished.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
        .getThrowable().orElseThrow();
    assertThat(failure).isInstanceOf(LoadTestFailure.class);
    assertThat(failure.getMessage())
        .startsWith("load test 'slow' failed 2 of 3 criteria (reports: "
            + reports.resolve("LoadTestAnnotationTest.FailingCriteria").resolve("slow") + "):")
        .containsPattern("\n  p99 < 1ms: measured [0-9.]+ ms")
        .containsPattern("\n  mean < 1ms: measured [0-9.]+ ms")
        .doesNotContain("error_rate");
  }

  static class FailingOperations {
    @LoadTest(users = 2, duration = "300ms")
    void fails() {
      throw new IllegalStateException("the service said no");
    }

    @LoadTest(users = 2, duration = "300ms", criteria = "error_rate < 1%")
    void failsJudged() {
      throw new IllegalStateException("the service said no");
    }
  }

  @Test
  void failingOperationsFailTheTestOnlyThroughACriterion() throws Exception {
    EngineExecutionResults results = run(FailingOperations.class, Map.of());

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(test("fails"), finishedSuccessfully()))
        .haveExactly(1, event(test("failsJudged"), finishedWithFailure(
            message(m -> m.contains("error_rate < 1%: measured 100%")))));
    RunResult result = ResultFiles.read(
        reports.resolve("LoadTestAnnotationTest.FailingOperations").resolve("fails").resolve("result.json"));
    assertThat(result.total().failed()).isEqualTo(result.total().completed()).isPositive();
  }

  static class Overridden {
    @LoadTest(users = 50, duration = "5m")
    void light() {
      Math.addExact(1, 2);
    }
  }

  @Test
  void propertiesOverrideTheAnnotation() throws Exception {
    EngineExecutionResults results = run(Overridden.class,
        Map.of("plimsoll.users", "1", "plimsoll.duration", "200ms", "plimsoll.rate", "100/s"));

    results.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedSuccessfully()));
    Event started = results.testEvents().started().list().get(0);
    assertThat(started.getTestDescriptor().getDisplayName()).startsWith("1 user at 100/s, 200ms \u2192 ");
    RunResult result = ResultFiles.read(
        reports.resolve("LoadTestAnnotationTest.Overridden").resolve("light").resolve("result.json"));
    assertThat(result.config().duration()).hasMillis(200);
    assertThat(result.config().workloads().get(0).loadDescription()).contains("1 user").contains("paced every 10ms");
  }

  static class BadSettings {
    @LoadTest(duration = "soon")
    void badDuration() {}
  }

  @Test
  void anUnreadableSettingFailsTheTestNamingTheMethodAndTheValue() {
    EngineExecutionResults results = run(BadSettings.class, Map.of());

    assertThat(results.allEvents().failed().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow()
            .getMessage()))
        .singleElement().asString().startsWith("@LoadTest on BadSettings.badDuration: 'soon' is not a duration");
  }

  private EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("plimsoll.reports", reports.toString())
        .configurationParameters(parameters)
        .selectors(selectClass(testClass))
        .execute();
  }

}
