package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The runner from a plain JUnit test: a scenario file against a real nginx, and a scenario built in Java. */
class RunnerTest {
  static final Path EXAMPLES = Path.of("..", "examples", "scenarios");
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void runsTheShopExampleAndWritesTheSameDocumentItReturns(@TempDir Path out) throws Exception {
    long before = nginx.requests(0);
    RunResult result = Runner.forFile(EXAMPLES.resolve("shop.yaml"))
        .overrides(Overrides.builder("test").target(nginx.url(0, "")).duration("3s").warmUp("1s").build())
        .environment(Map.of())
        .resultsDirectory(out)
        .build()
        .run();
    long served = nginx.requests(0) - before - 1;

    assertThat(result.status()).isIn(RunStatus.PASSED, RunStatus.FAILED);
    assertThat(result.operations()).extracting(o -> o.name()).containsExactly("home", "login-and-order");
    assertThat(result.operations()).allSatisfy(op -> {
      assertThat(op.completed()).as(op.name()).isPositive();
      assertThat(op.failed()).as(op.name() + " " + op.errors()).isZero();
    });
    assertThat(served).as("nginx's own count").isPositive();
    RunResult written = ResultFiles.read(out.resolve("result.json"));
    assertThat(written.status()).isEqualTo(result.status());
    assertThat(written.operations()).extracting(o -> o.completed())
        .containsExactlyElementsOf(result.operations().stream().map(o -> o.completed()).toList());
    assertThat(out.resolve("report.md")).isRegularFile();
  }

  @Test
  void aBadFileIsRejectedBeforeAnyLoadIsSent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        name: bad
        target: %s
        duration: 2s
        workloads:
          - name: w
            open: { rate: 10/s }
            mix:
              - { name: home, request: { url: / }, checkz: { status: [200] } }
        """.formatted(nginx.url(0, "")));
    long before = nginx.requests(0);
    Runner runner = Runner.forFile(file).environment(Map.of()).build();

    assertThatThrownBy(runner::start).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("bad.yaml:8").hasMessageContaining("checkz");
    assertThat(nginx.requests(0) - before - 1).isZero();
  }

  @Test
  void describesAFileWithoutSendingAnything() {
    long before = nginx.requests(0);
    String plan = Runner.forFile(EXAMPLES.resolve("shop.yaml"))
        .overrides(Overrides.builder("test").target(nginx.url(0, "")).build())
        .environment(Map.of())
        .build()
        .describe();
    assertThat(plan).contains("login-and-order").contains(nginx.url(0, ""));
    assertThat(nginx.requests(0) - before - 1).isZero();
  }

  @Test
  void runsAScenarioBuiltInJavaWithItsListeners() {
    AtomicInteger intervals = new AtomicInteger();
    Scenario scenario = Scenario.builder("built")
        .workload(Workload.of("w", ctx -> { }, OpenModel.rate(200)))
        .duration(Duration.ofMillis(1500))
        .build();
    RunResult result = Runner.forScenario(scenario)
        .listener(new RunListener() {
          @Override
          public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
            intervals.incrementAndGet();
          }
        })
        .build()
        .run();
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    // Every arrival run, or (on a machine so busy the schedule fell behind at the stop) counted as dropped.
    assertThat(result.operations().get(0).completed() + result.operations().get(0).dropped()).isEqualTo(300);
    assertThat(result.operations().get(0).dropped()).isLessThanOrEqualTo(15);
    assertThat(intervals).hasValueGreaterThanOrEqualTo(2);
  }

  @Test
  void aStoppedRunIsAbortedAndStillWritten(@TempDir Path out) throws Exception {
    Scenario scenario = Scenario.builder("stopped")
        .workload(Workload.of("w", ctx -> { }, OpenModel.rate(100)))
        .duration(Duration.ofMinutes(10))
        .build();
    RunningTest running = Runner.forScenario(scenario).resultsDirectory(out).build().start();
    running.stop("enough");
    RunResult result = running.await();
    assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(ResultFiles.read(out.resolve("result.json")).status()).isEqualTo(RunStatus.ABORTED);
    assertThat(running.files()).containsExactlyInAnyOrder(out.resolve("result.json"), out.resolve("intervals.csv"),
        out.resolve("latency.hlog"), out.resolve("junit.xml"), out.resolve("report.html"), out.resolve("report.md"));
  }

  @Test
  void writesOnlyTheReportsAskedFor_andAlwaysTheResult(@TempDir Path out) throws Exception {
    Scenario scenario = Scenario.builder("chosen")
        .workload(Workload.of("w", ctx -> { }, OpenModel.rate(100)))
        .duration(Duration.ofMillis(300))
        .build();
    RunningTest running = Runner.forScenario(scenario).resultsDirectory(out).reports("junit", "CSV").build().start();
    running.await();
    assertThat(running.files()).containsExactly(out.resolve("result.json"), out.resolve("intervals.csv"),
        out.resolve("junit.xml"));
    assertThat(out.toFile().list()).containsExactlyInAnyOrder("result.json", "intervals.csv", "junit.xml");
  }

  @Test
  void anUnknownReportIsRefusedWhenTheRunnerIsBuilt() {
    Runner.Builder runner = Runner.forScenario(Scenario.builder("x")
        .workload(Workload.of("w", ctx -> { }, OpenModel.rate(1))).duration(Duration.ofSeconds(1)).build())
        .reports("junit", "pdf");
    assertThatThrownBy(runner::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown report 'pdf'; known: console, csv, hlog, ")
        .hasMessageContaining("json, junit, markdown, md");
  }

  @Test
  void resultsUnderAParentGetAFolderNamedAfterTheScenario(@TempDir Path parent) {
    Scenario scenario = Scenario.builder("my shop")
        .workload(Workload.of("w", ctx -> { }, OpenModel.rate(100)))
        .duration(Duration.ofMillis(200))
        .build();
    RunningTest running = Runner.forScenario(scenario).resultsUnder(parent).build().start();
    running.result().join();
    assertThat(running.resultsDirectory()).get().satisfies(d -> {
      assertThat(d.getParent()).isEqualTo(parent);
      assertThat(d.getFileName().toString()).matches("my-shop-\\d{8}-\\d{6}");
      assertThat(d.resolve("result.json")).isRegularFile();
    });
  }
}
