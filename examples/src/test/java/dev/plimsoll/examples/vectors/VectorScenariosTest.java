package dev.plimsoll.examples.vectors;

import static dev.plimsoll.junit.PlimsollAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Preset;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.examples.support.BusyMachine;
import dev.plimsoll.examples.support.ExampleRuns;
import dev.plimsoll.junit.Load;
import dev.plimsoll.junit.LoadResult;
import dev.plimsoll.junit.Quick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every scenario, shortened to seconds, in every build, judged by its criteria (on a busy machine,
 * see {@link BusyMachine}, by errors and memory growth only): the smoke test written with
 * plimsoll-junit's fluent API, the others through the example's own runs; the quick (minutes) and full
 * (30-60 min) variants with the "full" tag, or from the command line ({@code plimsoll example vector-store}).
 */
class VectorScenariosTest {
  @TempDir Path dir;

  /** The smoke scenario as a user would write it in their own build: 10 QPS, at most 5 in flight, 4 s. */
  @Quick
  @Test
  void smoke_withTheFluentApi() {
    VectorScenario smoke = VectorScenario.SMOKE;
    Duration length = Duration.ofSeconds(4);

    LoadResult result = Load.defaults()
        .load(OpenModel.of(smoke.profile(length)).maxInFlight(smoke.clients()))
        .duration(length)
        .warmUp(length.dividedBy(10))
        .run("vector-store-smoke", smoke.mix(smoke.load(42)));

    List<String> development = Preset.DEVELOPMENT.criteria().stream().map(Criterion::source).toList();
    assertThat(result).meets(BusyMachine.criteriaThatCount(result.runResult(), development));
    assertThat(result.errorRate()).isZero();
    assertThat(result.operation("search").completed()).isPositive();
    assertThat(result.htmlReport()).hasValueSatisfying(html -> assertThat(html).isNotEmptyFile());
  }

  @ParameterizedTest
  @EnumSource(value = VectorScenario.class, names = {"BASELINE", "SUSTAINED", "TIERED"})
  void eachScenarioPasses_andLeavesMarkdownAndJsonReports(VectorScenario scenario) throws Exception {
    VectorStoreExample.Outcome outcome = VectorStoreExample.run(scenario, Duration.ofSeconds(4), dir);

    assertThat(BusyMachine.failuresThatCount(outcome.result())).as(scenario.label()).isEmpty();
    assertThat(outcome.result().total().errorRate()).isZero();
    assertThat(outcome.result().total().succeeded()).isPositive();
    assertThat(dir.resolve("result.json")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("report.md"))).contains("vector-store-" + scenario.label());
  }

  @Test
  void theSpikeAsksForFiveTimesTheRate_andLatencyRecoversAfterIt() throws Exception {
    Duration length = Duration.ofSeconds(10);

    VectorStoreExample.Outcome outcome = VectorStoreExample.run(VectorScenario.SPIKE, length, dir);

    RunResult result = outcome.result();
    double during = result.intervals().stream().filter(iv -> !iv.warmUp())
        .filter(iv -> between(result, iv.start(), Duration.ofSeconds(4), Duration.ofSeconds(6)))
        .mapToDouble(IntervalSnapshot::expectedArrivals).sum();
    double before = result.intervals().stream().filter(iv -> !iv.warmUp())
        .filter(iv -> between(result, iv.start(), Duration.ofSeconds(2), Duration.ofSeconds(4)))
        .mapToDouble(IntervalSnapshot::expectedArrivals).sum();
    assertThat(during / before).as("arrivals asked for in the spike vs before it").isBetween(4.5, 5.5);
    assertThat(outcome.recovery().describe()).startsWith("recovered");
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Spike recovery");
    assertThat(Files.readString(dir.resolve("recovery.json"))).contains("\"recovered\": true");
  }

  private static boolean between(RunResult result, java.time.Instant at, Duration from, Duration to) {
    Duration since = Duration.between(result.startTime(), at);
    return since.compareTo(from) >= 0 && since.compareTo(to) < 0;
  }

  @Test
  void theRecoveryRule_allowsHalfAgainOrTwoMilliseconds() {
    assertThat(new SpikeRecovery(10, 15).recovered()).isTrue();
    assertThat(new SpikeRecovery(10, 15.1).recovered()).isFalse();
    assertThat(new SpikeRecovery(0.2, 2.2).recovered()).isTrue();
    assertThat(new SpikeRecovery(0.2, 2.3).recovered()).isFalse();
  }

  @Test
  @Tag("full")
  void full_everyScenarioAtItsFullLength() throws Exception {
    for (VectorScenario scenario : VectorScenario.values()) {
      VectorStoreExample.Outcome outcome = VectorStoreExample.run(scenario, scenario.fullDuration(),
          Path.of("target/plimsoll/vector-store-full", scenario.label()));
      assertThat(outcome.passed()).as(scenario.label() + ": " + ExampleRuns.failures(outcome.result())).isTrue();
    }
  }
}
