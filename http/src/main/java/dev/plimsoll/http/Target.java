package dev.plimsoll.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where connections go: scheme, host and port. Each target has its own connection pool.
 *
 * @param host the host to connect to, without IPv6 brackets
 * @param authority host and port as the Host header (HTTP/1.1) or :authority (HTTP/2) says them
 */
record Target(boolean tls, String host, int port, String authority) {

  /** The last target made: requests to one server, built one after another, share it. */
  private static volatile Target last = new Target(false, "", 0, "");

  static Target of(URI uri) {
    return of(uri.getScheme().equalsIgnoreCase("https"), uri.getHost(), uri.getPort());
  }

  /** The target of a URL with this scheme, host (as the URL writes it) and port (-1 for the default). */
  static Target of(boolean tls, String host, int uriPort) {
    int defaultPort = tls ? 443 : 80;
    int port = uriPort == -1 ? defaultPort : uriPort;
    Target t = last;
    if (t.tls == tls && t.port == port && t.authorityIs(host, port == defaultPort)) {
      return t;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    String authority = port == defaultPort ? host : host + ':' + port;
    t = new Target(tls, bare.toLowerCase(Locale.ROOT), port, authority);
    last = t;
    return t;
  }

  /** Whether the authority is this host (as the URI writes it) and, unless default, this target's port. */
  private boolean authorityIs(String uriHost, boolean defaultPort) {
    if (defaultPort) {
      return authority.equals(uriHost);
    }
    int n = uriHost.length();
    return authority.length() == n + 1 + digits(port) && authority.startsWith(uriHost) && authority.charAt(n) == ':';
  }

  private static int digits(int port) {
    int n = 1;
    for (int p = port; p >= 10; p /= 10) {
      n++;
    }
    return n;
  }

  String scheme() {
    return tls ? "https" : "http";
  }

  @Override
  public String toString() {
    return scheme() + "://" + authority;
  }
}
