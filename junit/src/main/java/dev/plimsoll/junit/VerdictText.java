package dev.plimsoll.junit;

import dev.plimsoll.core.criteria.Verdict;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;

/** The one wording of failed verdicts, for a failed load test and a failed assertion alike. */
final class VerdictText {
  private VerdictText() {}

  /**
   * {@code what}, how many failed, then each failed verdict on its own line with its threshold
   * (as the criterion was written) and what was measured:
   *
   * <pre>
   * load test 'auth' failed 2 of 3 criteria (reports: target/plimsoll/AuthTest/auth):
   *   p99 &lt; 50ms: measured 73.1 ms
   *   error_rate &lt; 1%: measured 4.2% (21 of 500 failed)
   * </pre>
   */
  static String failures(String what, List<Verdict> all, Optional<Path> reports) {
    List<Verdict> failed = all.stream().filter(v -> !v.passed()).toList();
    StringBuilder text = new StringBuilder(what).append(" failed ").append(failed.size()).append(" of ")
        .append(all.size()).append(all.size() == 1 ? " criterion" : " criteria");
    reports.ifPresent(d -> text.append(" (reports: ").append(d).append(')'));
    text.append(':');
    for (Verdict v : failed) {
      text.append("\n  ").append(line(v));
    }
    return text.toString();
  }

  /** A gate comparison's source already says both numbers; a criterion's says the threshold only. */
  static String line(Verdict v) {
    String source = v.criterion().source();
    return v.detail() == null || v.detail().isBlank() || v.detail().equals(source) ? source : source + ": " + v.detail();
  }
}
