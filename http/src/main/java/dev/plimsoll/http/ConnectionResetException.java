package dev.plimsoll.http;

/** The peer reset or closed the connection (or reset the HTTP/2 stream) before the response was complete. */
public final class ConnectionResetException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  ConnectionResetException(String message, Throwable cause) {
    super(message, cause);
  }
}
