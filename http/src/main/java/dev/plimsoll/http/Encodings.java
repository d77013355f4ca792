package dev.plimsoll.http;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Encodes requests, once per request and variant: an immutable request sent a million times is
 * encoded once. HTTP/1.1 gets its complete wire bytes (request line, header block and body);
 * HTTP/2 its header list, since HPACK's state makes the encoded block differ per connection.
 */
final class Encodings {
  static final int HTTP1 = 0;
  static final int HTTP1_COMPRESSED = 1;
  static final int H2 = 2;
  static final int H2_COMPRESSED = 3;
  static final int COUNT = 4;

  static final String ACCEPT_ENCODING = "gzip, deflate";
  private static final AsciiString ACCEPT_ENCODING_ASCII = AsciiString.cached(ACCEPT_ENCODING);
  /** Connection-specific fields that HTTP/2 forbids (RFC 9113, 8.2.2); Host becomes :authority. */
  private static final Set<String> NOT_IN_H2 =
      Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host");

  private Encodings() {}

  static byte[] http1(HttpRequest request, boolean compression) {
    int slot = compression ? HTTP1_COMPRESSED : HTTP1;
    Object cached = request.encodings.get(slot);
    if (cached != null) {
      return (byte[]) cached;
    }
    byte[] encoded = encodeHttp1(request, compression);
    request.encodings.set(slot, encoded);
    return encoded;
  }

  static Http2Headers h2(HttpRequest request, boolean compression) {
    int slot = compression ? H2_COMPRESSED : H2;
    Object cached = request.encodings.get(slot);
    if (cached != null) {
      return (Http2Headers) cached;
    }
    Http2Headers encoded = encodeH2(request, compression);
    request.encodings.set(slot, encoded);
    return encoded;
  }

  /** Whether a request of this method carries a Content-Length even with an empty body. */
  private static boolean expectsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static byte[] encodeHttp1(HttpRequest request, boolean compression) {
    Headers headers = request.headers();
    StringBuilder head = new StringBuilder(128);
    head.append(request.method()).append(' ').append(request.pathAndQuery()).append(" HTTP/1.1\r\n");
    if (!headers.contains("host")) {
      head.append("Host: ").append(request.target().authority()).append("\r\n");
    }
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (name.equalsIgnoreCase("content-length")) {
        continue;
      }
      head.append(name).append(": ").append(headers.value(i)).append("\r\n");
    }
    int length = request.bodyLength();
    if (length > 0 || expectsBody(request.method())) {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    if (compression && !headers.contains("accept-encoding")) {
      head.append("Accept-Encoding: ").append(ACCEPT_ENCODING).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(request.bodyUnsafe());
    return out.toByteArray();
  }

  private static Http2Headers encodeH2(HttpRequest request, boolean compression) {
    Headers headers = request.headers();
    String authority = headers.get("host");
    DefaultHttp2Headers h2 = new DefaultHttp2Headers(false, headers.size() + 6);
    h2.method(AsciiString.of(request.method()))
        .scheme(AsciiString.of(request.target().scheme()))
        .authority(AsciiString.of(authority != null ? authority : request.target().authority()))
        .path(AsciiString.of(request.pathAndQuery()));
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      if (NOT_IN_H2.contains(name) || name.equals("content-length")) {
        continue;
      }
      if (name.equals("te") && !headers.value(i).equalsIgnoreCase("trailers")) {
        continue;
      }
      h2.add(AsciiString.of(name), AsciiString.of(headers.value(i)));
    }
    int length = request.bodyLength();
    if (length > 0 || expectsBody(request.method())) {
      h2.add(AsciiString.cached("content-length"), AsciiString.of(Integer.toString(length)));
    }
    if (compression && !headers.contains("accept-encoding")) {
      h2.add(AsciiString.cached("accept-encoding"), ACCEPT_ENCODING_ASCII);
    }
    return h2;
  }
}
