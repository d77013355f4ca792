package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's verdict becomes the process's exit code. */
class RunSessionTest {

  private static int run(String criterion, Path dir, ByteArrayOutputStream out) {
    Scenario scenario = Scenario.builder("exit-codes")
        .workload(Workload.of("w", ctx -> Thread.sleep(2), OpenModel.rate(100)))
        .duration(Duration.ofSeconds(1))
        .criterion(criterion)
        .build();
    OutputOptions output = new OutputOptions();
    output.out = dir;
    output.noProgress = true;
    return RunSession.run(dev.plimsoll.runner.Runner.forScenario(scenario), output, new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void passingCriteriaExitZero(@TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(run("p50 < 10s", dir, out)).isEqualTo(ExitCodes.PASSED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASSED");
  }

  @Test
  void aFailingCriterionExitsOne(@TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(run("p50 < 1us", dir, out)).isEqualTo(ExitCodes.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("p50 < 1us");
    assertThat(dir.resolve("result.json")).isRegularFile();
  }
}
