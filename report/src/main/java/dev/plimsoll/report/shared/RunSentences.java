package dev.plimsoll.report.shared;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.util.List;

/**
 * The words every human-readable report opens with — the run's name, its status word and its
 * outcome sentence — so the console, Markdown and HTML reports cannot say a run's verdict
 * differently. Exported only to the report modules.
 */
public final class RunSentences {
  private RunSentences() {}

  public static String name(RunResult result) {
    if (result.name() != null && !result.name().isBlank()) {
      return result.name();
    }
    if (result.config() != null && result.config().name() != null) {
      return result.config().name();
    }
    return "run";
  }

  /** The status word: a run without criteria says so, so that it cannot read as a pass. */
  public static String status(RunResult result) {
    if (result.status() == null) {
      return "UNKNOWN";
    }
    return result.status() == RunStatus.COMPLETED ? "COMPLETED (no criteria)" : result.status().name();
  }

  /**
   * The stop reason, whether anything succeeded, and the criteria count: "completed; 1 of 3
   * criteria failed", "completed; no operation succeeded; no criteria".
   */
  public static String outcome(RunResult result) {
    String reason = result.stopReason() == null ? "no stop reason recorded" : result.stopReason();
    if (result.total() != null && result.nothingSucceeded()) {
      reason += "; no operation succeeded";
    }
    List<Verdict> verdicts = result.verdicts();
    if (verdicts.isEmpty()) {
      return reason + "; no criteria";
    }
    long failed = verdicts.stream().filter(v -> !v.passed()).count();
    long notJudged = verdicts.stream().filter(v -> !v.judged()).count();
    if (failed == 0 && notJudged > 0) {
      return reason + "; " + (verdicts.size() - notJudged) + " of " + verdicts.size()
          + " criteria passed, " + notJudged + " not judged";
    }
    if (failed == 0) {
      String which = verdicts.size() == 1 ? "the criterion" : "all " + verdicts.size() + " criteria";
      return reason + "; " + which + " passed";
    }
    return reason + "; " + failed + " of " + verdicts.size() + " criteria failed";
  }
}
