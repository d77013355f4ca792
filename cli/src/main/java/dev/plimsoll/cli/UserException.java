package dev.plimsoll.cli;

/** A problem with what the user asked for (a missing file, say): reported in one line, exit code 2. */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }
}
