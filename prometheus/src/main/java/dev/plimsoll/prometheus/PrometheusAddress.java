package dev.plimsoll.prometheus;

import java.util.Objects;

/**
 * Where the metrics are served: a host and a port. Written {@code [host:]port}; without a host, the
 * loopback address, so that a run's metrics are not served to the network unless asked for.
 *
 * @param host a host name or IP address to listen on
 * @param port 0 to 65535; 0 picks a free port
 */
public record PrometheusAddress(String host, int port) {

  /** The host when none is given: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public PrometheusAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the port must be 0 to 65535, was " + port);
    }
  }

  /**
   * Reads {@code [host:]port}: {@code 9400}, {@code 0.0.0.0:9400}, {@code [::1]:9400}.
   *
   * @throws IllegalArgumentException quoting the text and saying what is wrong
   */
  public static PrometheusAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    String host = DEFAULT_HOST;
    String port = text.trim();
    int colon = port.lastIndexOf(':');
    if (colon >= 0) {
      host = port.substring(0, colon);
      port = port.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.indexOf(':') >= 0) {
        throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, as [::1]:9400");
      }
      if (host.isBlank()) {
        throw new IllegalArgumentException("'" + text + "' has no host before the ':' (write [host:]port)");
      }
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not [host:]port: '" + port + "' is not a port number");
    }
    if (number < 0 || number > 65535) {
      throw new IllegalArgumentException("'" + text + "': the port must be 0 to 65535");
    }
    return new PrometheusAddress(host, number);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
