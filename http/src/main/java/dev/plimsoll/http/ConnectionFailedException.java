package dev.plimsoll.http;

/** A connect failed for another reason than a refusal or a timeout: an unknown host, no route. */
public final class ConnectionFailedException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  ConnectionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
