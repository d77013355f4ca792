package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner can only find out on this machine (a results folder it cannot create, a host that
 * does not resolve) is refused before anything is sent, by the run and the dry run alike.
 */
class RunnerRefusesBeforeLoadTest {
  static final Path EXAMPLES = Path.of("..", "examples", "scenarios");
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  private static Runner.Builder shop(String target) {
    return Runner.forFile(EXAMPLES.resolve("smoke.yaml"))
        .overrides(Overrides.builder("test").target(target).duration("2s").build())
        .environment(Map.of());
  }

  @Test
  void aResultsFolderThatCannotBeCreated_isRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "");
    Path out = file.resolve("results");
    long before = nginx.requests(0);
    Runner runner = shop(nginx.url(0, "")).resultsDirectory(out).build();

    for (ThrowingCall call : new ThrowingCall[] {runner::start, runner::describe}) {
      assertThatThrownBy(call::call).isInstanceOf(ResultsFolderException.class)
          .hasMessage("results folder " + out + ": cannot be created: " + file + " is a file, not a folder")
          .satisfies(e -> assertThat(((ResultsFolderException) e).folder()).isEqualTo(out));
    }
    assertThat(nginx.requests(0) - before - 1).isZero();
  }

  @Test
  void aResultsFolderIsCreatedBeforeTheRunAndTheDryRunCreatesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("a").resolve("b");
    shop(nginx.url(0, "")).resultsDirectory(out).build().describe();
    assertThat(out.getParent()).doesNotExist();
    RunningTest running = shop(nginx.url(0, "")).resultsDirectory(out).build().start();
    assertThat(out).isDirectory();
    running.stop("test");
    running.await();
  }

  @Test
  void aTargetWhoseHostDoesNotResolve_isRefusedBeforeTheRun() {
    Runner runner = shop("http://no-such-host.invalid:8080").build();
    for (ThrowingCall call : new ThrowingCall[] {runner::start, runner::describe}) {
      // Named at the first request that sends there: smoke.yaml's line 14.
      assertThatThrownBy(call::call).isInstanceOf(ScenarioException.class)
          .hasMessageContaining("smoke.yaml:14:")
          .hasMessageContaining(": workloads[0].mix[0].request.url: ")
          .hasMessageEndingWith("host 'no-such-host.invalid' (of the target http://no-such-host.invalid:8080) does not resolve "
              + "to an address; check its spelling and this machine's DNS (nothing was sent)");
    }
  }

  @FunctionalInterface
  private interface ThrowingCall {
    Object call();
  }
}
