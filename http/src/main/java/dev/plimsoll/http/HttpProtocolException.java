package dev.plimsoll.http;

/** The response broke HTTP: a malformed status line or header, too many redirects, an HTTP/2 protocol error. */
public final class HttpProtocolException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  HttpProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
