package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator and three workers, each its own actor system in this JVM, on loopback, sending
 * load to a real nginx: the fleet's counts add up exactly to the plan and the run is reported as a
 * local one would be.
 */
@Timeout(90)
class ClusterRunTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  static Path scenario(Path dir, String target, String rate, String duration) throws Exception {
    Path file = dir.resolve("split.yaml");
    Files.writeString(file, """
        name: split
        target: %s
        duration: %s
        workloads:
          - name: shop
            open: { rate: %s }
            mix:
              - name: home
                weight: 3
                request: { url: / }
              - name: order
                weight: 1
                request: { url: /orders/1 }
        criteria: [ "error_rate < 1%%" ]
        """.formatted(target, duration, rate));
    return file;
  }

  @Test
  void threeWorkersRunTheirSegmentsAndTheMergedResultCountsExactlyThePlan(@TempDir Path dir) throws Exception {
    Path file = scenario(dir, nginx.url(0, ""), "200/s", "3s");
    List<String> notices = new CopyOnWriteArrayList<>();
    List<IntervalSnapshot> seen = new CopyOnWriteArrayList<>();
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(3)
            .waitForWorkers(Duration.ofSeconds(30)).startDelay(Duration.ofMillis(1500)).notices(notices::add).start();
        Workers workers = Workers.start(3, coordinator.address())) {
      long before = nginx.requests(0);
      RunResult result = coordinator.runner(file, Overrides.none(), Map.of())
          .listener(new RunListener() {
            @Override
            public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
              seen.add(interval);
            }
          })
          .resultsDirectory(dir.resolve("out"))
          .build()
          .run();
      long served = nginx.requests(0) - before - 1;

      // 200/s for 3 s, arrivals uniformly spaced: exactly 600, three for home to one for order.
      assertThat(result.status()).as(result.verdicts().toString()).isEqualTo(RunStatus.PASSED);
      // On a starved machine an arrival due at the stop may be counted as dropped instead: still counted.
      long home = result.operation("home").orElseThrow().started() + result.operation("home").orElseThrow().dropped();
      long order = result.operation("order").orElseThrow().started() + result.operation("order").orElseThrow().dropped();
      assertThat(result.total().started() + result.total().dropped()).isEqualTo(600);
      assertThat(result.total().dropped()).isLessThanOrEqualTo(6);
      assertThat(home).isEqualTo(450);
      assertThat(order).isEqualTo(150);
      assertThat(result.total().failed()).isZero();
      assertThat(served).as("nginx's own count").isEqualTo(result.total().started());
      // The listeners saw the merged intervals, each once, in order.
      assertThat(seen).extracting(IntervalSnapshot::index).isSorted().doesNotHaveDuplicates();
      assertThat(seen.stream().mapToLong(i -> i.total().started()).sum()).isEqualTo(result.total().started());
      assertThat(dir.resolve("out").resolve("result.json")).isRegularFile();

      FleetReport fleet = coordinator.fleet().orElseThrow();
      assertThat(fleet.workers()).hasSize(3).allSatisfy(w -> {
        assertThat(w.lost()).isFalse();
        assertThat(w.share()).isEqualTo(1.0 / 3);
        assertThat(w.completed() + w.dropped()).isEqualTo(200);
      });
      assertThat(fleet.workers()).extracting(WorkerReport::segment).containsExactly("1 of 3", "2 of 3", "3 of 3");
      assertThat(fleet.startSkew()).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void stoppingTheCoordinatorsRunStopsEveryWorkerAndStillWritesTheMergedResult(@TempDir Path dir) throws Exception {
    Path file = scenario(dir, nginx.url(0, ""), "100/s", "60s");
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(2)
            .waitForWorkers(Duration.ofSeconds(30)).startDelay(Duration.ofMillis(500)).start();
        Workers workers = Workers.start(2, coordinator.address())) {
      dev.plimsoll.runner.RunningTest running = coordinator.runner(file, Overrides.none(), Map.of())
          .resultsDirectory(dir.resolve("out")).build().start();
      Thread.sleep(2_500);
      // What Ctrl-C does to the coordinator's run (SignalStop).
      running.stop("interrupted (Ctrl-C)");
      RunResult result = running.result().get(20, java.util.concurrent.TimeUnit.SECONDS);
      long after = nginx.requests(0);
      Thread.sleep(500);

      assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
      assertThat(result.stopReason()).isEqualTo("interrupted (Ctrl-C)");
      assertThat(result.total().completed()).isBetween(100L, 500L);
      assertThat(nginx.requests(0) - after).as("no load after the stop").isEqualTo(1);
      assertThat(coordinator.fleet().orElseThrow().workers()).noneMatch(WorkerReport::lost)
          .allSatisfy(w -> assertThat(w.completed()).isPositive());
      assertThat(dir.resolve("out").resolve("result.json")).isRegularFile();
    }
  }

  @Test
  void anAbortOnFailCriterionJudgedOnTheMergedIntervalsStopsEveryWorker(@TempDir Path dir) throws Exception {
    Path file = scenario(dir, nginx.url(0, ""), "50/s", "60s");
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(2)
            .waitForWorkers(Duration.ofSeconds(30)).startDelay(Duration.ofMillis(500)).start();
        Workers workers = Workers.start(2, coordinator.address())) {
      long started = System.nanoTime();
      RunResult result = coordinator.runner(file,
              Overrides.builder("test").criteria(List.of("p99 < 0.001ms abort")).build(), Map.of())
          .build().run();
      assertThat(result.status()).isEqualTo(RunStatus.FAILED);
      assertThat(result.stopReason()).startsWith("criterion 'p99 < 0.001ms abort' failed");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertThat(coordinator.fleet().orElseThrow().workers()).noneMatch(WorkerReport::lost);
    }
  }

  @Test
  void aRunWithTooFewWorkersSaysHowManyAreMissingAndWhoJoined(@TempDir Path dir) throws Exception {
    Path file = scenario(dir, nginx.url(0, ""), "10/s", "1s");
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(2)
            .waitForWorkers(Duration.ofSeconds(3)).start();
        Workers workers = Workers.start(1, coordinator.address())) {
      assertThatThrownBy(() -> coordinator.runner(file, Overrides.none(), Map.of()).build().run())
          .isInstanceOf(ClusterException.class)
          .hasMessageContaining("for 2 workers at " + coordinator.address() + ": 1 missing, 1 joined (127.0.0.1:")
          .hasMessageContaining("plimsoll worker --join " + coordinator.address());
    }
  }

  @Test
  void aWorkerRefusesATargetOutsideItsAllowList(@TempDir Path dir) throws Exception {
    Path file = scenario(dir, nginx.url(0, ""), "10/s", "1s");
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(1)
            .waitForWorkers(Duration.ofSeconds(20)).start();
        Worker worker = Worker.builder(coordinator.address()).allowTargets(List.of("*.staging.example.com")).start()) {
      long before = nginx.requests(0);
      assertThatThrownBy(() -> coordinator.runner(file, Overrides.none(), Map.of()).build().run())
          .isInstanceOf(ClusterException.class)
          .hasMessageContaining("refused: target 127.0.0.1:" + nginx.port(0) + " is not allowed on this worker");
      assertThat(nginx.requests(0) - before - 1).isZero();
    }
  }

  /** Several workers in this JVM. */
  static final class Workers implements AutoCloseable {
    final List<Worker> all = new ArrayList<>();

    static Workers start(int count, ClusterAddress coordinator) {
      Workers w = new Workers();
      for (int i = 0; i < count; i++) {
        w.all.add(Worker.builder(coordinator).start());
      }
      return w;
    }

    @Override
    public void close() {
      all.forEach(Worker::close);
    }
  }
}
