package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.ResultFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real signals to a real process: which one came is said, a second Ctrl-C stops at once, the result is written. */
class SignalsTest {

  @Test
  void sigterm_stopsGracefully_andSaysWhichSignal(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");
    try (CliProcess run = CliProcess.start(dir.resolve("output.txt"),
        "demo", "--duration", "60s", "--no-progress", "--out", out.toString())) {
      assertThat(run.awaitOutput(30, o -> o.contains("plimsoll: running"))).isTrue();
      Thread.sleep(2000);
      run.signal("TERM");
      assertThat(run.waitFor(30)).as("ended after SIGTERM").isTrue();
      String output = run.output();
      assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.ABORTED);
      assertThat(output).contains("plimsoll: SIGTERM received: stopping gracefully (waiting up to 5s for")
          .contains("send SIGTERM again to stop now)")
          .contains("interrupted (SIGTERM)");
    }
    RunResult result = ResultFiles.read(out.resolve("result.json"));
    assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(result.stopReason()).isEqualTo("interrupted (SIGTERM)");
    assertThat(result.incomplete()).isFalse();
  }

  /**
   * Against a target that never answers, with a graceful stop of 60 s: after the first Ctrl-C the
   * run waits for its in-flight requests and says so; the second ends it at once, result written.
   */
  @Test
  void secondCtrlC_stopsNow_andStillWritesTheResult(@TempDir Path dir) throws Exception {
    InheritedSignals.assumeSigintDelivered();
    try (Silent target = new Silent()) {
      Path scenario = dir.resolve("hang.yaml");
      Files.writeString(scenario, """
          name: hang
          target: http://127.0.0.1:%d
          duration: 60s
          gracefulStop: 60s
          http: { timeout: 120s, connections: 8 }
          workloads:
            - name: w
              open: { rate: 20/s }
              mix:
                - name: get
                  request: { method: GET, url: / }
          """.formatted(target.port()));
      Path out = dir.resolve("run");
      try (CliProcess run = CliProcess.start(dir.resolve("output.txt"),
          "run", scenario.toString(), "--out", out.toString())) {
        assertThat(run.awaitOutput(30, o -> o.contains("plimsoll: running"))).isTrue();
        Thread.sleep(2500);
        run.signal("INT");
        assertThat(run.awaitOutput(10, o -> o.contains("SIGINT received: stopping gracefully"))).as(run.output()).isTrue();
        Thread.sleep(2000);
        String waiting = run.output();
        // The engine publishes no interval while it drains: the notice is what says the run waits.
        assertThat(waiting)
            .containsPattern("SIGINT received: stopping gracefully \\(waiting up to 1m for [0-9]+ in-flight operations; Ctrl-C again to stop now\\)");
        assertThat(run.waitFor(0)).as("still waiting for in-flight work").isFalse();

        long second = System.nanoTime();
        run.signal("INT");
        assertThat(run.waitFor(20)).isTrue();
        double seconds = (System.nanoTime() - second) / 1e9;
        String output = run.output();
        assertThat(output).contains("SIGINT received again: stopping now");
        assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.ABORTED);
        // The run itself stops within 1 s; the rest is the report, writing files and the JVM's exit.
        assertThat(seconds).as("seconds from the second Ctrl-C to the process's end").isLessThan(3.0);
      }
      RunResult result = ResultFiles.read(out.resolve("result.json"));
      assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
      assertThat(result.stopReason()).isEqualTo("interrupted (Ctrl-C)");
      assertThat(result.total().started()).isPositive();
    }
  }

  /** Accepts connections and never answers. */
  private static final class Silent implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    Silent() throws IOException {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      Thread.ofVirtual().start(() -> {
        try {
          while (true) {
            held.add(server.accept());
          }
        } catch (IOException closed) {
          // The test is over.
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
