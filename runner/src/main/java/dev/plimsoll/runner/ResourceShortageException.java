package dev.plimsoll.runner;

/**
 * A run asks for more than the process can hold (connections beyond its limit on open files,
 * users beyond its heap): found before any load is sent. The message says what is short and what
 * to change.
 */
public final class ResourceShortageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ResourceShortageException(String message) {
    super(message);
  }
}
