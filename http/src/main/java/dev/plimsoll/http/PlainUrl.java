package dev.plimsoll.http;

/**
 * The parts of an absolute http(s) URL written in the plain form nearly every load test uses,
 * found with one scan instead of {@link java.net.URI}'s parser (which costs a third of a
 * microsecond and a dozen objects, per request when URLs are templated): a lower-case scheme, a
 * host of letters, digits, dots and hyphens, an optional port, and a path and query of characters
 * URIs allow unescaped (or %-escaped). Anything else (IPv6, user info, a fragment, a character to
 * escape) is not plain, and the caller parses it with {@code java.net.URI}, which then decides. A
 * plain URL is one {@code java.net.URI} accepts with the same parts.
 *
 * @param host as written (the URI's host)
 * @param port -1 when not given
 * @param pathAndQuery as sent on the request line: "/" when the URL has no path
 */
record PlainUrl(boolean tls, String host, int port, String pathAndQuery) {

  /** The parts, or null when the URL is not plain. */
  static PlainUrl parse(String url) {
    int i;
    boolean tls;
    if (url.startsWith("http://")) {
      i = 7;
      tls = false;
    } else if (url.startsWith("https://")) {
      i = 8;
      tls = true;
    } else {
      return null;
    }
    int n = url.length();
    int hostStart = i;
    while (i < n && hostChar(url.charAt(i))) {
      i++;
    }
    if (!hostname(url, hostStart, i)) {
      return null;
    }
    String host = url.substring(hostStart, i);
    int port = -1;
    if (i < n && url.charAt(i) == ':') {
      int portStart = ++i;
      while (i < n && url.charAt(i) >= '0' && url.charAt(i) <= '9' && i - portStart < 5) {
        i++;
      }
      if (i == portStart || (i < n && url.charAt(i) != '/')) {
        return null;
      }
      port = Integer.parseInt(url, portStart, i, 10);
    }
    if (i == n) {
      return new PlainUrl(tls, host, port, "/");
    }
    if (url.charAt(i) != '/') {
      return null;
    }
    int pathStart = i;
    boolean query = false;
    while (i < n) {
      char c = url.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || Character.digit(url.charAt(i + 1), 16) < 0 || Character.digit(url.charAt(i + 2), 16) < 0) {
          return null;
        }
        i += 3;
        continue;
      }
      if (c == '?') {
        query = true;
      } else if (!pathChar(c)) {
        return null;
      }
      i++;
    }
    return new PlainUrl(tls, host, port, pathStart == 0 && !query ? url : url.substring(pathStart));
  }

  /**
   * Whether the text is a host name java.net.URI takes as such: dot-separated labels of letters,
   * digits and inner hyphens, the last starting with a letter unless it is the only one or the
   * whole is an IPv4 address.
   */
  private static boolean hostname(String s, int start, int end) {
    if (start == end) {
      return false;
    }
    int labels = 0;
    boolean numeric = true;
    int lastLabel = start;
    int labelStart = start;
    for (int i = start; i <= end; i++) {
      if (i < end && s.charAt(i) != '.') {
        continue;
      }
      if (i == labelStart || !alphanumeric(s.charAt(labelStart)) || !alphanumeric(s.charAt(i - 1))) {
        return false;
      }
      numeric &= i - labelStart <= 3 && allDigits(s, labelStart, i) && Integer.parseInt(s, labelStart, i, 10) <= 255;
      labels++;
      lastLabel = labelStart;
      labelStart = i + 1;
    }
    if (labels == 1 || (numeric && labels == 4)) {
      return true;
    }
    char first = s.charAt(lastLabel);
    return (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
  }

  private static boolean allDigits(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean hostChar(char c) {
    return alphanumeric(c) || c == '.' || c == '-';
  }

  /** Unreserved, sub-delimiters, ':', '@' and '/' (RFC 3986); '?' is handled by the caller. */
  private static final boolean[] PATH = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      PATH[c] = alphanumeric(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }
  }

  private static boolean pathChar(char c) {
    return c < 128 && PATH[c];
  }
}
