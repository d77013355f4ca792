package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run asking for more connections than the process can hold (here 50,000: more than the usual
 * limit on open files, and more heap than a test JVM has): exit 2 before any load.
 */
class PreflightCliTest {

  @Test
  void tooManyConnections_exit2_nothingSent(@TempDir Path dir) throws Exception {
    try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CliRunner.Outcome outcome = CliRunner.run("http", "http://127.0.0.1:" + target.getLocalPort() + "/",
          "--rate", "10/s", "--duration", "2s", "--connections", "50000", "--no-progress",
          "--out", dir.resolve("run").toString());

      assertThat(outcome.code()).as(outcome.out() + outcome.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(outcome.err()).startsWith("plimsoll: ").contains("50,000 connections")
          .containsAnyOf("ulimit -n", "PLIMSOLL_JAVA_OPTS=-Xmx");
      target.setSoTimeout(200);
      boolean connected;
      try (var ignored = target.accept()) {
        connected = true;
      } catch (SocketTimeoutException none) {
        connected = false;
      }
      assertThat(connected).as("a connection reached the target").isFalse();
      assertThat(dir.resolve("run")).doesNotExist();
    }
  }
}
