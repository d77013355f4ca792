package dev.plimsoll.scenario.driver;

import dev.plimsoll.core.ClassifiedError;

/**
 * A response that failed a check, or lacked a value to extract. The message is stable so that
 * failures of one kind fall into one error class in the report (numbers and quoted values in it
 * are normalised there, except a status check's status, which is the class):
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
public final class CheckFailedException extends RuntimeException implements ClassifiedError {
  private static final long serialVersionUID = 1L;

  private final boolean exact;

  public CheckFailedException(String message) {
    this(message, false);
  }

  /**
   * @param exact whether the message is already its error class, numbers included: a failed
   *     status check keeps its status, so that each status is a class of its own
   */
  public CheckFailedException(String message, boolean exact) {
    super(message, null, false, false);
    this.exact = exact;
  }

  @Override
  public String errorClass() {
    return exact ? getMessage() : null;
  }
}
