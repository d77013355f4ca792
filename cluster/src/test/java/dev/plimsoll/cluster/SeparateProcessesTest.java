package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers and a coordinator as real separate processes on loopback, one of them killed with
 * {@code kill -9} mid-run: a lost worker leaves a degraded, complete result; a lost coordinator
 * stops its workers' load.
 */
@Timeout(120)
class SeparateProcessesTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void aWorkerKilledMidRunIsFoundWithinSecondsAndTheRunCompletesDegraded(@TempDir Path dir) throws Exception {
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "100/s", "6s");
    List<String> notices = new CopyOnWriteArrayList<>();
    CompletableFuture<Long> lostNoticeAt = new CompletableFuture<>();
    CompletableFuture<Long> startedAt = new CompletableFuture<>();
    List<Process> workers = new ArrayList<>();
    Worker inThisJvm = null;
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(3)
        .waitForWorkers(Duration.ofSeconds(60)).startDelay(Duration.ofSeconds(1)).notices(n -> {
          notices.add(n);
          if (n.startsWith("started 3 workers")) {
            startedAt.complete(System.nanoTime());
          }
          if (n.contains("lost from interval")) {
            lostNoticeAt.complete(System.nanoTime());
          }
        }).start()) {
      // Two workers of their own processes, and one in this JVM (one JVM fewer to start on a small machine).
      for (int i = 0; i < 2; i++) {
        workers.add(NodeProcess.start(NodeProcess.WorkerMain.class, dir.resolve("worker-" + i + ".log"),
            coordinator.address().toString()));
      }
      inThisJvm = Worker.builder(coordinator.address()).start();
      CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
          () -> coordinator.runner(file, Overrides.none(), Map.of()).resultsDirectory(dir.resolve("out")).build().run());
      // Kill one worker about 3 s into the run (which starts 1 s after the coordinator sends the start).
      startedAt.get(60, TimeUnit.SECONDS);
      Thread.sleep(4_000);
      long killedAt = System.nanoTime();
      workers.get(1).destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      RunResult result = run.get(60, TimeUnit.SECONDS);
      FleetReport fleet = coordinator.fleet().orElseThrow();
      List<WorkerReport> lost = fleet.workers().stream().filter(WorkerReport::lost).toList();
      assertThat(lost).as(notices.toString()).hasSize(1);
      WorkerReport gone = lost.get(0);
      // On a loaded machine the killed process may not have sent its first interval yet.
      assertThat(gone.lostFromInterval()).isBetween(0, 5);
      assertThat(notices).anySatisfy(n -> assertThat(n).contains("lost from interval").contains("goes on with 2 of 3"));
      // Detected within seconds of the kill (the failure detector's pause is 3 s).
      Duration detection = Duration.ofNanos(lostNoticeAt.get() - killedAt);
      System.out.println("lost worker detected " + detection.toMillis() + " ms after kill -9");
      assertThat(detection).isLessThan(Duration.ofSeconds(10));
      // The run completed with the other two: degraded, and saying so.
      assertThat(result.status()).isEqualTo(RunStatus.FAILED);
      assertThat(result.verdicts()).anySatisfy(v -> {
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).contains("degraded: 33.3% of the load lost").contains(gone.address());
      });
      // The two survivors ran their segments to the end: 600 arrivals but the lost one's part, and the
      // result has what the lost one sent besides.
      int lostIndex = Integer.parseInt(gone.segment().split(" ")[0]) - 1;
      // Each arrival of theirs completed, or (on a starved machine, at the stop) was counted as dropped.
      long survivors = fleet.workers().stream().filter(w -> !w.lost()).mapToLong(WorkerReport::completed).sum();
      long survivorsDropped = fleet.workers().stream().filter(w -> !w.lost()).mapToLong(WorkerReport::dropped).sum();
      assertThat(survivors + survivorsDropped)
          .isEqualTo(600 - dev.plimsoll.core.LoadSegment.split(3).get(lostIndex).partOf(600L));
      assertThat(result.total().completed()).isGreaterThan(survivors).isLessThan(600);
      // The gap is in the result file: which worker, from when, the share lost.
      RunResult written = dev.plimsoll.results.ResultFiles.read(dir.resolve("out").resolve("result.json"));
      dev.plimsoll.core.result.ResultSection section = written.section(FleetReport.SECTION).orElseThrow();
      assertThat(section.data("degraded")).isEqualTo(true);
      assertThat((Double) section.data("lostShare")).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
      assertThat((List<?>) section.data("workers")).filteredOn(w -> Boolean.TRUE.equals(((Map<?, ?>) w).get("lost")))
          .singleElement().satisfies(w -> {
            assertThat(((Map<?, ?>) w).get("address")).isEqualTo(gone.address());
            assertThat(((Map<?, ?>) w).get("lostAt")).isEqualTo(gone.lostAt().toString());
            assertThat(((Map<?, ?>) w).get("lostFromInterval")).isEqualTo((long) gone.lostFromInterval());
          });
      assertThat(section.facts()).anySatisfy(f -> assertThat(f.value()).contains("33.3% of the load was lost"));
    } finally {
      workers.forEach(Process::destroyForcibly);
      if (inThisJvm != null) {
        inThisJvm.close();
      }
    }
  }

  @Test
  void aWorkerWhoseCpuIsSaturatedLongerThanTheDetectionTimeIsNotTakenForDead(@TempDir Path dir) throws Exception {
    // 7 s of spinning on more threads than cores, from about 1 s into a 9 s run: well beyond the
    // failure detector's 3 s pause plus its 0.5 s heartbeat interval.
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "50/s", "9s");
    List<String> notices = new CopyOnWriteArrayList<>();
    Path log = dir.resolve("busy-worker.log");
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(1)
        .waitForWorkers(Duration.ofSeconds(60)).startDelay(Duration.ofSeconds(1)).notices(notices::add).start()) {
      Process worker = NodeProcess.start(NodeProcess.BusyWorkerMain.class, log, coordinator.address().toString(), "2", "7");
      try {
        RunResult result = coordinator.runner(file, Overrides.none(), Map.of()).build().run();
        String output = Files.readString(log);
        // Every spinning thread stayed runnable for the whole 7 s (how much CPU it got depends on
        // the neighbours of a shared machine: printed, not asserted).
        assertThat(output).as("the worker spun").containsPattern("spun (69[5-9][0-9]|[7-9][0-9]{3}) ms");
        FleetReport fleet = coordinator.fleet().orElseThrow();
        System.out.println("busy worker: " + fleet.workers());
        assertThat(fleet.workers()).as(notices + "\n" + output).noneMatch(WorkerReport::lost);
        assertThat(notices).noneMatch(n -> n.contains("unreachable"));
        assertThat(result.verdicts()).noneMatch(v -> v.detail() != null && v.detail().contains("degraded"));
        assertThat(result.total().completed() + result.total().dropped()).isEqualTo(450);
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  @Test
  void aWorkerWhoseCoordinatorIsKilledStopsItsLoadByItself(@TempDir Path dir) throws Exception {
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "50/s", "60s");
    int port = Nginx.freePorts(1)[0];
    String address = "127.0.0.1:" + port;
    Process coordinator = NodeProcess.start(NodeProcess.CoordinatorMain.class, dir.resolve("coordinator.log"),
        address, file.toString(), "1");
    List<String> notices = new CopyOnWriteArrayList<>();
    try (Worker worker = Worker.builder(ClusterAddress.parse(address)).notices(notices::add).start()) {
      awaitLine(dir.resolve("coordinator.log"), "started 1 workers", Duration.ofSeconds(60));
      Thread.sleep(2_000);
      long sent = nginx.requests(0);
      assertThat(sent).as("the worker sends load").isGreaterThan(10);
      coordinator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      long killedAt = System.nanoTime();
      worker.terminated().get(20, TimeUnit.SECONDS);
      Duration toStop = Duration.ofNanos(System.nanoTime() - killedAt);
      assertThat(toStop).as("the worker stopped within seconds").isLessThan(Duration.ofSeconds(15));
      assertThat(notices).anySatisfy(n -> assertThat(n).contains("the coordinator at " + address).contains("stopping the run"));
      long after = nginx.requests(0);
      Thread.sleep(1_000);
      assertThat(nginx.requests(0) - after).as("no load once the worker stopped").isEqualTo(1);
    } finally {
      coordinator.destroyForcibly();
    }
  }

  private static void awaitLine(Path log, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + text + "' in " + log + " within " + timeout + ":\n"
        + (Files.exists(log) ? Files.readString(log) : "(no output)"));
  }
}
