package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, and messages that name the setting, the value given and what is allowed. */
class HttpClientSettingsTest {

  @Test
  void defaults() {
    HttpClientSettings s = HttpClientSettings.defaults();
    assertThat(s.connectionsPerTarget()).isEqualTo(64);
    assertThat(s.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
    assertThat(s.tlsTrust()).isEqualTo(TlsTrust.systemDefault());
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.followRedirects()).isFalse();
    assertThat(s.compression()).isFalse();
    assertThat(s.maxResponseBodyBytes()).isEqualTo(1 << 20);
    assertThat(s.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.newBuilder().build()).isEqualTo(s);
  }

  @Test
  void badValues_areRejectedNamingTheSetting() {
    HttpClientSettings.Builder b = HttpClientSettings.builder();
    assertThatThrownBy(() -> b.connectionsPerTarget(0))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("http.connectionsPerTarget: must be between 1 and 100000 (was 0)");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .hasMessage("http.requestTimeout: must be > 0s and at most 24h (was 0s)");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ofMillis(-1)))
        .hasMessage("http.connectTimeout: must be > 0s and at most 24h (was -1ms)");
    assertThatThrownBy(() -> b.maxResponseBodyBytes(-1))
        .hasMessage("http.maxResponseBodyBytes: must be >= 0 (was -1)");
    assertThatThrownBy(() -> b.ioThreads(0))
        .hasMessage("http.ioThreads: must be between 1 and 1024 (was 0)");
    assertThatThrownBy(() -> b.protocol(null)).hasMessage("http.protocol: is required (HTTP_1_1, H2 or H2C)");
  }

  @Test
  void trustedCertificates_mustBeAReadableFile_andValidPem(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> TlsTrust.certificates(missing))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("http.tlsTrust: CA file " + missing + " is not a readable file");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    HttpClientSettings s = HttpClientSettings.builder().tlsTrust(TlsTrust.certificates(garbage)).build();
    assertThatThrownBy(() -> HttpClient.create(s))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("http.tlsTrust: cannot set up TLS with trust certificates in " + garbage);
  }

  @Test
  void requests_checkTheirUriAndMethod() {
    assertThatThrownBy(() -> HttpRequest.get("ftp://example.org/"))
        .hasMessage("request URI 'ftp://example.org/' must be absolute with scheme http or https");
    assertThatThrownBy(() -> HttpRequest.get("/relative"))
        .hasMessage("request URI '/relative' must be absolute with scheme http or https");
    assertThatThrownBy(() -> HttpRequest.builder("http://h/").method("GE T"))
        .hasMessage("method 'GE T' is not an HTTP token");
    assertThatThrownBy(() -> HttpRequest.builder("http://h/").header("x", "a\r\nb"))
        .hasMessage("value of header 'x' has a character HTTP does not allow at index 1");
  }

  @Test
  void requestsAreEncodedOnce_andTheSameBytesReused() {
    HttpRequest r = HttpRequest.builder("http://127.0.0.1:8080/a?b=c").header("accept", "text/plain").build();
    String first = encode(r, false);
    assertThat(encode(r, false)).isEqualTo(first);
    io.netty.buffer.ByteBuf kept = r.http1;
    assertThat(encode(r, false)).isEqualTo(first);
    assertThat(r.http1).isNotNull().isSameAs(kept);
    assertThat(first).isEqualTo("GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:8080\r\naccept: text/plain\r\n\r\n");
    assertThat(encode(r, true)).contains("Accept-Encoding: gzip, deflate\r\n");
  }

  private static String encode(HttpRequest r, boolean compression) {
    io.netty.buffer.ByteBuf out = Encodings.keptHttp1(r, compression);
    if (out == null) {
      out = io.netty.buffer.Unpooled.buffer();
      Encodings.http1(r, compression, out);
    }
    try {
      return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    } finally {
      out.release();
    }
  }
}
