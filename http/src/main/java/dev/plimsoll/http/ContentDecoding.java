package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.SnappyFrameDecoder;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decompresses an HTTP/1.1 response body, as Netty's {@code HttpContentDecompressor} does (which
 * the HTTP/1.1 connection no longer runs, having its own parser): gzip, deflate and snappy, chosen
 * by Content-Encoding (or, without it, by the first of several Transfer-Encoding codings), and the
 * same header changes: Content-Encoding and Content-Length removed, Transfer-Encoding: chunked set.
 */
final class ContentDecoding {
  private final EmbeddedChannel decoder;

  private ContentDecoding(EmbeddedChannel decoder) {
    this.decoder = decoder;
  }

  /** A decoding for the response with these headers, or null when its body is not encoded. */
  static ContentDecoding of(String[] headers, Channel parent) {
    String encoding = first(headers, "content-encoding");
    if (encoding != null) {
      encoding = encoding.trim();
    } else {
      String transfer = first(headers, "transfer-encoding");
      int comma = transfer == null ? -1 : transfer.indexOf(',');
      encoding = comma < 0 ? "identity" : transfer.substring(0, comma).trim();
    }
    ChannelHandler handler = switch (encoding.toLowerCase(java.util.Locale.ROOT)) {
      case "gzip", "x-gzip" -> ZlibCodecFactory.newZlibDecoder(ZlibWrapper.GZIP, 0);
      case "deflate", "x-deflate" -> ZlibCodecFactory.newZlibDecoder(ZlibWrapper.ZLIB_OR_NONE, 0);
      case "snappy" -> new SnappyFrameDecoder();
      default -> null;
    };
    if (handler == null) {
      return null;
    }
    return new ContentDecoding(new EmbeddedChannel(parent.id(), parent.metadata().hasDisconnect(), parent.config(), handler));
  }

  /** The headers as a decoded body has them: no Content-Encoding, no Content-Length, chunked. */
  static String[] decodedHeaders(String[] headers) {
    String[] kept = new String[headers.length + 2];
    int n = 0;
    boolean hadLength = false;
    for (int i = 0; i < headers.length; i += 2) {
      String name = headers[i];
      if (name.equalsIgnoreCase("content-encoding")) {
        continue;
      }
      if (name.equalsIgnoreCase("content-length")) {
        hadLength = true;
        continue;
      }
      kept[n++] = name;
      kept[n++] = headers[i + 1];
    }
    if (hadLength) {
      // Netty replaces every Transfer-Encoding with one "chunked", added last under its own name.
      String[] replaced = new String[n + 2];
      int m = 0;
      for (int i = 0; i < n; i += 2) {
        if (!kept[i].equalsIgnoreCase("transfer-encoding")) {
          replaced[m++] = kept[i];
          replaced[m++] = kept[i + 1];
        }
      }
      replaced[m++] = "transfer-encoding";
      replaced[m++] = "chunked";
      return Arrays.copyOf(replaced, m);
    }
    return Arrays.copyOf(kept, n);
  }

  /** Decodes these bytes, passing what comes out to {@code out}; throws DecoderException on bad data. */
  void decode(ByteBuf buffer, int index, int length, Consumer<ByteBuf> out) {
    decoder.writeInbound(buffer.retainedSlice(index, length));
    drain(out);
  }

  /** The body ended: what the decoder still holds goes to {@code out}. */
  void finish(Consumer<ByteBuf> out) {
    if (decoder.finish()) {
      drain(out);
    }
  }

  /** Drops the decoder and what it holds (the response failed). */
  void discard() {
    decoder.finishAndReleaseAll();
  }

  private void drain(Consumer<ByteBuf> out) {
    ByteBuf b;
    while ((b = decoder.readInbound()) != null) {
      try {
        out.accept(b);
      } finally {
        b.release();
      }
    }
  }

  private static String first(String[] headers, String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** Wraps a decoder's failure as Netty's pipeline did, so that it is classified the same way. */
  static DecoderException failure(Throwable t) {
    return t instanceof DecoderException d && d.getCause() != null ? d : new DecoderException(t);
  }
}
