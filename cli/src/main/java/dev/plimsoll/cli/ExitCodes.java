package dev.plimsoll.cli;

/** The exit codes of every command that runs a test. */
final class ExitCodes {
  /** Every criterion passed. */
  static final int PASSED = 0;
  /** A criterion failed. */
  static final int FAILED = 1;
  /** Bad usage or configuration: nothing ran. */
  static final int USAGE = 2;
  /** The run was aborted, or Plimsoll failed internally. */
  static final int ABORTED = 3;

  private ExitCodes() {}
}
