package dev.plimsoll.core.criteria;

/**
 * A criterion's outcome.
 *
 * <p>A criterion can also be left <em>not judged</em> ({@link #notJudged}): when the run gave too
 * little evidence to judge it either way (memory growth on a run too short to show a trend). Such
 * a verdict passes, so that a preset cannot fail a healthy short run, and measures NaN, its detail
 * saying why; reports show it as not judged.
 *
 * @param criterion the criterion judged
 * @param measured the measured value, in the criterion's canonical unit (see {@link Metric#unit()})
 * @param passed whether the measured value satisfied the criterion
 * @param detail a short human note, e.g. "measured 31.2 ms" or "no such operation 'serch'"
 */
public record Verdict(Criterion criterion, double measured, boolean passed, String detail) {

  /** A verdict on a criterion there was too little evidence to judge; see the class comment. */
  public static Verdict notJudged(Criterion criterion, String detail) {
    return new Verdict(criterion, Double.NaN, true, detail);
  }

  /** Whether the criterion was judged: false for {@link #notJudged} verdicts. */
  public boolean judged() {
    return !(passed && Double.isNaN(measured));
  }
}
