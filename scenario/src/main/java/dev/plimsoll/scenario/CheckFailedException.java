package dev.plimsoll.scenario;

/**
 * A response that failed a check, or lacked a value to extract. The message is stable so that
 * failures of one kind fall into one error class in the report (numbers and quoted values in it
 * are normalised there):
 *
 * <pre>
 * check status in [200] failed: got 503
 * check bodyContains 'token' failed: not found in 1024 bytes
 * check jsonPath $.state == 'open' failed: got 'closed'
 * check maxSize 64KB failed: body is 70000 bytes
 * extract token (jsonPath $.token) failed: no value
 * </pre>
 *
 * <p>It carries no stack trace: it is an expected outcome under load, thrown often, and its
 * message says everything.
 */
public final class CheckFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckFailedException(String message) {
    super(message, null, false, false);
  }
}
