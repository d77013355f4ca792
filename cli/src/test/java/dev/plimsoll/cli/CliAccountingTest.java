package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.ResultFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation accounted for, through the command a user types, against a target that never answers. */
class CliAccountingTest {

  /** A loopback server that accepts connections and reads requests, but never answers one. */
  private static final class NeverAnswers implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    NeverAnswers() throws IOException {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      acceptor = Thread.ofVirtual().start(this::accept);
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          accepted.add(socket);
          Thread.ofVirtual().start(() -> read(socket));
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private static void read(Socket socket) {
      byte[] buffer = new byte[4096];
      try (InputStream in = socket.getInputStream()) {
        while (in.read(buffer) >= 0) {
          // Read and forget: never answer.
        }
      } catch (IOException e) {
        // The client gave up, or the server closed.
      }
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    @Override
    public void close() throws Exception {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
      acceptor.join(2_000);
    }
  }

  @Test
  void aTargetThatNeverAnswersFailsTheRunWithEveryOperationAccountedFor(@TempDir Path out) throws Exception {
    try (NeverAnswers target = new NeverAnswers()) {
      CliRunner.Outcome o = CliRunner.run("http", target.url(), "--rate", "20/s", "--duration", "2s",
          "--no-progress", "--out", out.toString());

      assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.FAILED);
      assertThat(o.out()).contains("FAILED  http: completed; no operation succeeded; no criteria")
          .contains("40 started: 0 succeeded, 40 failed (100% errors, 40 unfinished at stop)")
          .doesNotContain("PASSED");
      RunResult result = ResultFiles.read(out.resolve("result.json"));
      assertThat(result.status()).isEqualTo(RunStatus.FAILED);
      OperationStats total = result.total();
      assertThat(total.started()).isEqualTo(40).isEqualTo(total.succeeded() + total.failed());
      assertThat(total.dropped()).isZero();
      assertThat(result.errors()).extracting(ErrorClass::type).containsExactly(ErrorClass.UNFINISHED_AT_STOP);
      assertThat(result.measuredDuration()).hasSeconds(2);
    }
  }
}
