package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.http.testing.Nginx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each response says when its request's last byte went on the wire and when its own last byte
 * came in, on {@link System#nanoTime()}: against nginx, which answers at once, and a server that
 * waits.
 */
class WireTimesTest {
  private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(MisbehavingServer.SLOW_MILLIS);
  /**
   * The time on the wire is taken when the write completes on the client's event loop, which can be a
   * moment after the server has read the request and begun its wait: allow that moment.
   */
  private static final long WRITE_NOTICED_NANOS = 50_000_000;
  static MisbehavingServer http1;
  @TempDir
  static Path dir;
  static Nginx nginx;

  @BeforeAll
  static void start() throws Exception {
    http1 = new MisbehavingServer();
    nginx = Nginx.start(dir, 1, ports -> """
        server { listen 127.0.0.1:%d http2; location / { return 200 "ok"; } }
        """.formatted(ports[0]));
  }

  @AfterAll
  static void stop() throws Exception {
    http1.close();
    if (nginx != null) {
      nginx.close();
    }
  }

  private static HttpClient client(HttpProtocol protocol, boolean followRedirects) {
    return HttpClient.create(HttpClientSettings.builder().protocol(protocol).connectionsPerTarget(1).ioThreads(1)
        .followRedirects(followRedirects).requestTimeout(Duration.ofSeconds(10)).build());
  }

  /** Sends, and checks the times fall in order between the send and the answer. */
  private static HttpResponse sendTimed(HttpClient client, HttpRequest request) throws Exception {
    long before = System.nanoTime();
    HttpResponse response = client.send(request).get(10, TimeUnit.SECONDS);
    long after = System.nanoTime();
    assertThat(response.sentAtNanos()).isBetween(before, response.receivedAtNanos());
    assertThat(response.receivedAtNanos()).isLessThanOrEqualTo(after);
    return response;
  }

  @Test
  void http1_theServersWaitLiesBetweenSentAndReceived() throws Exception {
    try (HttpClient client = client(HttpProtocol.HTTP_1_1, false)) {
      sendTimed(client, HttpRequest.get(http1.url("/ok"))); // the connection is open from now on
      long before = System.nanoTime();
      HttpResponse slow = sendTimed(client, HttpRequest.get(http1.url("/slow")));
      assertThat(slow.receivedAtNanos() - slow.sentAtNanos()).isGreaterThanOrEqualTo(SLOW_NANOS - WRITE_NOTICED_NANOS);
      assertThat(slow.sentAtNanos() - before).as("sent at once, not when answered").isLessThan(SLOW_NANOS / 2);
    }
  }

  @Test
  void h2c_headersOnly_andWithABody() throws Exception {
    try (HttpClient client = client(HttpProtocol.H2C, false)) {
      assertThat(sendTimed(client, HttpRequest.get(nginx.url(0, "/"))).bodyAsString()).isEqualTo("ok");
      // The time on the wire is the last DATA frame's, written as flow control allows.
      assertThat(sendTimed(client, HttpRequest.builder(nginx.url(0, "/")).post(new byte[100_000]).build()).status())
          .isEqualTo(200);
    }
  }

  /** After redirects, the time on the wire is the first request's: the client's cost came before it. */
  @Test
  void afterARedirect_theFirstRequestsTimeOnTheWire() throws Exception {
    try (HttpClient client = client(HttpProtocol.HTTP_1_1, true)) {
      sendTimed(client, HttpRequest.get(http1.url("/ok")));
      long before = System.nanoTime();
      HttpResponse redirected = sendTimed(client, HttpRequest.get(http1.url("/slow-redirect")));
      assertThat(redirected.request().uri().getPath()).isEqualTo("/ok");
      assertThat(redirected.sentAtNanos() - before).isLessThan(SLOW_NANOS / 2);
      assertThat(redirected.receivedAtNanos() - redirected.sentAtNanos()).isGreaterThanOrEqualTo(SLOW_NANOS - WRITE_NOTICED_NANOS);
    }
  }
}
