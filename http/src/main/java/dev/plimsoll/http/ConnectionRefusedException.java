package dev.plimsoll.http;

/** Nothing listens on the target's port: the connect was answered with a refusal (RST). */
public final class ConnectionRefusedException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  ConnectionRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
