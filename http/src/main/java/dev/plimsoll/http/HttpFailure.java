package dev.plimsoll.http;

/**
 * Why a request failed. Each kind of failure is its own subclass, so that a run's error classes
 * (exception type plus message with its numbers normalised) say what went wrong: refused,
 * timed out connecting, timed out waiting, reset, TLS, an unwanted status, a broken response.
 *
 * <p>Stack traces are not filled in: a load test may create millions of these, the event loop's
 * stack says nothing about the caller, and the type and message carry the meaning. The cause,
 * when there is one, is kept.
 */
public abstract sealed class HttpFailure extends RuntimeException
    permits ConnectionRefusedException, ConnectTimeoutException, ConnectionFailedException,
        RequestTimeoutException, ConnectionResetException, TlsFailureException, HttpStatusException,
        HttpProtocolException {
  private static final long serialVersionUID = 1L;

  HttpFailure(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
