package dev.plimsoll.core.result;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.OperationStats;
import java.util.List;

/** How a run ended. */
public enum RunStatus {
  /** The run completed, some operation succeeded, and every criterion passed. */
  PASSED,
  /**
   * At least one criterion failed, possibly stopping the run early; or no operation of the
   * measured window succeeded, whatever the criteria.
   */
  FAILED,
  /** The run was stopped before its end (Ctrl-C, a stop request) or failed inside Plimsoll. */
  ABORTED,
  /**
   * The run completed and some operation succeeded, but it had no criteria: nothing judged it, so
   * it neither passed nor failed.
   */
  COMPLETED;

  /**
   * The one rule for a run's status. A stop by request aborts the run. Otherwise it fails when a
   * criterion failed (or stopped it), or when no operation of the measured window succeeded (a
   * run that measured nothing but failures cannot pass, whatever its criteria); without criteria
   * it is {@link #COMPLETED}, with them {@link #PASSED}.
   *
   * @param aborted whether the run was stopped by a request rather than by its end or a criterion
   * @param verdicts the verdicts of all its criteria
   * @param stoppedByCriterion whether an abort-on-fail criterion stopped it
   * @param measured all operations together over the measured window
   */
  public static RunStatus of(boolean aborted, List<Verdict> verdicts, boolean stoppedByCriterion,
      OperationStats measured) {
    if (aborted) {
      return ABORTED;
    }
    boolean criterionFailed = stoppedByCriterion || verdicts.stream().anyMatch(v -> !v.passed());
    if (criterionFailed || nothingSucceeded(measured)) {
      return FAILED;
    }
    return verdicts.isEmpty() ? COMPLETED : PASSED;
  }

  /** Whether no operation succeeded in {@code measured} (also when it is unknown). */
  public static boolean nothingSucceeded(OperationStats measured) {
    return measured == null || measured.succeeded() == 0;
  }
}
