package dev.plimsoll.http;

import java.util.List;
import java.util.stream.Stream;

/**
 * The HTTP version a client speaks, and how it gets there. The one protocol type: the client's
 * settings, its responses, scenario files ({@code protocol: h2c}) and the quick test all use it.
 */
public enum HttpProtocol {
  /** HTTP/1.1 with keep-alive, one request per connection at a time (no pipelining); TLS for https. */
  HTTP_1_1("HTTP/1.1", "http1"),
  /** HTTP/2 over TLS, agreed by ALPN; https URLs only. Streams are multiplexed over the pool. */
  H2("HTTP/2", "h2"),
  /** HTTP/2 over cleartext TCP with prior knowledge (no upgrade); http URLs only. */
  H2C("HTTP/2 (h2c)", "h2c");

  private final String label;
  private final String token;

  HttpProtocol(String label, String token) {
    this.label = label;
    this.token = token;
  }

  /** How reports name it, e.g. "HTTP/1.1". */
  public String label() {
    return label;
  }

  /** How scenario files write it: {@code http1}, {@code h2}, {@code h2c}. */
  public String token() {
    return token;
  }

  /** Every {@link #token()}, in declaration order. */
  public static List<String> tokens() {
    return Stream.of(values()).map(HttpProtocol::token).toList();
  }

  /**
   * The protocol written as {@code token}.
   *
   * @throws IllegalArgumentException naming the allowed tokens
   */
  public static HttpProtocol ofToken(String token) {
    for (HttpProtocol p : values()) {
      if (p.token.equals(token)) {
        return p;
      }
    }
    throw new IllegalArgumentException("'" + token + "' is not one of " + String.join(", ", tokens()));
  }

  boolean http2() {
    return this != HTTP_1_1;
  }
}
