package dev.plimsoll.http;

/** The HTTP version a client speaks, and how it gets there. */
public enum HttpProtocol {
  /** HTTP/1.1 with keep-alive, one request per connection at a time (no pipelining); TLS for https. */
  HTTP_1_1("HTTP/1.1"),
  /** HTTP/2 over TLS, agreed by ALPN; https URLs only. Streams are multiplexed over the pool. */
  H2("HTTP/2"),
  /** HTTP/2 over cleartext TCP with prior knowledge (no upgrade); http URLs only. */
  H2C("HTTP/2 (h2c)");

  private final String label;

  HttpProtocol(String label) {
    this.label = label;
  }

  /** How reports name it, e.g. "HTTP/1.1". */
  public String label() {
    return label;
  }

  boolean http2() {
    return this != HTTP_1_1;
  }
}
