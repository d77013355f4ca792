package dev.plimsoll.junit;

import dev.plimsoll.core.Mix;
import java.time.Duration;

/**
 * Load tests inside any test: start from the users, a rate or a duration, add what else the test
 * needs, and {@linkplain LoadPlan#run(String, Task) run} an operation. Anything not given takes its
 * default: {@value LoadSettings#DEFAULT_USERS} users, 30 s, no rate limit, no warm-up.
 *
 * <pre>{@code
 * LoadResult result = Load.users(10).duration(Duration.ofSeconds(30))
 *     .run("auth", () -> auth.login(user, password));
 * assertThat(result.opsPerSecond()).isGreaterThan(1_000);
 * PlimsollAssertions.assertThat(result).meets("p99 < 5ms", "error_rate < 0.1%");
 * }</pre>
 *
 * <p>The environment may change the load without an edit to the test ({@code PLIMSOLL_USERS},
 * {@code PLIMSOLL_RATE}, {@code PLIMSOLL_DURATION}, {@code PLIMSOLL_WARMUP}, and the same as
 * {@code -Dplimsoll.users} and so on, which win): see {@link LoadPlan}.
 */
public final class Load {
  private Load() {}

  /** Nothing set yet: every setting at its default. */
  public static LoadPlan defaults() {
    return LoadPlan.DEFAULTS;
  }

  /** {@code count} virtual users, each calling the operation again as soon as it returns. */
  public static LoadPlan users(int count) {
    return defaults().users(count);
  }

  /** A target rate in operations per second; see {@link LoadPlan#rate}. */
  public static LoadPlan rate(double perSecond) {
    return defaults().rate(perSecond);
  }

  /** The run's length, warm-up included. */
  public static LoadPlan duration(Duration runLength) {
    return defaults().duration(runLength);
  }

  /** The quick form: {@code operation} under the default load (10 users, 30 s, no rate limit). */
  public static LoadResult run(String name, Task operation) {
    return defaults().run(name, operation);
  }

  /** The quick form for a mix of operations under the default load. */
  public static LoadResult run(String name, Mix mix) {
    return defaults().run(name, mix);
  }
}
