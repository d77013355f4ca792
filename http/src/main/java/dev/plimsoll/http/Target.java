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

  static Target of(URI uri) {
    boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
    String host = uri.getHost();
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int defaultPort = tls ? 443 : 80;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    String authority = port == defaultPort ? host : host + ':' + port;
    return new Target(tls, bare.toLowerCase(Locale.ROOT), port, authority);
  }

  String scheme() {
    return tls ? "https" : "http";
  }

  @Override
  public String toString() {
    return scheme() + "://" + authority;
  }
}
