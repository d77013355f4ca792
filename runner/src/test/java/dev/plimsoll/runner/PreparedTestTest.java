package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.VirtualClock;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.RunJournal;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A run prepared by the runner, then started at a planned instant, or given up. */
class PreparedTestTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  private static Runner.Builder shop(String duration) {
    return Runner.forFile(RunnerTest.EXAMPLES.resolve("shop.yaml"))
        .overrides(Overrides.builder("test").target(nginx.url(0, "")).duration(duration).warmUp("0s").build())
        .environment(Map.of());
  }

  @Test
  void aPreparedFileRunSendsNothingUntilItsPlannedInstantAndStartsExactlyThen(@TempDir Path out) throws Exception {
    long before = nginx.requests(0);
    PreparedTest prepared = shop("2s").resultsDirectory(out).build().prepare();
    // Its journal is there before the start, so a crash from the first interval on is recoverable.
    assertThat(out.resolve(RunJournal.FILE_NAME)).isRegularFile();
    Instant planned = Instant.now().plusMillis(1_500);
    RunningTest running = prepared.startAt(planned);
    long beforeThePlannedInstant = nginx.requests(0) - before;
    boolean askedInTime = Instant.now().isBefore(planned);

    RunResult result = running.await();

    // nginx's own count: each status request counts itself, and nothing else came before the start.
    if (askedInTime) {
      assertThat(beforeThePlannedInstant).as("requests before the planned instant").isEqualTo(1);
    }
    assertThat(result.startTime()).isEqualTo(planned);
    assertThat(result.intervals()).first().satisfies(i -> assertThat(i.start()).isEqualTo(planned));
    assertThat(result.total().completed()).isPositive();
    assertThatThrownBy(() -> prepared.startAt(planned)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the run was started already");
  }

  @Test
  void aRunOnVirtualTimeStartsAtItsPlannedInstant() {
    Scenario scenario = Scenario.builder("virtual").clock(VirtualClock.create())
        .workload(Workload.of("w", ctx -> {}, OpenModel.rate(100))).duration(Duration.ofSeconds(3)).build();
    Instant planned = Instant.EPOCH.plusSeconds(60);

    RunResult result = Runner.forScenario(scenario).build().prepare().startAt(planned).result().join();

    assertThat(result.startTime()).isEqualTo(planned);
    assertThat(result.total().completed()).isEqualTo(300);
  }

  @Test
  void aCancelledRunDeletesItsJournalAndCannotStart(@TempDir Path out) {
    PreparedTest prepared = shop("2s").resultsDirectory(out).build().prepare();

    prepared.cancel();

    assertThat(out.resolve(RunJournal.FILE_NAME)).doesNotExist();
    assertThatThrownBy(prepared::start).isInstanceOf(IllegalStateException.class).hasMessage("the run was cancelled");
  }

  @Test
  void aRunnerWhoseLoadRunsElsewhereCannotBePrepared() throws Exception {
    Path file = Files.createTempFile("elsewhere", ".yaml");
    Files.copy(RunnerTest.EXAMPLES.resolve("smoke.yaml"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Runner runner = Runner.forFile(file).engine(s -> {
      throw new AssertionError("not started");
    }).build();

    assertThatThrownBy(runner::prepare).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("use start()");
    Files.delete(file);
  }
}
