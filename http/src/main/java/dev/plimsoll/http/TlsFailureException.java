package dev.plimsoll.http;

/** The TLS handshake failed: an untrusted certificate, a host-name mismatch, no common protocol (e.g. no h2 via ALPN). */
public final class TlsFailureException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  TlsFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
