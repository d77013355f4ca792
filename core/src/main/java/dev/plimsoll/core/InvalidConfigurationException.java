package dev.plimsoll.core;

/**
 * A configuration value that cannot be run, found before the run starts. The message is
 * {@code field: problem}; both parts are also kept as data, so a layer that knows where the value
 * was written (a scenario file's line, an environment variable) can report the problem there
 * without taking the message apart.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidConfigurationException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The configuration field at fault, e.g. {@code workload.checkout.users}. */
  public String field() {
    return field;
  }

  /** What is wrong with it, without the field: {@code must be positive (was 0s)}. */
  public String problem() {
    return problem;
  }

  static void require(boolean condition, String field, String problem) {
    if (!condition) {
      throw new InvalidConfigurationException(field, problem);
    }
  }
}
