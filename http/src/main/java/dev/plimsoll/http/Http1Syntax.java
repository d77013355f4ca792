package dev.plimsoll.http;

import dev.plimsoll.http.Http1Parser.MalformedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The byte-level rules of HTTP/1.1 responses that {@link Http1Parser} applies: status lines,
 * header fields and tokens, lengths and chunk sizes. Stateless.
 */
final class Http1Syntax {
  private Http1Syntax() {}

  static boolean isHttp11(byte[] b, int start, int end) {
    return end - start == 8 && b[start] == 'H' && b[start + 1] == 'T' && b[start + 2] == 'T' && b[start + 3] == 'P'
        && b[start + 4] == '/' && b[start + 5] == '1' && b[start + 6] == '.' && b[start + 7] == '1';
  }

  /**
   * Whether the protocol version keeps connections open by default, as Netty's HttpVersion says:
   * exactly "HTTP/1.0" does not, any other well-formed version does. Throws if it is not a version.
   */
  static boolean keepAliveDefault(byte[] b, int start, int end) throws MalformedException {
    if (end - start == 8 && b[start] == 'H' && b[start + 1] == 'T' && b[start + 2] == 'T' && b[start + 3] == 'P'
        && b[start + 4] == '/' && b[start + 5] == '1' && b[start + 6] == '.' && b[start + 7] == '0') {
      return false;
    }
    String text = new String(b, start, end - start, StandardCharsets.ISO_8859_1).trim();
    if (text.isEmpty()) {
      throw new MalformedException("text is empty (possibly HTTP/0.9)");
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (!upper.matches("\\S+/\\d+\\.\\d+")) {
      throw new MalformedException("invalid version format: " + upper);
    }
    return true;
  }

  static int statusCode(byte[] b, int start, int end) throws MalformedException {
    if (end - start == 3 && digit(b[start]) && digit(b[start + 1]) && digit(b[start + 2])) {
      return (b[start] - '0') * 100 + (b[start + 1] - '0') * 10 + (b[start + 2] - '0');
    }
    String text = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    try {
      int code = Integer.parseInt(text);
      if (code < 0) {
        throw new MalformedException("code: " + code + " (expected: 0+)");
      }
      return code;
    } catch (NumberFormatException e) {
      throw new MalformedException("For input string: \"" + text + "\"");
    }
  }

  static long contentLength(String[] headers, int at, boolean multiple) throws MalformedException {
    String value = headers[at + 1];
    if (multiple) {
      throw new MalformedException("Multiple Content-Length values found: " + allValues(headers, "content-length"));
    }
    if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
      throw new MalformedException("Content-Length value is not a number: " + value);
    }
    long length;
    try {
      length = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new MalformedException("Content-Length value is not a number: " + value);
    }
    if (value.length() > 1 && value.charAt(0) == '0') {
      // Leading zeros: Netty rewrote the header to the number.
      headers[at + 1] = Long.toString(length);
    }
    return length;
  }

  static int chunkSize(byte[] b, int length) throws MalformedException {
    int start = 0;
    while (start < length && whitespace(b[start])) {
      start++;
    }
    if (start == length) {
      throw new MalformedException("Invalid chunk size: empty");
    }
    int result = 0;
    for (int i = start; i < length; i++) {
      int digit = Character.digit(b[i], 16);
      if (digit < 0) {
        if (b[i] == ';' || b[i] <= ' ' || b[i] == 0x7f) {
          if (i == start) {
            throw new MalformedException("Empty chunk size");
          }
          return result;
        }
        throw new MalformedException("Invalid character in chunk size");
      }
      result = result * 16 + digit;
      if (result < 0) {
        throw new MalformedException("Chunk size overflow: " + result);
      }
    }
    return result;
  }

  /** Whether a comma-separated header value has this token, in any case. */
  static boolean hasToken(String value, String token) {
    int from = 0;
    while (from <= value.length()) {
      int comma = value.indexOf(',', from);
      int end = comma < 0 ? value.length() : comma;
      int s = from;
      int e = end;
      while (s < e && value.charAt(s) <= ' ') {
        s++;
      }
      while (e > s && value.charAt(e - 1) <= ' ') {
        e--;
      }
      if (e - s == token.length() && value.regionMatches(true, s, token, 0, token.length())) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      from = comma + 1;
    }
    return false;
  }

  static String[] without(String[] headers, String name) {
    String[] kept = new String[headers.length];
    int n = 0;
    for (int i = 0; i < headers.length; i += 2) {
      if (!headers[i].equalsIgnoreCase(name)) {
        kept[n++] = headers[i];
        kept[n++] = headers[i + 1];
      }
    }
    return Arrays.copyOf(kept, n);
  }

  /** Drops {@code chunked} from Transfer-Encoding (a response without a body), as Netty does. */
  static String[] withoutChunked(String[] headers) {
    StringBuilder codings = new StringBuilder();
    String name = null;
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("transfer-encoding")) {
        name = name == null ? headers[i] : name;
        if (!headers[i + 1].trim().equalsIgnoreCase("chunked")) {
          codings.append(codings.isEmpty() ? "" : ",").append(headers[i + 1]);
        }
      }
    }
    String[] kept = without(headers, "transfer-encoding");
    if (codings.isEmpty()) {
      return kept;
    }
    String[] with = Arrays.copyOf(kept, kept.length + 2);
    with[kept.length] = name;
    with[kept.length + 1] = codings.toString();
    return with;
  }

  static String allValues(String[] headers, String name) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        sb.append(sb.length() > 1 ? ", " : "").append(headers[i + 1]);
      }
    }
    return sb.append(']').toString();
  }

  static int nonSeparator(byte[] b, int from, int end) throws MalformedException {
    for (int i = from; i < end; i++) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == 0x0b || c == 0x0c || c == '\r') {
        continue;
      }
      if (whitespace(c)) {
        throw new MalformedException("Invalid separator");
      }
      return i;
    }
    return end;
  }

  static int separator(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == 0x0b || c == 0x0c || c == '\r') {
        return i;
      }
    }
    return end;
  }

  static int nonWhitespace(byte[] b, int from, int end) throws MalformedException {
    for (int i = from; i < end; i++) {
      byte c = b[i];
      if (!whitespace(c)) {
        return i;
      }
      if (c != ' ' && c != '\t') {
        throw new MalformedException("Invalid separator, only a single space or horizontal tab allowed, but received a '"
            + c + "' (0x" + Integer.toHexString(c) + ")");
      }
    }
    return end;
  }

  /** The end of the text from {@code start} to {@code end}, trailing whitespace left out. */
  static int endOfText(byte[] b, int start, int end) {
    for (int i = end - 1; i > start; i--) {
      if (!whitespace(b[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  static boolean whitespace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == 0x0c || c == '\r' || (c >= 0x1c && c <= 0x1f);
  }

  static boolean skippable(byte c) {
    int u = c & 0xff;
    return Character.isISOControl(u) || Character.isWhitespace(u);
  }

  static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }
}
