package dev.plimsoll.scenario;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The scenario's target: the base address relative addresses resolve against. It is the
 * scenario's, not a driver's, so that {@code --target} and {@code PLIMSOLL_TARGET} work the same
 * for every protocol; each driver checks that the scheme suits its relative addresses.
 */
final class BaseAddress {
  private static final int MAX_PORT = 65_535;

  private BaseAddress() {}

  /** An absolute URL with a scheme and a host, without query, fragment or trailing slash. */
  static URI parse(String text) {
    String t = text.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      URI uri = new URI(t);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() != null && (uri.getPort() == 0 || uri.getPort() > MAX_PORT)) {
        throw new IllegalArgumentException("'" + text + "' is not a base URL: port " + uri.getPort()
            + " is out of range (1 to " + MAX_PORT + ")");
      }
      if (!scheme.isEmpty() && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a base URL (expected http://host:port or https://host/path)");
  }
}
