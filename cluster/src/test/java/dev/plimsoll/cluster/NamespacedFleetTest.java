package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator, two workers and nginx as four machines: each in a network namespace of its own,
 * with its own address, joined by a bridge, so the cluster forms, and the load reaches the target,
 * over a real network path between hosts rather than one loopback. The plan is met exactly, by
 * nginx's own count, and the result lists each worker by its address.
 */
@Timeout(180)
class NamespacedFleetTest {

  @Test
  void workersOnTheirOwnHostsSplitThePlanExactly(@TempDir Path dir) throws Exception {
    Nginx.assumeInstalled();
    NetworkNamespaces.assumeAvailable();
    List<Process> processes = new ArrayList<>();
    NetworkNamespaces net = NetworkNamespaces.create("coordinator", "worker1", "worker2", "web");
    try {
      String web = net.address("web");
      Path nginxDir = Files.createDirectories(dir.resolve("nginx"));
      Files.writeString(nginxDir.resolve("nginx.conf"), """
          master_process off;
          daemon off;
          pid %1$s/nginx.pid;
          error_log %1$s/error.log warn;
          events { worker_connections 1024; }
          http {
            access_log %1$s/access.log;
            client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fcgi;
            uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
            server { listen %2$s:8080; location / { return 200 "ok\\n"; } }
          }
          """.formatted(nginxDir, web));
      List<String> nginx = new ArrayList<>(net.exec("web"));
      nginx.addAll(List.of("nginx", "-p", nginxDir.toString(), "-c", nginxDir.resolve("nginx.conf").toString()));
      processes.add(new ProcessBuilder(nginx).redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start());

      Path scenario = dir.resolve("fleet.yaml");
      Files.writeString(scenario, """
          name: fleet
          target: http://%s:8080
          duration: 3s
          workloads:
            - name: shop
              open: { rate: 100/s }
              mix:
                - { name: home, weight: 3, request: { url: / } }
                - { name: item, weight: 1, request: { url: /item } }
          """.formatted(web));
      String coordinator = net.address("coordinator") + ":25520";
      Path out = dir.resolve("out");
      Process c = NodeProcess.start(net.exec("coordinator"), NodeProcess.CoordinatorMain.class,
          dir.resolve("coordinator.log"), coordinator, scenario.toString(), "2", out.toString());
      processes.add(c);
      for (String w : List.of("worker1", "worker2")) {
        processes.add(NodeProcess.start(net.exec(w), NodeProcess.WorkerMain.class, dir.resolve(w + ".log"),
            coordinator, net.address(w) + ":25521"));
      }

      assertThat(c.waitFor(150, TimeUnit.SECONDS)).as(log(dir, "coordinator.log")).isTrue();
      assertThat(c.exitValue()).as(log(dir, "coordinator.log")).isZero();
      RunResult result = ResultFiles.read(out.resolve("result.json"));
      // Every arrival of the plan accounted for: sent, or (on a starved machine, at the stop) counted as dropped.
      long completed = result.total().completed();
      assertThat(completed + result.total().dropped()).as(log(dir, "coordinator.log")).isEqualTo(300);
      assertThat(completed).isGreaterThanOrEqualTo(295);
      assertThat(result.total().failed()).isZero();
      assertThat(result.operation("home").orElseThrow().started() + result.operation("item").orElseThrow().started())
          .isEqualTo(completed);
      assertThat(Files.readAllLines(nginxDir.resolve("access.log"))).as("nginx's own count").hasSize((int) completed);
      ResultSection fleet = result.section(FleetReport.SECTION).orElseThrow();
      List<String> addresses = ((List<?>) fleet.data("workers")).stream().map(w -> (String) ((Map<?, ?>) w).get("address")).toList();
      assertThat(addresses).containsExactlyInAnyOrder(net.address("worker1") + ":25521", net.address("worker2") + ":25521");
      assertThat((Double) fleet.data("startSkewS")).isLessThan(1.0);
    } finally {
      // The processes first: a namespace with processes in it is not deleted.
      processes.forEach(Process::destroyForcibly);
      for (Process p : processes) {
        p.waitFor(10, TimeUnit.SECONDS);
      }
      net.close();
    }
  }

  private static String log(Path dir, String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (java.io.IOException e) {
      return "(no " + name + ")";
    }
  }
}
