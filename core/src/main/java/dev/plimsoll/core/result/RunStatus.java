package dev.plimsoll.core.result;

/** How a run ended, and so the exit code a command-line run returns. */
public enum RunStatus {
  /** The run completed and every criterion passed (or there were none). Exit code 0. */
  PASSED(0),
  /** At least one criterion failed, possibly stopping the run early. Exit code 1. */
  FAILED(1),
  /** The run was stopped before its end (Ctrl-C, a stop request) or failed inside Plimsoll. Exit code 3. */
  ABORTED(3);

  private final int exitCode;

  RunStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
