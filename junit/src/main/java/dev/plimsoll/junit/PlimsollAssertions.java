package dev.plimsoll.junit;

/**
 * Assertions on a {@link LoadResult}, in AssertJ's manner:
 *
 * <pre>{@code
 * import static dev.plimsoll.junit.PlimsollAssertions.assertThat;
 *
 * assertThat(result).meets("p99 < 5ms", "error_rate < 0.1%", "throughput > 1000/s");
 * }</pre>
 */
public final class PlimsollAssertions {
  private PlimsollAssertions() {}

  public static LoadResultAssert assertThat(LoadResult actual) {
    return new LoadResultAssert(actual);
  }
}
