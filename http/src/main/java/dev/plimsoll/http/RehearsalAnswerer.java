package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The rehearsal server's side of a connection: answers every request with 200, in turn in each of a
 * few shapes real servers answer in (nginx's few headers, a longer set with validators and caching,
 * JSON, a chunked body). The JIT compiles the client's response parser for the paths it saw taken:
 * rehearsed on one shape only, the parser met its first real server's other headers in the measured
 * run and fell back to the interpreter (an "uncommon trap") and a new compilation, at half a core
 * for a second, while the schedule slipped. A request's body, as its Content-Length gives it, is
 * skipped, so a rehearsed POST is answered once.
 */
final class RehearsalAnswerer extends ChannelInboundHandlerAdapter {
  private static final String DATE = "Mon, 30 Nov 2026 09:00:00 GMT";
  private static final List<ByteBuf> ANSWERS = List.of(
      answer("HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: " + DATE + "\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 2\r\nConnection: keep-alive\r\n\r\nok"),
      answer("HTTP/1.1 200 OK\r\nDate: " + DATE + "\r\nServer: Apache\r\nLast-Modified: " + DATE + "\r\n"
          + "ETag: \"2-5f1c\"\r\nAccept-Ranges: bytes\r\nContent-Length: 2\r\nCache-Control: max-age=0\r\n"
          + "Vary: Accept-Encoding\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok"),
      answer("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n"
          + "x-request-id: 7f3e9a\r\n\r\n{\"ok\":true}"),
      answer("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "2\r\nok\r\n0\r\n\r\n"));
  /** A head longer than this is not a rehearsal's: it is answered without its length being read. */
  private static final int HEAD_LIMIT = 16 * 1024;

  private final StringBuilder head = new StringBuilder();
  private long bodyLeft;
  private int answered;

  private static ByteBuf answer(String text) {
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    int answers = 0;
    try {
      while (in.isReadable()) {
        if (bodyLeft > 0) {
          int skipped = (int) Math.min(bodyLeft, in.readableBytes());
          in.skipBytes(skipped);
          bodyLeft -= skipped;
          continue;
        }
        head.append((char) (in.readByte() & 0xff));
        int n = head.length();
        if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
            && head.charAt(n - 4) == '\r') {
          bodyLeft = contentLength(head);
          head.setLength(0);
          answers++;
        } else if (n > HEAD_LIMIT) {
          head.setLength(0);
          answers++;
        }
      }
    } finally {
      in.release();
    }
    for (int i = 0; i < answers; i++) {
      ctx.write(ANSWERS.get(answered++ % ANSWERS.size()).duplicate());
    }
    if (answers > 0) {
      ctx.flush();
    }
  }

  /** The head's Content-Length, or 0 when it has none (or one that is not a number). */
  static long contentLength(CharSequence head) {
    String text = head.toString().toLowerCase(Locale.ROOT);
    int at = text.indexOf("\r\ncontent-length:");
    if (at < 0) {
      return 0;
    }
    int from = at + "\r\ncontent-length:".length();
    int end = text.indexOf('\r', from);
    try {
      return Math.max(0, Long.parseLong(text.substring(from, end < 0 ? text.length() : end).trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
