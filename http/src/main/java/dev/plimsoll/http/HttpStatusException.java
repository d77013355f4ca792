package dev.plimsoll.http;

import dev.plimsoll.core.ClassifiedError;

/**
 * A complete response whose status a check did not accept, e.g. "HTTP 503 Service Unavailable".
 * {@link HttpOperations} fails this way on any status but 2xx unless told otherwise.
 */
public final class HttpStatusException extends HttpFailure implements ClassifiedError {
  private static final long serialVersionUID = 1L;

  private final transient HttpResponse response;

  public HttpStatusException(HttpResponse response) {
    super(describe(response), null);
    this.response = response;
  }

  public int status() {
    return response.status();
  }

  /** "HTTP 503 Service Unavailable": each status is an error class of its own. */
  @Override
  public String errorClass() {
    return getMessage();
  }

  public HttpResponse response() {
    return response;
  }

  private static String describe(HttpResponse response) {
    return response.reason().isEmpty()
        ? "HTTP " + response.status()
        : "HTTP " + response.status() + " " + response.reason();
  }
}
