package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as users run it: the shaded {@code plimsoll-cli.jar} ({@code ./plimsoll}), each node a
 * JVM of its own. A coordinator and two workers over mutual TLS on loopback, and a third "worker"
 * whose certificate comes from the same CA under a name not allowed. Runs after {@code package}
 * (the {@code shaded-jar} execution of the cli module's pom), when the jar exists.
 */
@Timeout(240)
class ShadedJarTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void aCoordinatorAndTwoWorkersOfTheShadedJarRunOverTlsAndRefuseAWrongName(@TempDir Path dir) throws Exception {
    String jarPath = System.getProperty("plimsoll.cli.jar");
    assumeTrue(jarPath != null && Files.isRegularFile(Path.of(jarPath)), "the shaded jar is built by package: " + jarPath);
    Path jar = Path.of(jarPath);
    Path tls = dir.resolve("tls");
    assertThat(jarRun(jar, dir.resolve("certs.log"), "certs", "init", "--dir", tls.toString()).waitFor()).isZero();
    assertThat(jarRun(jar, dir.resolve("issue.log"), "certs", "issue", "coordinator", "worker-1", "worker-2", "intruder",
        "--dir", tls.toString()).waitFor()).isZero();
    Path file = SplitScenario.write(dir);
    String address = "127.0.0.1:" + Nginx.freePorts(1)[0];
    long before = nginx.requests(0);
    List<Process> processes = new ArrayList<>();
    Path coordinatorLog = dir.resolve("coordinator.log");
    try {
      Process coordinator = jarRun(jar, coordinatorLog, "run", file.toString(), "--target", nginx.url(0, ""),
          "--workers", "2", "--cluster", address, "--tls-dir", tls.toString(), "--wait-for-workers", "120s",
          "--no-progress", "--out", dir.resolve("out").toString());
      processes.add(coordinator);
      processes.add(jarRun(jar, dir.resolve("intruder.log"), "worker", "--join", address, "--tls-dir", tls.toString(),
          "--tls-name", "intruder"));
      // The intruder is refused before the real workers come, so the refusal is in the log for sure.
      assertThat(CliProcess.await(90, () -> read(coordinatorLog).contains("refused a peer")))
          .as(read(coordinatorLog)).isTrue();
      Process w1 = jarRun(jar, dir.resolve("worker-1.log"), "worker", "--join", address, "--tls-dir", tls.toString(),
          "--tls-name", "worker-1");
      Process w2 = jarRun(jar, dir.resolve("worker-2.log"), "worker", "--join", address, "--tls-dir", tls.toString(),
          "--tls-name", "worker-2");
      processes.addAll(List.of(w1, w2));

      assertThat(coordinator.waitFor(150, TimeUnit.SECONDS)).as(read(coordinatorLog)).isTrue();
      String out = read(coordinatorLog);
      assertThat(coordinator.exitValue()).as(out).isZero();
      assertThat(out).contains("plimsoll: waiting for 2 workers at " + address)
          .contains("refused a peer at 127.0.0.1: its certificate names intruder match none of the allowed peer names")
          .containsPattern("worker 1 of 2 +127\\.0\\.0\\.1:\\d+ on .*, 50\\.0% of the load: \\d+ completed")
          .containsPattern("worker 2 of 2 +127\\.0\\.0\\.1:\\d+ on .*, 50\\.0% of the load: \\d+ completed")
          .contains("start skew");
      RunResult result = ResultFiles.read(dir.resolve("out").resolve("result.json"));
      List<?> workers = (List<?>) result.section("fleet").orElseThrow().data("workers");
      // Each worker's half of the plan: run, or dropped by a scheduler still behind at the end (on a
      // busy machine), never lost.
      assertThat(workers).hasSize(2).allSatisfy(w -> assertThat(
          (Long) ((java.util.Map<?, ?>) w).get("completed") + (Long) ((java.util.Map<?, ?>) w).get("dropped")).isEqualTo(100));
      assertThat(result.total().started() + result.total().dropped()).isEqualTo(200);
      assertThat(nginx.requests(0) - before - 1).as("nginx counted every request started (and this status request)")
          .isEqualTo(result.total().started());
      // The coordinator has gone: its workers end by themselves.
      assertThat(w1.waitFor(30, TimeUnit.SECONDS) && w2.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(w1.exitValue()).as(read(dir.resolve("worker-1.log"))).isZero();

      // Nothing secret in anything the nodes printed: neither the password nor any key's bytes.
      List<String> secrets = secrets(tls);
      for (String log : List.of("certs.log", "issue.log", "coordinator.log", "intruder.log", "worker-1.log", "worker-2.log")) {
        String text = read(dir.resolve(log));
        for (String secret : secrets) {
          assertThat(text).as(log).doesNotContain(secret);
        }
        assertThat(text).as(log).doesNotContain("PRIVATE KEY");
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  private static Process jarRun(Path jar, Path output, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /** The password, and each private key of the directory: its encoding in base64, its secret number in hex and base64. */
  private static List<String> secrets(Path tls) throws Exception {
    String password = Files.readString(tls.resolve("password")).strip();
    List<String> secrets = new ArrayList<>(List.of(password));
    for (String store : List.of("ca.p12", "coordinator.p12", "worker-1.p12", "worker-2.p12", "intruder.p12")) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(tls.resolve(store))) {
        ks.load(in, password.toCharArray());
      }
      for (String alias : java.util.Collections.list(ks.aliases())) {
        Key key = ks.getKey(alias, password.toCharArray());
        if (key instanceof ECPrivateKey ec) {
          secrets.add(Base64.getEncoder().encodeToString(ec.getEncoded()));
          byte[] s = ec.getS().toByteArray();
          secrets.add(HexFormat.of().formatHex(s));
          secrets.add(ec.getS().toString(16));
          secrets.add(Base64.getEncoder().encodeToString(s));
        }
      }
    }
    return secrets;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
