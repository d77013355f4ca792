package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.http.testing.Nginx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real nginx: HTTP/1.1 keep-alive, TLS with HTTP/2 via ALPN, h2c, compression,
 * truncated bodies, redirects, and nginx rotating connections.
 */
class NginxHttpTest {
  static final int PLAIN = 0;
  static final int TLS = 1;
  static final int H2C = 2;
  static final int PLAIN_ROTATING = 3;
  static final int H2C_ROTATING = 4;
  static final int BIG_FILE_BYTES = 3 * 1024 * 1024 + 17;

  @TempDir
  static Path dir;
  static Nginx nginx;
  static SelfSignedCertificate certificate;
  static byte[] bigFile;

  @BeforeAll
  static void startNginx() throws Exception {
    Nginx.assumeInstalled();
    certificate = SelfSignedCertificate.create(dir);
    Path files = Files.createDirectories(dir.resolve("files"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < BIG_FILE_BYTES; i++) {
      text.append("line ").append(i).append(" of a compressible file\n");
    }
    bigFile = text.substring(0, BIG_FILE_BYTES).getBytes(StandardCharsets.US_ASCII);
    Files.write(files.resolve("big.txt"), bigFile);
    Files.writeString(files.resolve("small.txt"), "small file\n");
    String locations = """
        location = /nginx_status { stub_status; }
        location = / { return 200 "ok"; }
        location = /echo-length { return 200 "$request_method $content_length"; }
        location = /status/503 { return 503 "unavailable"; }
        location = /redirect { return 302 /files/small.txt; }
        location = /loop { return 302 /loop; }
        location /files/ { root %s; gzip on; gzip_min_length 1; gzip_types text/plain; }
        """.formatted(dir);
    nginx = Nginx.start(dir, 5, ports -> """
        server { listen 127.0.0.1:%d; %s }
        server { listen 127.0.0.1:%d ssl http2; ssl_certificate %s; ssl_certificate_key %s; %s }
        server { listen 127.0.0.1:%d http2; %s }
        server { listen 127.0.0.1:%d; keepalive_requests 10; %s }
        server { listen 127.0.0.1:%d http2; keepalive_requests 10; %s }
        """.formatted(ports[0], locations, ports[1], certificate.certificate(), certificate.privateKey(), locations,
        ports[2], locations, ports[3], locations, ports[4], locations));
  }

  @AfterAll
  static void stopNginx() {
    if (nginx != null) {
      nginx.close();
    }
  }

  static String http(int port, String path) {
    return nginx.url(port, path);
  }

  static String https(String path) {
    return "https://127.0.0.1:" + nginx.port(TLS) + path;
  }

  static HttpClientSettings.Builder settings(int connections) {
    return HttpClientSettings.builder().connectionsPerTarget(connections).ioThreads(2)
        .requestTimeout(Duration.ofSeconds(10));
  }

  static List<HttpResponse> sendAll(HttpClient client, HttpRequest request, int count) {
    List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(client.send(request));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void http1KeepAliveGets_reuseAFixedPoolOfConnections() {
    try (HttpClient client = HttpClient.create(settings(4).build())) {
      long before = nginx.requests(PLAIN);
      List<HttpResponse> responses = sendAll(client, HttpRequest.get(http(PLAIN, "/")), 300);
      long after = nginx.requests(PLAIN);

      assertThat(responses).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyAsString()).isEqualTo("ok");
        assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
        assertThat(r.headers().get("server")).startsWith("nginx");
      });
      assertThat(after - before - 1).isEqualTo(300);
      HttpClientStats stats = client.stats();
      assertThat(stats.connectionsOpened()).isEqualTo(4);
      assertThat(stats.bytesSent()).isGreaterThan(300L * 30);
      assertThat(stats.bytesReceived()).isGreaterThan(300L * 100);
    }
  }

  @Test
  void http1Post_sendsItsBodyOnAKeptAliveConnection() {
    byte[] body = new byte[10_000];
    java.util.Arrays.fill(body, (byte) 'x');
    HttpRequest post = HttpRequest.builder(http(PLAIN, "/echo-length"))
        .post(body).header("content-type", "application/octet-stream").build();
    try (HttpClient client = HttpClient.create(settings(1).build())) {
      for (int i = 0; i < 3; i++) {
        HttpResponse r = client.send(post).join();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyAsString()).isEqualTo("POST 10000");
      }
      assertThat(client.stats().connectionsOpened()).isEqualTo(1);
      assertThat(client.stats().bytesSent()).isGreaterThanOrEqualTo(30_000);
    }
  }

  @Test
  void headResponse_hasNoBody_andTheConnectionStaysUsable() {
    try (HttpClient client = HttpClient.create(settings(1).build())) {
      HttpResponse head = client.send(HttpRequest.builder(http(PLAIN, "/files/small.txt")).head().build()).join();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers().get("content-length")).isEqualTo("11");
      assertThat(head.bodySize()).isZero();
      assertThat(client.send(HttpRequest.get(http(PLAIN, "/files/small.txt"))).join().bodyAsString())
          .isEqualTo("small file\n");
      assertThat(client.stats().connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void h2OverTls_agreedByAlpn_trustingTheTestCa() {
    HttpClientSettings s = settings(2).protocol(HttpProtocol.H2)
        .tlsTrust(TlsTrust.certificates(certificate.certificate())).build();
    try (HttpClient client = HttpClient.create(s)) {
      long before = nginx.requests(PLAIN);
      List<HttpResponse> responses = sendAll(client, HttpRequest.get(https("/")), 400);
      assertThat(responses).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyAsString()).isEqualTo("ok");
        assertThat(r.protocol()).isEqualTo(HttpProtocol.H2);
        assertThat(r.reason()).isEqualTo("OK");
      });
      // stub_status counts every server of the nginx instance.
      assertThat(nginx.requests(PLAIN) - before - 1).isEqualTo(400);
      assertThat(client.stats().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void http1OverTls_andInsecureTrust() {
    HttpClientSettings s = settings(2).tlsTrust(TlsTrust.insecure()).build();
    try (HttpClient client = HttpClient.create(s)) {
      HttpResponse r = client.send(HttpRequest.get("https://localhost:" + nginx.port(TLS) + "/")).join();
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
      assertThat(r.bodyAsString()).isEqualTo("ok");
    }
    HttpClientSettings h2 = settings(2).protocol(HttpProtocol.H2).tlsTrust(TlsTrust.insecure()).build();
    try (HttpClient client = HttpClient.create(h2)) {
      assertThat(client.send(HttpRequest.get(https("/"))).join().protocol()).isEqualTo(HttpProtocol.H2);
    }
  }

  @Test
  void untrustedCertificate_isATlsFailure_andTheNextRequestTriesAgain() {
    try (HttpClient client = HttpClient.create(settings(1).protocol(HttpProtocol.H2).build())) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> client.send(HttpRequest.get(https("/"))).join())
            .isInstanceOf(CompletionException.class)
            .cause().isInstanceOf(TlsFailureException.class)
            .hasMessageContaining("TLS handshake with 127.0.0.1:" + nginx.port(TLS) + " failed");
      }
      assertThat(client.stats().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void h2c_withPriorKnowledge() {
    try (HttpClient client = HttpClient.create(settings(2).protocol(HttpProtocol.H2C).build())) {
      List<HttpResponse> responses = sendAll(client, HttpRequest.get(http(H2C, "/")), 300);
      assertThat(responses).allSatisfy(r -> {
        assertThat(r.bodyAsString()).isEqualTo("ok");
        assertThat(r.protocol()).isEqualTo(HttpProtocol.H2C);
      });
      HttpResponse post = client.send(HttpRequest.builder(http(H2C, "/echo-length")).post(new byte[5000]).build()).join();
      assertThat(post.bodyAsString()).isEqualTo("POST 5000");
      assertThat(client.stats().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void compression_isAskedFor_andDecoded_overHttp1AndH2() {
    HttpClientSettings.Builder base = settings(1).maxResponseBodyBytes(BIG_FILE_BYTES);
    long plainBytes;
    try (HttpClient client = HttpClient.create(base.build())) {
      HttpResponse r = client.send(HttpRequest.get(http(PLAIN, "/files/big.txt"))).join();
      assertThat(r.body()).isEqualTo(bigFile);
      assertThat(r.headers().get("content-encoding")).isNull();
      plainBytes = client.stats().bytesReceived();
    }
    try (HttpClient client = HttpClient.create(base.compression(true).build())) {
      HttpResponse r = client.send(HttpRequest.get(http(PLAIN, "/files/big.txt"))).join();
      assertThat(r.body()).isEqualTo(bigFile);
      assertThat(r.bodySize()).isEqualTo(BIG_FILE_BYTES);
      assertThat(client.stats().bytesReceived()).isLessThan(plainBytes / 5);
    }
    try (HttpClient client = HttpClient.create(base.compression(true).protocol(HttpProtocol.H2C).build())) {
      HttpResponse r = client.send(HttpRequest.get(http(H2C, "/files/big.txt"))).join();
      assertThat(r.body()).isEqualTo(bigFile);
      assertThat(client.stats().bytesReceived()).isLessThan(plainBytes / 5);
    }
  }

  @Test
  void bodiesBeyondTheLimit_areCountedButNotKept() {
    try (HttpClient client = HttpClient.create(settings(1).maxResponseBodyBytes(1024).build())) {
      HttpResponse r = client.send(HttpRequest.get(http(PLAIN, "/files/big.txt"))).join();
      assertThat(r.bodyLength()).isEqualTo(1024);
      assertThat(r.bodySize()).isEqualTo(BIG_FILE_BYTES);
      assertThat(r.bodyTruncated()).isTrue();
      assertThat(r.body()).isEqualTo(java.util.Arrays.copyOf(bigFile, 1024));
      // The connection read the rest and serves the next request.
      assertThat(client.send(HttpRequest.get(http(PLAIN, "/"))).join().bodyAsString()).isEqualTo("ok");
      assertThat(client.stats().connectionsOpened()).isEqualTo(1);
    }
    try (HttpClient client = HttpClient.create(settings(1).maxResponseBodyBytes(0).protocol(HttpProtocol.H2C).build())) {
      HttpResponse r = client.send(HttpRequest.get(http(H2C, "/files/big.txt"))).join();
      assertThat(r.bodyLength()).isZero();
      assertThat(r.bodySize()).isEqualTo(BIG_FILE_BYTES);
    }
  }

  @Test
  void redirects_areFollowedWhenAskedTo_upToFive() {
    try (HttpClient client = HttpClient.create(settings(2).build())) {
      HttpResponse r = client.send(HttpRequest.get(http(PLAIN, "/redirect"))).join();
      assertThat(r.status()).isEqualTo(302);
      assertThat(r.headers().get("location")).endsWith("/files/small.txt");
    }
    try (HttpClient client = HttpClient.create(settings(2).followRedirects(true).build())) {
      HttpResponse r = client.send(HttpRequest.get(http(PLAIN, "/redirect"))).join();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bodyAsString()).isEqualTo("small file\n");
      assertThat(r.request().uri().getPath()).isEqualTo("/files/small.txt");
      assertThatThrownBy(() -> client.send(HttpRequest.get(http(PLAIN, "/loop"))).join())
          .cause().isInstanceOf(HttpProtocolException.class).hasMessageStartingWith("too many redirects: more than 5");
    }
  }

  @Test
  void serverClosingConnectionsEveryTenRequests_causesNoErrors_http1AndH2c() {
    try (HttpClient client = HttpClient.create(settings(4).build())) {
      List<HttpResponse> responses = sendAll(client, HttpRequest.get(http(PLAIN_ROTATING, "/")), 500);
      assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      // 500 requests, 10 per connection: 50 connections, and up to one partly used per slot.
      assertThat(client.stats().connectionsOpened()).isBetween(50L, 54L);
    }
    try (HttpClient client = HttpClient.create(settings(4).protocol(HttpProtocol.H2C).build())) {
      List<HttpResponse> responses = sendAll(client, HttpRequest.get(http(H2C_ROTATING, "/")), 500);
      assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      assertThat(client.stats().connectionsOpened()).isGreaterThanOrEqualTo(50);
    }
  }

  @Test
  void protocolAndSchemeMustMatch() {
    try (HttpClient client = HttpClient.create(settings(1).protocol(HttpProtocol.H2).build())) {
      assertThatThrownBy(() -> client.send(HttpRequest.get(http(PLAIN, "/"))).join())
          .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol H2 needs an https URL");
    }
  }
}
