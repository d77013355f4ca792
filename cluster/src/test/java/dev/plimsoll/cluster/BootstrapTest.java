package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.scenario.Overrides;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator and two workers that form their cluster through Pekko Management's Cluster
 * Bootstrap, on loopback: the same bootstrap as on Kubernetes, with Pekko's {@code config}
 * discovery (a fixed contact point, the coordinator's management endpoint) in place of the
 * Kubernetes API. Over the cluster's mutual TLS, as deployed.
 */
@Timeout(120)
class BootstrapTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void aCoordinatorAndTwoWorkersFormTheClusterThroughBootstrapAndRun(@TempDir Path dir) throws Exception {
    Path tls = TestCa.issuing(dir.resolve("tls"), "coordinator", "worker");
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "50/s", "2s");
    int[] ports = Nginx.freePorts(3);
    ClusterAddress coordinatorManagement = new ClusterAddress("127.0.0.1", ports[0]);
    // Every node is given the same contact point: the coordinator's management endpoint.
    Bootstrap discovery = Bootstrap.contactPoints(List.of(coordinatorManagement));
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(2)
            .waitForWorkers(Duration.ofSeconds(60)).startDelay(Duration.ofSeconds(1)).tls(tls, "coordinator")
            .bootstrap(discovery.management(coordinatorManagement)).start();
        Worker a = Worker.builder(discovery.management(new ClusterAddress("127.0.0.1", ports[1])))
            .tls(tls, "worker").start();
        Worker b = Worker.builder(discovery.management(new ClusterAddress("127.0.0.1", ports[2])))
            .tls(tls, "worker").start()) {
      RunResult result = coordinator.runner(file, Overrides.none(), Map.of()).resultsDirectory(dir.resolve("out"))
          .build().run();

      // 50/s for 2 s, split between the two workers: exactly the plan (an arrival a starved machine
      // could not start in time is counted as dropped).
      assertThat(result.status()).as(result.verdicts().toString()).isEqualTo(RunStatus.PASSED);
      assertThat(result.total().started() + result.total().dropped()).isEqualTo(100);
      assertThat(result.total().started()).isGreaterThan(80);
      assertThat(coordinator.fleet().orElseThrow().workers()).hasSize(2).noneMatch(WorkerReport::lost);

      // The coordinator's management endpoint tells the cluster's members' Artery addresses, and nothing more.
      String seeds = http(coordinatorManagement, "GET", "/bootstrap/seed-nodes");
      assertThat(seeds).startsWith("HTTP/1.1 200").contains("pekko://plimsoll@" + coordinator.address())
          .doesNotContain(Files.readString(tls.resolve("password")).strip()).doesNotContain("p12");
      // Read-only: no route that changes the cluster (Pekko's cluster-http routes are not there).
      String leave = http(coordinatorManagement, "DELETE", "/cluster/members/pekko://plimsoll@" + coordinator.address());
      assertThat(leave).matches("(?s)HTTP/1.1 40[45].*");
      // Every management endpoint listens on loopback only.
      for (int port : ports) {
        assertThat(listeningAddresses(port)).as("port " + port).isNotEmpty()
            .allMatch(LOOPBACK::contains, "loopback");
      }
    }
  }

  @Test
  void theSettingsSayWhatIsWrong() {
    assertThatThrownBy(() -> Bootstrap.contactPoints(List.of())).hasMessageContaining("contact points must not be empty");
    assertThatThrownBy(() -> Bootstrap.kubernetesApi().management(new ClusterAddress("10.0.0.1", 0)))
        .hasMessageContaining("fixed port");
    assertThatThrownBy(() -> Bootstrap.Method.of("kubernetes")).hasMessageContaining("kubernetes-api or config");
    assertThat(Bootstrap.kubernetesApi().effectiveLabelSelector()).isEqualTo("app=plimsoll-coordinator");
    assertThat(Bootstrap.kubernetesApi().serviceName("load").labelSelector("app=%s,tier=x").effectiveLabelSelector())
        .isEqualTo("app=load,tier=x");
  }

  @Test
  void kubernetesApiDiscoveryOutsideAPodSaysSoBeforeStarting() {
    Bootstrap k8s = Bootstrap.kubernetesApi().management(new ClusterAddress("127.0.0.1", 7626));
    assertThatThrownBy(() -> k8s.checkEnvironment(Map.of())).isInstanceOf(ClusterException.class)
        .hasMessageContaining("works in a Kubernetes pod: KUBERNETES_SERVICE_HOST is not set");
    if (!Files.exists(Path.of(Bootstrap.SERVICE_ACCOUNT_TOKEN))) {
      assertThatThrownBy(() -> k8s.checkEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")))
          .hasMessageContaining("service account token at " + Bootstrap.SERVICE_ACCOUNT_TOKEN);
    }
    // Config discovery works anywhere.
    Bootstrap.contactPoints(List.of(new ClusterAddress("127.0.0.1", 7626))).checkEnvironment(Map.of());
  }

  /** One HTTP/1.1 request on a fresh connection: the whole response, status line first. */
  static String http(ClusterAddress server, String method, String path) throws IOException {
    try (Socket s = new Socket(server.host(), server.port())) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + server
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** 127.0.0.1, ::ffff:127.0.0.1 and ::1 as /proc/net/tcp and tcp6 write them. */
  private static final List<String> LOOPBACK = List.of("0100007F", "0000000000000000FFFF00000100007F",
      "00000000000000000000000001000000");

  /** The local addresses (hex, as /proc/net/tcp and tcp6 write them) of the sockets listening on {@code port}. */
  static List<String> listeningAddresses(int port) throws IOException {
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    List<String> found = new java.util.ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Files.readAllLines(Path.of(table)).stream().skip(1).map(String::strip).map(l -> l.split("\\s+"))
          .filter(f -> f[1].endsWith(":" + hexPort) && f[3].equals("0A"))
          .map(f -> f[1].substring(0, f[1].indexOf(':'))).forEach(found::add);
    }
    return found;
  }
}
