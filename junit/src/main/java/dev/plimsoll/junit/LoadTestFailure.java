package dev.plimsoll.junit;

/**
 * A load test that failed a criterion or its baseline gate. Its message lists every failed
 * verdict with the threshold and what was measured, and where the reports are; {@link #result()}
 * holds the numbers.
 */
public final class LoadTestFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient LoadResult result;

  LoadTestFailure(LoadResult result, String message) {
    super(message);
    this.result = result;
  }

  /** The failed test's result. */
  public LoadResult result() {
    return result;
  }
}
