package dev.plimsoll.core.criteria;

import java.util.Collection;
import java.util.List;

/** Helpers over lists of criteria and verdicts. */
public final class Criteria {
  private Criteria() {}

  /** Parses each text with {@link Criterion#parse}; the first bad one throws. */
  public static List<Criterion> parseAll(Collection<String> texts) {
    return texts.stream().map(Criterion::parse).toList();
  }

  /** Whether every verdict passed; true for none. */
  public static boolean allPassed(List<Verdict> verdicts) {
    return verdicts.stream().allMatch(Verdict::passed);
  }
}
