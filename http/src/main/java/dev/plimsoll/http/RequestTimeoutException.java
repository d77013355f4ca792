package dev.plimsoll.http;

/** No complete response within {@link HttpClientSettings#requestTimeout()}, counted from {@link HttpClient#send}; the message says whether the request was still waiting for a connection. */
public final class RequestTimeoutException extends HttpFailure {
  private static final long serialVersionUID = 1L;

  RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
