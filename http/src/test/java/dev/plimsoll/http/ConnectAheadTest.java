package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.plimsoll.http.testing.Nginx;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections opened ahead of the requests, against a real nginx: every one, and no request sent. */
class ConnectAheadTest {
  private static final int PLAIN = 0;
  private static final int TLS = 1;
  private static final int H2C = 2;

  @TempDir
  static Path dir;
  static Nginx nginx;
  static SelfSignedCertificate certificate;

  @BeforeAll
  static void startNginx() throws Exception {
    Nginx.assumeInstalled();
    certificate = SelfSignedCertificate.create(dir);
    String locations = """
        location = /nginx_status { stub_status; }
        location = / { return 200 "ok"; }
        """;
    nginx = Nginx.start(dir, 3, ports -> """
        server { listen 127.0.0.1:%d; %s }
        server { listen 127.0.0.1:%d ssl http2; ssl_certificate %s; ssl_certificate_key %s; %s }
        server { listen 127.0.0.1:%d http2; %s }
        """.formatted(ports[0], locations, ports[1], certificate.certificate(), certificate.privateKey(), locations,
        ports[2], locations));
  }

  @AfterAll
  static void stopNginx() {
    if (nginx != null) {
      nginx.close();
    }
  }

  private static HttpClientSettings.Builder settings(HttpProtocol protocol) {
    return HttpClientSettings.builder().protocol(protocol).connectionsPerTarget(3).ioThreads(2)
        .requestTimeout(Duration.ofSeconds(10));
  }

  /** Opens the connections ahead, checks nginx saw no request, then that requests open no more. */
  private static void connectsAheadWithoutARequest(HttpClientSettings settings, String url) throws Exception {
    try (HttpClient client = HttpClient.create(settings)) {
      long before = nginx.requests(PLAIN);
      client.connect(URI.create(url)).get(10, TimeUnit.SECONDS);
      assertThat(client.stats().connectionsOpened()).isEqualTo(3);
      // Again: the open connections are kept.
      client.connect(URI.create(url)).get(10, TimeUnit.SECONDS);
      // stub_status counts every server of the instance, its own request included.
      assertThat(nginx.requests(PLAIN) - before - 1).as("requests nginx saw").isZero();

      for (int i = 0; i < 30; i++) {
        assertThat(client.send(HttpRequest.get(url)).get(10, TimeUnit.SECONDS).bodyAsString()).isEqualTo("ok");
      }
      assertThat(client.stats().connectionsOpened()).isEqualTo(3);
    }
  }

  @Test
  void http1() throws Exception {
    connectsAheadWithoutARequest(settings(HttpProtocol.HTTP_1_1).build(), nginx.url(PLAIN, "/"));
  }

  @Test
  void h2c() throws Exception {
    connectsAheadWithoutARequest(settings(HttpProtocol.H2C).build(), nginx.url(H2C, "/"));
  }

  @Test
  void h2OverTls_handshakeIncluded() throws Exception {
    connectsAheadWithoutARequest(settings(HttpProtocol.H2).tlsTrust(TlsTrust.certificates(certificate.certificate()))
        .build(), "https://127.0.0.1:" + nginx.port(TLS) + "/");
  }

  @Test
  void aServerThatIsNotThere_failsTheFuture_andTheNextRequestTriesAgain() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/";
    try (HttpClient client = HttpClient.create(settings(HttpProtocol.HTTP_1_1).connectionsPerTarget(2).build())) {
      CompletableFuture<Void> opened = client.connect(URI.create(url));
      assertThat(catchThrowable(() -> opened.get(10, TimeUnit.SECONDS))).cause().isInstanceOf(ConnectionRefusedException.class);
      assertThat(catchThrowable(() -> client.send(HttpRequest.get(url)).get(10, TimeUnit.SECONDS)))
          .cause().isInstanceOf(ConnectionRefusedException.class);
      assertThat(client.stats().connectionsOpened()).isEqualTo(3);
    }
  }

  @Test
  void aProtocolThatDoesNotSuitTheScheme_failsTheFuture() {
    try (HttpClient client = HttpClient.create(settings(HttpProtocol.H2).build())) {
      assertThat(client.connect(URI.create(nginx.url(PLAIN, "/")))).isCompletedExceptionally();
      assertThat(client.stats().connectionsOpened()).isZero();
    }
  }
}
