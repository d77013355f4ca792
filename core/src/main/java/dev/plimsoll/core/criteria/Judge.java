package dev.plimsoll.core.criteria;

import dev.plimsoll.core.metrics.Measurements;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a run's criteria against its measurements: all of them for the verdicts at the end, and
 * the abort-on-fail ones after each interval, on the measurements so far. A cluster coordinator
 * judges the measurements merged from its workers' snapshots the same way.
 */
public final class Judge {
  private final List<Criterion> criteria;
  private final List<Criterion> live;

  private Judge(List<Criterion> criteria) {
    this.criteria = List.copyOf(criteria);
    this.live = this.criteria.stream().filter(Criterion::abortOnFail).toList();
  }

  public static Judge of(List<Criterion> criteria) {
    return new Judge(Objects.requireNonNull(criteria, "criteria"));
  }

  public List<Criterion> criteria() {
    return criteria;
  }

  /** Whether any criterion is checked during the run (abort on fail). */
  public boolean judgesLive() {
    return !live.isEmpty();
  }

  /** Every criterion's verdict, in order. */
  public List<Verdict> verdicts(Measurements measurements) {
    return criteria.stream().map(c -> c.evaluate(measurements)).toList();
  }

  /**
   * The first abort-on-fail criterion that fails on what has been measured so far. A verdict with
   * nothing measured (no completions yet) is no reason to stop, so it is passed over.
   */
  public Optional<Verdict> abortVerdict(Measurements measurements) {
    for (Criterion c : live) {
      Verdict v = c.evaluate(measurements);
      if (!v.passed() && !Double.isNaN(v.measured())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
