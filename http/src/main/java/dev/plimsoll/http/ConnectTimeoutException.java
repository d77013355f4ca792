package dev.plimsoll.http;

/** The TCP connect (or the TLS handshake) took longer than {@link HttpClientSettings#connectTimeout()}. */
public final class ConnectTimeoutException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  ConnectTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
