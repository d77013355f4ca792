package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Quick and full variants: chosen by the profile, and selectable by their JUnit tags. */
class ProfileTest {
  @TempDir
  Path reports;

  static class Variants {
    @LoadTest(users = 1, duration = "200ms")
    @Quick
    void quick() {}

    @LoadTest(users = 1, duration = "30m")
    @Full
    void full() {}

    @org.junit.jupiter.api.Test
    @Full
    void fullWithTheFluentApi() {
      Load.users(1).duration(java.time.Duration.ofMinutes(30)).run("fluent", () -> {});
    }

    @LoadTest(users = 1, duration = "200ms")
    void either() {}
  }

  @Test
  void aPlainBuildRunsTheQuickVariantsAndSkipsTheFullOnes() {
    EngineExecutionResults results = run(Map.of());

    results.allEvents().assertThatEvents()
        .haveExactly(1, event(test("quick"), finishedSuccessfully()))
        .haveExactly(1, event(test("either"), finishedSuccessfully()))
        .haveExactly(1, event(container("full()"), skippedWithReason(
            "a full variant, and the profile is quick (PLIMSOLL_PROFILE=full or -Dplimsoll.profile=full runs it)")))
        .haveExactly(1, event(test("fullWithTheFluentApi"), skippedWithReason(r -> r.startsWith("a full variant"))));
  }

  @Test
  void theFullProfileRunsTheFullVariantsAndSkipsTheQuickOnes() {
    // The full variants' 30 minutes cut short: an override reaches them as it reaches any test.
    EngineExecutionResults results = run(Map.of("plimsoll.profile", "full", "plimsoll.duration", "200ms"));

    results.allEvents().assertThatEvents()
        .haveExactly(1, event(test("full()"), finishedSuccessfully()))
        .haveExactly(1, event(test("fullWithTheFluentApi"), finishedSuccessfully()))
        .haveExactly(1, event(test("either"), finishedSuccessfully()))
        .haveExactly(1, event(container("quick()"), skippedWithReason(r -> r.startsWith("a quick variant, and the profile is full"))));
    assertThat(reports.resolve("ProfileTest.Variants").resolve("fluent").resolve("result.json")).isRegularFile();
  }

  @Test
  void theTagsSelectTheVariants() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("plimsoll.reports", reports.toString())
        .selectors(selectClass(Variants.class))
        .filters(TagFilter.includeTags(Quick.TAG))
        .execute();

    assertThat(results.testEvents().started().list()).singleElement()
        .satisfies(e -> assertThat(e.getTestDescriptor().getLegacyReportingName()).startsWith("quick"));
    assertThat(results.testEvents().skipped().count()).isZero();
  }

  @Test
  void anUnknownProfileIsNamedWithTheAllowedOnes() {
    EngineExecutionResults results = run(Map.of("plimsoll.profile", "nightly"));

    assertThat(results.allEvents().failed().list()).isNotEmpty().allSatisfy(e -> assertThat(
        e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
        .hasRootCauseMessage("-Dplimsoll.profile: 'nightly' is not a profile (allowed: quick, full)"));
  }

  private EngineExecutionResults run(Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("plimsoll.reports", reports.toString())
        .configurationParameters(parameters)
        .selectors(selectClass(Variants.class))
        .execute();
  }
}
