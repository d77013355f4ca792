package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses HTTP/1.1 responses from the bytes a connection reads. It accepts what Netty's
 * {@code HttpResponseDecoder} accepts, with the same limits (a 4,096-byte status or chunk-size line,
 * an 8,192-byte header block) and the same framing: 1xx responses skipped, no body for HEAD, 204
 * and 304, {@code Transfer-Encoding: chunked} before {@code Content-Length}, and a body read until
 * the connection closes when neither is given. It costs much less, being on the path of every
 * response: no message, header-map or content objects, and header strings reused from the
 * connection's previous response when their bytes are the same (most are, from one server).
 *
 * <p>Bytes of a line that has not fully arrived stay in the buffer for the next call; body bytes
 * are handed over as they come, without copying.
 */
final class Http1Parser {
  static final int MAX_LINE_BYTES = 4096;
  static final int MAX_HEADER_BYTES = 8192;

  /** Receives what is parsed. */
  interface Handler {

    /**
     * A final (not 1xx) response's head. {@code contentLength} is the body's length when it is
     * given by Content-Length, else -1. Returns false to stop parsing (the connection is closing).
     */
    boolean head(int status, String reason, String[] headers, long contentLength, boolean keepAlive);

    /** Body bytes (after transfer decoding), valid during the call only. */
    void content(ByteBuf buffer, int index, int length);

    /** The response is complete; the parser is ready for the next one when this is called. */
    void complete();
  }

  /** What a closed connection meant for the response being read. */
  enum Closed {
    /** No response had started (or only a 1xx one had ended). */
    IDLE,
    /** The body was read until the close, which completed the response. */
    COMPLETED,
    /** The response was cut short. */
    PREMATURE
  }

  /** The response broke HTTP/1.1; the connection is of no further use. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  private static final int STATUS = 0;
  private static final int HEADERS = 1;
  private static final int FIXED = 2;
  private static final int CHUNK_SIZE = 3;
  private static final int CHUNK_DATA = 4;
  private static final int CHUNK_END = 5;
  private static final int TRAILERS = 6;
  private static final int UNTIL_CLOSE = 7;
  private static final int FAILED = 8;

  private static final String[] NO_HEADERS = new String[0];
  /** Header strings are reused by position; a response with more fields than this makes new ones. */
  private static final int CACHED_FIELDS = 64;

  private final Handler handler;
  private int state = STATUS;
  private boolean noBody;

  // The response being parsed.
  private int status;
  private String reason;
  /** The version's default: HTTP/1.0 closes, anything else keeps the connection open. */
  private boolean keepAliveDefault;
  /** Exactly HTTP/1.1 (not merely 1.1 in another spelling): only then does chunked drop a length. */
  private boolean http11;
  private String[] fields = new String[16];
  private int fieldCount;
  private int headerBytes;
  private long remaining;

  /** Where the head being parsed began in the buffer, or -1 when it began in an earlier read. */
  private int headStart = -1;
  /** The connection's last response head (when it was short and final), to recognise a repeat. */
  private Head lastHead;

  /** Line bytes copied out of the buffer, so that parsing works on an array. */
  private byte[] line = new byte[256];
  /** The previous response's strings, by field position, and its reason phrase. */
  private final String[] previous = new String[CACHED_FIELDS];
  private String previousReason = "OK";

  /** A parsed head and its exact bytes: a server answering alike sends the same head again. */
  private record Head(byte[] bytes, int status, String reason, String[] headers, long length, boolean chunked,
      boolean empty, boolean persistent) {}

  /** Heads longer than this are not kept (a server's usual head is a few hundred bytes). */
  private static final int MAX_KEPT_HEAD = 2048;

  Http1Parser(Handler handler) {
    this.handler = handler;
  }

  /** Whether the response to come answers a HEAD request (and so has no body, whatever it says). */
  void noBody(boolean headRequest) {
    noBody = headRequest;
  }

  /** Whether a response is under way (its status line has been read). */
  boolean started() {
    return state != STATUS && state != FAILED;
  }

  /**
   * Parses what {@code in} holds, handing the parts to the handler. Leaves the reader index at the
   * first byte not used, which is the start of a line not yet complete.
   *
   * @throws MalformedException when the bytes are not an HTTP/1.1 response; parsing then stops
   */
  void parse(ByteBuf in) throws MalformedException {
    if (state == HEADERS) {
      // The head began in an earlier read, whose buffer may be gone: it is not kept.
      headStart = -1;
    }
    try {
      while (in.isReadable()) {
        boolean more = switch (state) {
          case STATUS -> statusLine(in);
          case HEADERS -> headerLine(in);
          case FIXED -> fixedContent(in);
          case CHUNK_SIZE -> chunkSize(in);
          case CHUNK_DATA -> chunkData(in);
          case CHUNK_END -> chunkEnd(in);
          case TRAILERS -> trailerLine(in);
          case UNTIL_CLOSE -> untilClose(in);
          default -> {
            in.skipBytes(in.readableBytes());
            yield false;
          }
        };
        if (!more) {
          return;
        }
      }
    } catch (MalformedException e) {
      state = FAILED;
      throw e;
    }
  }

  /** The connection closed: completes a body that was being read until the close. */
  Closed closed() {
    int was = state;
    state = FAILED;
    if (was == UNTIL_CLOSE) {
      handler.complete();
      return Closed.COMPLETED;
    }
    return was == STATUS || was == FAILED ? Closed.IDLE : Closed.PREMATURE;
  }

  /** Stops parsing for good: what comes after is ignored. */
  void stop() {
    state = FAILED;
  }

  private boolean statusLine(ByteBuf in) throws MalformedException {
    // Stray whitespace and control bytes between responses are skipped, as Netty does.
    int start = in.readerIndex();
    int end = in.writerIndex();
    while (start < end && Http1Syntax.skippable(in.getByte(start))) {
      start++;
    }
    in.readerIndex(start);
    Head last = lastHead;
    if (last != null && !noBody && end - start >= last.bytes.length && sameBytes(in, start, last.bytes)) {
      // The same head as the last response's: the same strings, framing and all.
      in.readerIndex(start + last.bytes.length);
      return begin(last.status, last.reason, last.headers, last.length, last.chunked, last.empty, last.persistent);
    }
    headStart = start;
    int length = lineLength(in, MAX_LINE_BYTES, "An HTTP line is larger than " + MAX_LINE_BYTES + " bytes.");
    if (length < 0) {
      return false;
    }
    byte[] b = line;
    int aStart = Http1Syntax.nonSeparator(b, 0, length);
    int aEnd = Http1Syntax.separator(b, aStart, length);
    int bStart = Http1Syntax.nonSeparator(b, aEnd, length);
    int bEnd = Http1Syntax.separator(b, bStart, length);
    int cStart = Http1Syntax.nonSeparator(b, bEnd, length);
    int cEnd = Http1Syntax.endOfText(b, Math.max(cStart - 1, 0), length);
    http11 = Http1Syntax.isHttp11(b, aStart, aEnd);
    keepAliveDefault = http11 || Http1Syntax.keepAliveDefault(b, aStart, aEnd);
    status = Http1Syntax.statusCode(b, bStart, bEnd);
    reason = cStart < cEnd ? reason(b, cStart, cEnd - cStart) : "";
    fieldCount = 0;
    headerBytes = 0;
    state = HEADERS;
    return true;
  }

  private boolean headerLine(ByteBuf in) throws MalformedException {
    int length = headerLineLength(in);
    if (length < 0) {
      return false;
    }
    if (length == 0) {
      return endOfHead(in);
    }
    byte first = line[0];
    if (fieldCount > 0 && (first == ' ' || first == '\t')) {
      // An obsolete folded line continues the previous value.
      String folded = new String(line, 0, length, StandardCharsets.ISO_8859_1).trim();
      fields[fieldCount - 1] = fields[fieldCount - 1] + ' ' + folded;
      return true;
    }
    addField(line, length);
    return true;
  }

  private boolean trailerLine(ByteBuf in) throws MalformedException {
    int length = headerLineLength(in);
    if (length < 0) {
      return false;
    }
    if (length == 0) {
      return finish();
    }
    if (line[0] != ' ' && line[0] != '\t') {
      // Trailers are checked as headers are, then dropped.
      splitField(line, length);
    }
    return true;
  }

  /** Reads one header or trailer line into {@link #line}, counting it against the block's limit. */
  private int headerLineLength(ByteBuf in) throws MalformedException {
    String tooLong = "HTTP header is larger than " + MAX_HEADER_BYTES + " bytes.";
    int length = lineLength(in, MAX_HEADER_BYTES - headerBytes, tooLong);
    if (length > 0) {
      headerBytes += length;
    }
    return length;
  }

  private boolean endOfHead(ByteBuf in) throws MalformedException {
    String[] headers = fieldCount == 0 ? NO_HEADERS : Arrays.copyOf(fields, fieldCount);
    if (status >= 100 && status < 200) {
      // Informational: no body, and the final response follows.
      state = STATUS;
      return true;
    }
    boolean chunked = false;
    int contentLengthAt = -1;
    boolean multipleLengths = false;
    int transferEncodingAt = -1;
    boolean close = false;
    boolean keepAlive = false;
    for (int i = 0; i < headers.length; i += 2) {
      String name = headers[i];
      if (name.equalsIgnoreCase("content-length")) {
        if (contentLengthAt >= 0) {
          multipleLengths = true;
        } else {
          contentLengthAt = i;
        }
      } else if (name.equalsIgnoreCase("transfer-encoding")) {
        transferEncodingAt = transferEncodingAt < 0 ? i : transferEncodingAt;
        chunked |= Http1Syntax.hasToken(headers[i + 1], "chunked");
      } else if (name.equalsIgnoreCase("connection")) {
        close |= Http1Syntax.hasToken(headers[i + 1], "close");
        keepAlive |= Http1Syntax.hasToken(headers[i + 1], "keep-alive");
      }
    }
    long length = -1;
    if (contentLengthAt >= 0) {
      boolean multiple = multipleLengths || headers[contentLengthAt + 1].indexOf(',') >= 0;
      // HTTP/1.0 and earlier may repeat it: the first value counts (and must be a number).
      length = Http1Syntax.contentLength(headers, contentLengthAt, multiple && keepAliveDefault);
    }
    boolean empty = noBody || status == 204 || status == 304;
    if (empty && transferEncodingAt >= 0) {
      headers = Http1Syntax.withoutChunked(headers);
    } else if (chunked && contentLengthAt >= 0 && http11) {
      // Both framings given: chunked wins and the length goes (RFC 9112, 6.3).
      headers = Http1Syntax.without(headers, "content-length");
      length = -1;
    }
    boolean persistent = !close && (keepAliveDefault || keepAlive);
    int headLength = in.readerIndex() - headStart;
    if (headStart >= 0 && !noBody && headLength <= MAX_KEPT_HEAD) {
      byte[] bytes = new byte[headLength];
      in.getBytes(headStart, bytes);
      lastHead = new Head(bytes, status, reason, headers, length, chunked, empty, persistent);
    }
    return begin(status, reason, headers, length, chunked, empty, persistent);
  }

  /** Hands the head over and gets ready for the body its framing says follows. */
  private boolean begin(int status, String reason, String[] headers, long length, boolean chunked, boolean empty,
      boolean persistent) {
    if (empty || (!chunked && length == 0)) {
      state = STATUS;
      if (handler.head(status, reason, headers, empty ? -1 : 0, persistent)) {
        handler.complete();
      } else {
        state = FAILED;
      }
      return true;
    }
    if (chunked) {
      state = CHUNK_SIZE;
      length = -1;
    } else if (length > 0) {
      state = FIXED;
      remaining = length;
    } else {
      state = UNTIL_CLOSE;
    }
    if (!handler.head(status, reason, headers, length, persistent)) {
      // What follows is skipped.
      state = FAILED;
    }
    return true;
  }

  private boolean fixedContent(ByteBuf in) {
    int n = (int) Math.min(remaining, in.readableBytes());
    int index = in.readerIndex();
    in.readerIndex(index + n);
    remaining -= n;
    handler.content(in, index, n);
    if (remaining == 0) {
      return finish();
    }
    return true;
  }

  private boolean chunkSize(ByteBuf in) throws MalformedException {
    int length = lineLength(in, MAX_LINE_BYTES, "An HTTP line is larger than " + MAX_LINE_BYTES + " bytes.");
    if (length < 0) {
      return false;
    }
    int size = Http1Syntax.chunkSize(line, length);
    if (size == 0) {
      headerBytes = 0;
      state = TRAILERS;
    } else {
      remaining = size;
      state = CHUNK_DATA;
    }
    return true;
  }

  private boolean chunkData(ByteBuf in) {
    int n = (int) Math.min(remaining, in.readableBytes());
    int index = in.readerIndex();
    in.readerIndex(index + n);
    remaining -= n;
    handler.content(in, index, n);
    if (remaining == 0) {
      state = CHUNK_END;
    }
    return true;
  }

  /** Skips to the end of the line that ends a chunk's data, whatever it holds (as Netty does). */
  private boolean chunkEnd(ByteBuf in) {
    int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
    if (lf < 0) {
      in.readerIndex(in.writerIndex());
      return false;
    }
    in.readerIndex(lf + 1);
    state = CHUNK_SIZE;
    return true;
  }

  private boolean untilClose(ByteBuf in) {
    int index = in.readerIndex();
    int n = in.readableBytes();
    in.readerIndex(index + n);
    handler.content(in, index, n);
    return true;
  }

  private boolean finish() {
    state = STATUS;
    handler.complete();
    return true;
  }

  /**
   * Copies the next line (without its CR LF) into {@link #line} and returns its length, or -1 when
   * its end has not arrived yet (nothing is consumed then).
   */
  private int lineLength(ByteBuf in, int max, String tooLong) throws MalformedException {
    int start = in.readerIndex();
    int end = in.writerIndex();
    max = Math.max(0, max);
    int lf = in.indexOf(start, Math.min(end, start + max + 2), (byte) '\n');
    if (lf < 0) {
      if (end - start > max + 1) {
        throw new MalformedException(tooLong);
      }
      return -1;
    }
    int length = lf - start;
    if (length > 0 && in.getByte(lf - 1) == '\r') {
      length--;
    }
    if (length > max) {
      throw new MalformedException(tooLong);
    }
    if (length > line.length) {
      line = new byte[Math.max(length, line.length * 2)];
    }
    in.getBytes(start, line, 0, length);
    in.readerIndex(lf + 1);
    return length;
  }

  private void addField(byte[] b, int length) throws MalformedException {
    long bounds = splitField(b, length);
    int nameStart = (int) (bounds >>> 48);
    int nameEnd = (int) (bounds >>> 32) & 0xffff;
    int valueStart = (int) (bounds >>> 16) & 0xffff;
    int valueEnd = (int) bounds & 0xffff;
    if (fieldCount + 2 > fields.length) {
      fields = Arrays.copyOf(fields, fields.length * 2);
    }
    fields[fieldCount] = string(b, nameStart, nameEnd - nameStart, fieldCount);
    fields[fieldCount + 1] = valueStart >= valueEnd ? "" : string(b, valueStart, valueEnd - valueStart, fieldCount + 1);
    fieldCount += 2;
  }

  /**
   * Finds a header line's name and value, as Netty's decoder does for responses: the name ends at
   * the colon or at whitespace; the value is trimmed. Returns the four bounds packed in a long.
   */
  private static long splitField(byte[] b, int length) throws MalformedException {
    int nameStart = Http1Syntax.nonWhitespace(b, 0, length);
    int nameEnd = nameStart;
    while (nameEnd < length && b[nameEnd] != ':' && b[nameEnd] != ' ' && b[nameEnd] != '\t') {
      nameEnd++;
    }
    if (nameEnd == length) {
      throw new MalformedException("No colon found");
    }
    int colonEnd = nameEnd;
    while (colonEnd < length) {
      if (b[colonEnd++] == ':') {
        break;
      }
    }
    int valueStart = Http1Syntax.nonWhitespace(b, colonEnd, length);
    int valueEnd = valueStart == length ? length : Http1Syntax.endOfText(b, 0, length);
    return ((long) nameStart << 48) | ((long) nameEnd << 32) | ((long) valueStart << 16) | valueEnd;
  }

  /** The string of these bytes: the previous response's at this position when the bytes match. */
  private String string(byte[] b, int start, int length, int position) {
    if (position >= CACHED_FIELDS) {
      return new String(b, start, length, StandardCharsets.ISO_8859_1);
    }
    String last = previous[position];
    if (last != null && sameText(last, b, start, length)) {
      return last;
    }
    String made = new String(b, start, length, StandardCharsets.ISO_8859_1);
    previous[position] = made;
    return made;
  }

  private String reason(byte[] b, int start, int length) {
    if (sameText(previousReason, b, start, length)) {
      return previousReason;
    }
    previousReason = new String(b, start, length, StandardCharsets.ISO_8859_1);
    return previousReason;
  }

  private boolean sameBytes(ByteBuf in, int start, byte[] expected) {
    int n = expected.length;
    if (line.length < n) {
      line = new byte[Math.max(n, line.length * 2)];
    }
    in.getBytes(start, line, 0, n);
    return Arrays.equals(line, 0, n, expected, 0, n);
  }

  private static boolean sameText(String s, byte[] b, int start, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != (char) (b[start + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
