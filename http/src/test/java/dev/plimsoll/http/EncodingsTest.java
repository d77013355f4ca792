package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 request bytes: exactly what goes on the wire, the same on every send. */
class EncodingsTest {

  private static String send(HttpRequest request, boolean compression) {
    ByteBuf out = Encodings.keptHttp1(request, compression);
    if (out == null) {
      out = io.netty.buffer.Unpooled.buffer();
      Encodings.http1(request, compression, out);
    }
    try {
      return out.toString(StandardCharsets.ISO_8859_1);
    } finally {
      out.release();
    }
  }

  @Test
  void aGet_withHostFromTheUri_andHeadersInOrder() {
    HttpRequest get = HttpRequest.builder("http://127.0.0.1:8080/search?q=boots&page=2")
        .header("Accept", "text/plain").header("X-Latin", "caf\u00e9").build();
    assertThat(send(get, false)).isEqualTo("GET /search?q=boots&page=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
        + "Accept: text/plain\r\nX-Latin: caf\u00e9\r\n\r\n");
    assertThat(send(HttpRequest.get("https://example.test"), true))
        .isEqualTo("GET / HTTP/1.1\r\nHost: example.test\r\nAccept-Encoding: gzip, deflate\r\n\r\n");
  }

  @Test
  void aPost_withItsOwnHost_andALengthComputedNotCopied() {
    HttpRequest post = HttpRequest.builder("http://127.0.0.1/orders").post("{\"sku\":42}")
        .header("host", "shop.test").header("Content-Length", "999").build();
    assertThat(send(post, false))
        .isEqualTo("POST /orders HTTP/1.1\r\nhost: shop.test\r\nContent-Length: 10\r\n\r\n{\"sku\":42}");
    assertThat(send(HttpRequest.builder("http://127.0.0.1/empty").post(new byte[0]).build(), false))
        .isEqualTo("POST /empty HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
  }

  @Test
  void theBytesAreKeptFromTheSecondSendOn_andAreTheSameEachTime() {
    HttpRequest get = HttpRequest.get("http://127.0.0.1:8080/");
    String first = send(get, false);
    assertThat(get.http1).as("a request sent once is never kept").isNull();
    assertThat(send(get, false)).isEqualTo(first);
    io.netty.buffer.ByteBuf kept = get.http1;
    assertThat(kept).isNotNull();
    assertThat(send(get, false)).isEqualTo(first);
    assertThat(get.http1).isSameAs(kept);
    assertThat(get.http1Compressed).isNull();
  }
}
