package dev.plimsoll.core.result;

/** How a run ended. */
public enum RunStatus {
  /** The run completed and every criterion passed (or there were none). */
  PASSED,
  /** At least one criterion failed, possibly stopping the run early. */
  FAILED,
  /** The run was stopped before its end (Ctrl-C, a stop request) or failed inside Plimsoll. */
  ABORTED
}
