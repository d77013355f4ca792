package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start barrier with cold worker JVMs: each worker prepares its run (drivers open, engine
 * built) before it says it is ready, so that at the coordinator's planned instant only the run's
 * clock starts. Before, each began about a second late, building its run after the instant.
 */
@Timeout(180)
class StartBarrierTest {
  /**
   * How late a worker may begin on a busy two-core machine: a prepared worker wakes within a few
   * milliseconds; a worker building its run after the instant was 0.9 to 2 s late.
   */
  private static final Duration TOLERANCE = Duration.ofMillis(250);

  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void workersInJvmsOfTheirOwnBeginWithinMillisecondsOfThePlannedInstantWithTheDefaultLead(@TempDir Path dir)
      throws Exception {
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "60/s", "3s");
    List<String> notices = new CopyOnWriteArrayList<>();
    List<Process> workers = new ArrayList<>();
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(3)
        .waitForWorkers(Duration.ofSeconds(90)).notices(notices::add).start()) {
      for (int i = 0; i < 3; i++) {
        workers.add(NodeProcess.start(NodeProcess.WorkerMain.class, dir.resolve("worker-" + i + ".log"),
            coordinator.address().toString()));
      }
      RunResult result = coordinator.runner(file, Overrides.none(), Map.of()).resultsDirectory(dir.resolve("out"))
          .build().run();

      FleetReport fleet = coordinator.fleet().orElseThrow();
      String said = notices + "\n" + logs(dir);
      System.out.println("start against the planned instant: " + fleet.workers().stream()
          .map(w -> w.segment() + " " + w.startSkew().toNanos() / 1e6 + " ms").toList()
          + "; spread " + fleet.startSkew().toNanos() / 1e6 + " ms");
      // Machines' clocks are one here: no worker begins before the instant (but for the rounding of
      // the wall clock against the monotonic one), none later than the tolerance.
      assertThat(fleet.workers()).as(said).hasSize(3).allSatisfy(w -> assertThat(w.startSkew())
          .isBetween(Duration.ofMillis(-2), TOLERANCE));
      assertThat(fleet.startSkew()).isLessThanOrEqualTo(TOLERANCE);
      assertThat(notices).as("no worker called late").noneMatch(n -> n.contains("after the planned start"));
      // The merged run starts at the planned instant, as each worker's run did.
      assertThat(result.total().started() + result.total().dropped()).isEqualTo(180);
      ResultSection section = result.section(FleetReport.SECTION).orElseThrow();
      assertThat((Double) section.data("startLatenessS")).isLessThanOrEqualTo(TOLERANCE.toNanos() / 1e9);
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
  }

  private static String logs(Path dir) throws Exception {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      Path log = dir.resolve("worker-" + i + ".log");
      all.append("worker-").append(i).append(": ").append(Files.exists(log) ? Files.readString(log) : "(none)");
    }
    return all.toString();
  }
}
