package dev.plimsoll.core;

/**
 * A configuration value that cannot be run, found before the run starts. The message names the
 * field, the value given and what is allowed.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidConfigurationException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The configuration field at fault, e.g. {@code workload.checkout.users}. */
  public String field() {
    return field;
  }

  static void require(boolean condition, String field, String problem) {
    if (!condition) {
      throw new InvalidConfigurationException(field, problem);
    }
  }
}
