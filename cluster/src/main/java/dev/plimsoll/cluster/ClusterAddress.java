package dev.plimsoll.cluster;

import java.util.Objects;

/**
 * Where a cluster node listens, {@code host:port}: a coordinator's address, which workers join.
 *
 * @param host a host name or IP address
 * @param port a TCP port, 0 for any free one
 */
public record ClusterAddress(String host, int port) {

  /** The port a coordinator listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 25520;

  public ClusterAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
    }
  }

  /**
   * Parses {@code host:port}, or {@code host} alone for the {@linkplain #DEFAULT_PORT default port}.
   *
   * @throws IllegalArgumentException naming the text, if the port is not a number in range
   */
  public static ClusterAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.lastIndexOf(':');
    if (colon < 0 || text.endsWith("]")) {
      return new ClusterAddress(text.strip(), DEFAULT_PORT);
    }
    String port = text.substring(colon + 1).strip();
    try {
      return new ClusterAddress(text.substring(0, colon).strip(), Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (the port '" + port + "' is not a number)");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
