package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code run} and {@code http} commands as a user runs them, against a server on loopback that
 * records what it is sent and answers with a JSON value that would clear the screen: no secret
 * reaches the console, report.md, result.json or the dry run, URL user information goes on the wire
 * as Basic authentication, and no byte from the target reaches an output as a control character.
 */
class CliNothingLeakedTest {
  /** A value from the environment: every process has a PATH, and its value must never be shown. */
  private static final String ENV_VALUE = System.getenv("PATH");

  private ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

  /**
   * A keep-alive HTTP/1.1 server on plain sockets (the JDK's HTTP server is not readable from this
   * module): it records each request's Authorization header and answers every request alike.
   */
  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          sockets.add(socket);
          Thread.ofVirtual().start(() -> serve(socket));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  private void serve(Socket socket) {
    byte[] body = "{\"state\":\"\\u001b[2J\\u0007closed\"}".getBytes(StandardCharsets.UTF_8);
    try (socket; BufferedReader in = new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))) {
      OutputStream out = socket.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        String authorization = "null";
        int length = 0;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          String lower = line.toLowerCase(Locale.ROOT);
          if (lower.startsWith("authorization:")) {
            authorization = line.substring(14).strip();
          } else if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        for (long left = length; left > 0; ) { // the body: one byte a character in ISO-8859-1
          long skipped = in.skip(left);
          if (skipped <= 0) {
            return;
          }
          left -= skipped;
        }
        authorizations.add(authorization);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      }
    } catch (IOException closed) {
      // The client went away, or the test is over.
    }
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertClean(String text, String... secrets) {
    assertThat(ENV_VALUE).isNotBlank();
    assertThat(text).doesNotContain(ENV_VALUE).doesNotContain("\u001b").doesNotContain("\u0007");
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void aScenarioRunShowsNoSecretAndNoControlCharacter(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("leaky.yaml"), """
        name: leaky
        duration: 2s
        variables: { base: "${env.PATH}", tenant: acme }
        workloads:
          - name: w
            closed: { users: 1, thinkTime: 50ms }
            mix:
              - name: look
                request: { url: "http://alice:hunter2@127.0.0.1:%1$d/items?token=T0K3NQ&tenant=${tenant}" }
                checks: { bodyContains: "${env.PATH}" }
              - name: state
                request: { method: POST, url: "http://127.0.0.1:%1$d/login", body: '{"user":"ann","password":"pw-inline-9"}' }
                checks: { jsonPath: { "$.state": open } }
        """.formatted(server.getLocalPort()));
    Path out = dir.resolve("out");

    CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--no-progress", "--out", out.toString());
    CliRunner.Outcome dry = CliRunner.run("run", file.toString(), "--dry-run");
    CliRunner.Outcome shown = CliRunner.run("run", file.toString(), "--dry-run", "--show-bodies");

    assertThat(authorizations).contains(basic("alice:hunter2"));
    String console = run.out() + run.err();
    String report = Files.readString(out.resolve("report.md"));
    String html = Files.readString(out.resolve("report.html"));
    String json = Files.readString(out.resolve("result.json"));
    String machines = Files.readString(out.resolve("junit.xml")) + Files.readString(out.resolve("intervals.csv"))
        + Files.readString(out.resolve("latency.hlog"));
    assertThat(console).contains("check bodyContains '${env.PATH}' failed").contains("got '\\x1B[2J\\x07closed'");
    assertThat(report).contains("got '\\\\x1B\\[2J\\\\x07closed'");
    assertThat(json).contains("check bodyContains '${env.PATH}' failed").contains("\\u001B[2J\\u0007closed");
    assertThat(dry.out()).contains("GET http://***@127.0.0.1:").contains("token=***&tenant=${tenant}")
        .contains("base = ***").contains("body: JSON object, 2 fields, 39 bytes");
    for (String text : List.of(console, report, html, json, machines, dry.out(), dry.err())) {
      assertClean(text, "hunter2", "T0K3NQ", "pw-inline-9");
    }
    assertThat(shown.out()).contains("pw-inline-9");
    assertClean(shown.out(), "hunter2", "T0K3NQ");
  }

  @Test
  void theQuickTestSendsUrlCredentialsAsBasicAuthenticationAndShowsThemNowhere(@TempDir Path out) throws IOException {
    String url = "http://alice:hunter2@127.0.0.1:" + server.getLocalPort() + "/s?api_key=K3YQ&q=1";
    CliRunner.Outcome run = CliRunner.run("http", url, "-H", "Cookie: sid=C00KIE", "--users", "1", "--duration", "1s",
        "--no-progress", "--out", out.toString());
    CliRunner.Outcome dry = CliRunner.run("http", url, "-d", "user=ann&password=pw-form-9", "--users", "1",
        "--duration", "1s", "--dry-run");
    CliRunner.Outcome bad = CliRunner.run("http", "ftp://alice:hunter2@h/?token=T0K3NQ", "--users", "1", "--duration", "1s");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(authorizations).isNotEmpty().containsOnly(basic("alice:hunter2"));
    assertThat(dry.out()).contains("GET http://***@127.0.0.1:").contains("api_key=***&q=1")
        .contains("body: form, 2 fields, 27 bytes");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("ftp://***@h/?token=***");
    for (String text : List.of(run.out(), run.err(), dry.out(), bad.err(), Files.readString(out.resolve("report.md")),
        Files.readString(out.resolve("report.html")), Files.readString(out.resolve("result.json")),
        Files.readString(out.resolve("junit.xml")), Files.readString(out.resolve("intervals.csv")))) {
      assertClean(text, "hunter2", "K3YQ", "C00KIE", "pw-form-9", "T0K3NQ");
    }
  }
}
