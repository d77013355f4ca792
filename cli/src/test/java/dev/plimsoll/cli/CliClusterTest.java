package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.cluster.ClusterAddress;
import dev.plimsoll.cluster.Worker;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code plimsoll run --workers 2 --cluster HOST:PORT} with two workers joining it. */
@Timeout(90)
class CliClusterTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void runSplitsTheLoadAmongTheWorkersAndReportsTheMergedResult(@TempDir Path dir) throws Exception {
    Path file = SplitScenario.write(dir);
    String address = "127.0.0.1:" + Nginx.freePorts(1)[0];
    long before = nginx.requests(0);
    // The coordinator's notices go to standard error, as the runner's do.
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream originalErr = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    CompletableFuture<CliRunner.Outcome> run = CompletableFuture.supplyAsync(() -> CliRunner.run("run", file.toString(),
        "--target", nginx.url(0, ""), "--workers", "2", "--cluster", address, "--wait-for-workers", "40s",
        "--no-progress", "--out", dir.resolve("out").toString()));
    try (Worker a = Worker.builder(ClusterAddress.parse(address)).start();
        Worker b = Worker.builder(ClusterAddress.parse(address)).start()) {
      CliRunner.Outcome o = run.get(80, TimeUnit.SECONDS);
      System.setErr(originalErr);
      String notices = err.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(o.code()).as(o.out() + o.err() + notices).isZero();
      assertThat(notices).contains("waiting for 2 workers at " + address);
      // The workers are a section of the report and of result.json.
      assertThat(o.out()).contains("\nWorkers\n").contains("start skew")
          .containsPattern("worker 1 of 2 +127\\.0\\.0\\.1:\\d+ on .*, 50\\.0% of the load: \\d+ completed")
          .containsPattern("worker 2 of 2 +127\\.0\\.0\\.1:\\d+ on .*, 50\\.0% of the load: \\d+ completed");
      RunResult result = ResultFiles.read(dir.resolve("out").resolve("result.json"));
      List<?> workers = (List<?>) result.section("fleet").orElseThrow().data("workers");
      assertThat(workers).hasSize(2).allSatisfy(w -> {
        assertThat(((Map<?, ?>) w).get("share")).isEqualTo(0.5);
        // Each arrival of its 100 ran, or (on a starved machine, at the stop) was counted as dropped.
        assertThat((Long) ((Map<?, ?>) w).get("completed") + (Long) ((Map<?, ?>) w).get("dropped")).isEqualTo(100L);
        assertThat(((Map<?, ?>) w).get("lost")).isEqualTo(false);
        assertThat(((Map<?, ?>) w).get("host")).isNotNull();
      });
      assertThat(result.total().completed() + result.total().dropped()).isEqualTo(200);
      assertThat(nginx.requests(0) - before - 1).isEqualTo(result.total().completed());
      // The coordinator has gone: its workers end by themselves.
      a.terminated().get(20, TimeUnit.SECONDS);
      b.terminated().get(20, TimeUnit.SECONDS);
    } finally {
      System.setErr(originalErr);
    }
  }

  @Test
  void certsCreatesACaAndIssuesNodeCertificates(@TempDir Path dir) {
    Path tls = dir.resolve("tls");
    assertThat(CliRunner.run("certs", "init", "--dir", tls.toString()).code()).isZero();
    CliRunner.Outcome issued = CliRunner.run("certs", "issue", "--dir", tls.toString());
    assertThat(issued.code()).as(issued.err()).isZero();
    assertThat(tls.resolve("coordinator.p12")).isRegularFile();
    assertThat(tls.resolve("worker.p12")).isRegularFile();
    assertThat(tls.resolve("ca-trust.p12")).isRegularFile();
    CliRunner.Outcome again = CliRunner.run("certs", "init", "--dir", tls.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("a CA is there");
    // The password is in a file, never on the screen.
    assertThat(issued.out()).doesNotContain(readPassword(tls));
    assertThat(tls.resolve("peer-names")).content().contains("worker-*");
  }

  @Test
  void peerNamesGoWithATlsDirectory(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), "name: s\nworkloads: []\n");
    CliRunner.Outcome worker = CliRunner.run("worker", "--join", "127.0.0.1:1", "--peer-names", "worker-*");
    assertThat(worker.code()).isEqualTo(2);
    assertThat(worker.err()).contains("--peer-names goes with --tls-dir DIR");
    CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--workers", "2", "--peer-names", "worker-*");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--peer-names goes with --tls-dir DIR");
    CliRunner.Outcome bad = CliRunner.run("worker", "--join", "127.0.0.1:1", "--tls-dir", dir.toString(),
        "--peer-names", "worker-*");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("no worker.p12 in " + dir);
  }

  private static String readPassword(Path tls) {
    try {
      return Files.readString(tls.resolve("password")).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
