package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Encodes requests. HTTP/1.1 gets its complete wire bytes (request line, header block and body),
 * written straight into the buffer that goes to the socket; from a request's second send on they
 * are kept, so an immutable request sent a million times is encoded twice. HTTP/2 gets
 * its header list, kept from the first send, since HPACK's state makes the encoded block differ per
 * connection.
 */
final class Encodings {
  static final String ACCEPT_ENCODING = "gzip, deflate";
  private static final AsciiString ACCEPT_ENCODING_ASCII = AsciiString.cached(ACCEPT_ENCODING);
  /** Connection-specific fields that HTTP/2 forbids (RFC 9113, 8.2.2); Host becomes :authority. */
  private static final Set<String> NOT_IN_H2 =
      Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] COLON_SPACE = {':', ' '};
  private static final byte[] HTTP_1_1_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private Encodings() {}

  /**
   * The request's kept HTTP/1.1 bytes as a view of their own to write, or null when they are not
   * kept (yet). Kept bytes live in direct memory (freed with the request), so the socket reads them
   * in place: no copy and no pool per send.
   */
  static ByteBuf keptHttp1(HttpRequest request, boolean compression) {
    ByteBuf kept = compression ? request.http1Compressed : request.http1;
    return kept == null ? null : kept.duplicate();
  }

  /**
   * Writes the request's HTTP/1.1 bytes into {@code out}. From a request's second send on they are
   * also kept (see {@link #keptHttp1}), so an immutable request sent a million times is encoded
   * twice; a request sent once is never copied.
   */
  static void http1(HttpRequest request, boolean compression, ByteBuf out) {
    int start = out.writerIndex();
    encodeHttp1(request, compression, out);
    if (request.sent) {
      ByteBuffer direct = ByteBuffer.allocateDirect(out.writerIndex() - start);
      out.getBytes(start, direct);
      direct.flip();
      ByteBuf view = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
      if (compression) {
        request.http1Compressed = view;
      } else {
        request.http1 = view;
      }
    } else {
      request.sent = true;
    }
  }

  /** Enough room for most requests' bytes; a buffer grows if not. */
  static int estimate(HttpRequest request) {
    Headers headers = request.headers();
    int size = 96 + request.method().length() + request.pathAndQuery().length() + request.bodyLength();
    for (int i = 0; i < headers.size(); i++) {
      size += headers.name(i).length() + headers.value(i).length() + 4;
    }
    return size;
  }

  static Http2Headers h2(HttpRequest request, boolean compression) {
    Object kept = compression ? request.h2Compressed : request.h2;
    if (kept != null) {
      return (Http2Headers) kept;
    }
    Http2Headers encoded = encodeH2(request, compression);
    if (compression) {
      request.h2Compressed = encoded;
    } else {
      request.h2 = encoded;
    }
    return encoded;
  }

  /** Whether a request of this method carries a Content-Length even with an empty body. */
  private static boolean expectsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static void encodeHttp1(HttpRequest request, boolean compression, ByteBuf out) {
    Headers headers = request.headers();
    ascii(out, request.method());
    out.writeByte(' ');
    ascii(out, request.pathAndQuery());
    out.writeBytes(HTTP_1_1_CRLF);
    if (!headers.contains("host")) {
      field(out, "Host", request.target().authority());
    }
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (name.equalsIgnoreCase("content-length")) {
        continue;
      }
      field(out, name, headers.value(i));
    }
    int length = request.bodyLength();
    if (length > 0 || expectsBody(request.method())) {
      field(out, "Content-Length", Integer.toString(length));
    }
    if (compression && !headers.contains("accept-encoding")) {
      field(out, "Accept-Encoding", ACCEPT_ENCODING);
    }
    out.writeBytes(CRLF);
    out.writeBytes(request.bodyUnsafe());
  }

  private static void field(ByteBuf out, String name, String value) {
    ascii(out, name);
    out.writeBytes(COLON_SPACE);
    ascii(out, value);
    out.writeBytes(CRLF);
  }

  /** Writes one byte per char: header names and values are checked to be ISO-8859-1. */
  private static void ascii(ByteBuf out, String text) {
    out.writeCharSequence(text, StandardCharsets.ISO_8859_1);
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
