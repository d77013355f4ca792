package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.scenario.echo.EchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll run} with a protocol the command line has never heard of: the echo driver of the
 * scenario module's tests, found on the classpath, sends lines over TCP to a loopback server.
 */
class CliEchoDriverTest {

  private static final String FILE = """
      name: echoes
      echo: { connections: 2, timeout: 2s }
      workloads:
        - name: talkers
          closed: { users: 2 }
          mix:
            - { name: ping, echo: "hello ${seq}", expect: hello }
      """;

  @TempDir Path dir;
  private EchoServer server;

  @BeforeEach
  void start() throws Exception {
    server = new EchoServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void runsAFileOfAnotherProtocol(@TempDir Path out) throws Exception {
    Path file = Files.writeString(dir.resolve("echoes.yaml"), FILE);
    CliRunner.Outcome o = CliRunner.run("run", file.toString(), "--target", server.target(), "--duration", "2s",
        "--no-progress", "--out", out.toString());
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    RunResult result = ResultFiles.read(out.resolve("result.json"));
    OperationStats ping = result.operation("ping").orElseThrow();
    assertThat(ping.failed()).as(ping.errors().toString()).isZero();
    assertThat(ping.completed()).isPositive().isEqualTo(server.lines());
  }

  @Test
  void dryRunsIt() throws Exception {
    Path file = Files.writeString(dir.resolve("echoes.yaml"), FILE);
    CliRunner.Outcome o = CliRunner.run("run", file.toString(), "--target", server.target(), "--connections", "3",
        "--dry-run");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("  echo      3 connections, timeout 2s\n").contains("    echo 'hello ${seq}'\n");
    assertThat(server.lines()).isZero();
  }
}
