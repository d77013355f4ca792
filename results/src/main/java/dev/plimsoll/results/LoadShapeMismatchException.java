package dev.plimsoll.results;

import java.util.List;

/**
 * A run and its baseline were given different loads (another rate profile, user count, mix or
 * duration), so their numbers say nothing about a regression; see
 * {@link RegressionGate.Builder#allowDifferentShape}.
 */
public final class LoadShapeMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> differences;

  /**
   * @param baseline the baseline in words, e.g. {@code "baseline BASE.json"}
   * @param differences each way the run differs, e.g. {@code "duration 10s vs baseline 30s"}
   */
  public LoadShapeMismatchException(String baseline, List<String> differences) {
    super("the load differs from " + baseline + ", so the two cannot be compared: "
        + String.join("; ", differences));
    this.differences = List.copyOf(differences);
  }

  /** Each way the run's load differs from the baseline's. */
  public List<String> differences() {
    return differences;
  }
}
