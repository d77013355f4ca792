package dev.plimsoll.cli;

import dev.plimsoll.core.result.RunStatus;

/** The exit codes of every command that runs a test; the only place they are decided. */
final class ExitCodes {
  /** Every criterion passed, or the run completed with no criteria to judge it. */
  static final int PASSED = 0;
  /** A criterion failed, or no operation succeeded. */
  static final int FAILED = 1;
  /** Bad usage or configuration: nothing ran. */
  static final int USAGE = 2;
  /** The run was aborted, or Plimsoll failed internally. */
  static final int ABORTED = 3;

  private ExitCodes() {}

  static int of(RunStatus status) {
    return switch (status) {
      // Nothing judged a run without criteria; one in which nothing succeeded is FAILED already.
      case PASSED, COMPLETED -> PASSED;
      case FAILED -> FAILED;
      case ABORTED -> ABORTED;
    };
  }
}
