package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The baseline gate from JUnit: a baseline written with {@code plimsoll.baseline.update=true}, then
 * the same test gated against it, once unchanged (it must pass) and once with its operation slowed
 * (it must fail). The load is paced at a fixed rate, so the unchanged run's throughput is the
 * baseline's whatever else the machine does; the slowed operation cannot keep up with it.
 */
class BaselineGateTest {
  /** Relative, as a test names it; under target/, which the build cleans. */
  private static final Path BASELINE = Path.of("target", "baseline-gate-test", "auth.json");

  @TempDir
  Path reports;

  @BeforeEach
  void noBaselineYet() throws IOException {
    Files.deleteIfExists(BASELINE);
  }

  static class Unchanged {
    // The latency limit is wide: on a shared machine a 2 ms sleep's p99 varies more than 50 % from run to run.
    @LoadTest(users = 4, rate = 200, duration = "1s", baseline = "target/baseline-gate-test/auth.json",
        gateLatency = "400%")
    void auth() throws InterruptedException {
      Thread.sleep(2);
    }
  }

  static class Slowed {
    @LoadTest(users = 4, rate = 200, duration = "1s", baseline = "target/baseline-gate-test/auth.json",
        gateLatency = "400%")
    void auth() throws InterruptedException {
      Thread.sleep(40);
    }
  }

  @Test
  void anUnchangedOperationPassesTheGateAndASlowedOneFailsIt() throws Exception {
    run(Unchanged.class, Map.of("plimsoll.baseline.update", "true"))
        .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedSuccessfully()));
    RunResult baseline = ResultFiles.read(BASELINE);
    assertThat(baseline.total().completed()).isGreaterThan(150);

    run(Unchanged.class, Map.of())
        .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedSuccessfully()));

    run(Slowed.class, Map.of())
        .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
            instanceOf(LoadTestFailure.class),
            message(m -> m.startsWith("load test 'auth' failed ")
                && m.contains("\n  total: throughput ")
                && m.contains("\n  auth: throughput ")
                && m.matches("(?s).*/s vs baseline [0-9.,]+/s \\(-[0-9.]+ %, limit -10 %\\).*")))));
    assertThat(ResultFiles.read(BASELINE)).as("a gated run leaves the baseline as it was").isEqualTo(baseline);

    run(Unchanged.class, Map.of("plimsoll.duration", "500ms"))
        .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
            instanceOf(IllegalStateException.class),
            message(m -> m.startsWith("the load differs from baseline target/baseline-gate-test/auth.json")
                && m.contains("duration 500ms vs baseline 1s")
                && m.endsWith("or write a new baseline with -Dplimsoll.baseline.update=true")))));
  }

  @Test
  void aMissingBaselineFailsSayingHowToWriteIt() {
    run(Unchanged.class, Map.of())
        .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
            instanceOf(IllegalStateException.class),
            message(m -> m.startsWith("no baseline at ") && m.endsWith(
                "auth.json to gate 'auth' against; run once with -Dplimsoll.baseline.update=true"
                    + " (or PLIMSOLL_BASELINE_UPDATE=true) to write it")))));
  }

  private EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("plimsoll.reports", reports.toString())
        .configurationParameters(parameters)
        .selectors(selectClass(testClass))
        .execute();
  }
}
