package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artery over TLS with mutual authentication: a worker whose certificate chains to another CA never
 * joins, nor one of the same CA whose name is not allowed.
 */
@Timeout(90)
class MutualTlsTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void onlyAWorkerWhoseCertificateChainsToTheCaJoins(@TempDir Path dir) throws Exception {
    Path ours = TestCa.issuing(dir.resolve("tls"), "coordinator", "worker");
    Path rogue = TestCa.issuing(dir.resolve("rogue"), "worker");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours.resolve("password")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours.resolve("worker.p12")))).isEqualTo("rw-------");

    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "20/s", "1s");
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(1)
        .waitForWorkers(Duration.ofSeconds(6)).startDelay(Duration.ofMillis(500)).tls(ours, "coordinator").start()) {
      try (Worker intruder = Worker.builder(coordinator.address()).tls(rogue, "worker").start()) {
        assertThatThrownBy(() -> coordinator.runner(file, Overrides.none(), Map.of()).build().run())
            .isInstanceOf(ClusterException.class).hasMessageContaining("1 missing, 0 joined");
      }
      try (Worker worker = Worker.builder(coordinator.address()).tls(ours, "worker").start()) {
        RunResult result = coordinator.runner(file, Overrides.none(), Map.of()).build().run();
        assertThat(result.total().completed()).isEqualTo(20);
      }
    }
  }

  @Test
  void aCertificateOfTheRightCaWithANameNotAllowedIsRefusedBothWays(@TempDir Path dir) throws Exception {
    Path tls = TestCa.issuing(dir.resolve("tls"), "coordinator", "worker-1", "intruder");
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "20/s", "1s");
    List<String> coordinatorNotices = new CopyOnWriteArrayList<>();
    List<String> pickyNotices = new CopyOnWriteArrayList<>();
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(1)
        .waitForWorkers(Duration.ofSeconds(8)).startDelay(Duration.ofMillis(500)).tls(tls, "coordinator")
        .notices(coordinatorNotices::add).start()) {
      // The same CA, two ways to be refused: the coordinator refuses a certificate named "intruder"
      // (its peer names are the directory's defaults), and a worker that accepts only a coordinator
      // named coordinator-eu refuses this one.
      try (Worker intruder = Worker.builder(coordinator.address()).tls(tls, "intruder").start();
          Worker picky = Worker.builder(coordinator.address()).tls(tls, "worker-1").peerNames(List.of("coordinator-eu"))
              .notices(pickyNotices::add).start()) {
        assertThatThrownBy(() -> coordinator.runner(file, Overrides.none(), Map.of()).build().run())
            .isInstanceOf(ClusterException.class).hasMessageContaining("1 missing, 0 joined")
            .hasMessageContaining("refused a peer at 127.0.0.1: its certificate names intruder match none of the "
                + "allowed peer names (coordinator, coordinator-*, coordinator.*, worker, worker-*, worker.*)");
      }
      // Said once, though the intruder kept dialling.
      assertThat(coordinatorNotices).filteredOn(n -> n.contains("refused")).hasSize(1);
      assertThat(pickyNotices).anySatisfy(n -> assertThat(n)
          .contains("its certificate names coordinator match none of the allowed peer names (coordinator-eu)"));

      try (Worker worker = Worker.builder(coordinator.address()).tls(tls, "worker-1").start()) {
        RunResult result = coordinator.runner(file, Overrides.none(), Map.of()).build().run();
        assertThat(result.total().completed()).isEqualTo(20);
      }
    }
  }

  @Test
  void aSecondCaIsNotCreatedOverTheFirstAndNamesAreChecked(@TempDir Path dir) {
    Certificates.init(dir);
    assertThatThrownBy(() -> Certificates.init(dir)).hasMessageContaining("a CA is there");
    assertThatThrownBy(() -> Certificates.issue(dir, "../x")).hasMessageContaining("name must be letters");
    assertThatThrownBy(() -> Certificates.issue(dir.resolve("none"), "w")).hasMessageContaining("no CA in");
  }
}
