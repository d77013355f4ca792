package dev.plimsoll.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A load test whose method body is the operation: Plimsoll calls it from many virtual users (or at a
 * rate) for the duration, instead of JUnit calling it once. The test fails when a criterion or the
 * baseline gate fails, with every failure listed; an exception from the body is a failed operation,
 * counted, and fails the test only through a criterion such as {@code error_rate < 1%}.
 *
 * <pre>{@code
 * @LoadTest(users = 10, duration = "30s", criteria = {"p99 < 5ms", "error_rate < 0.1%"})
 * void login() throws Exception {
 *   auth.login("alice", "secret");
 * }
 * }</pre>
 *
 * <p>The test's display name says the load and where the reports are
 * ({@code target/plimsoll/<test class>/<method>/}: {@code result.json}, {@code report.md},
 * {@code report.html}), and it publishes report entries {@code plimsoll.report} and
 * {@code plimsoll.result} with their paths. Before-each and after-each methods run once, around
 * the whole run. The body may take the parameters JUnit resolves; they are resolved for each call.
 *
 * <p>The build may change the load: {@code PLIMSOLL_USERS}, {@code PLIMSOLL_RATE},
 * {@code PLIMSOLL_DURATION}, {@code PLIMSOLL_WARMUP} (and {@code -Dplimsoll.users} and so on,
 * also as JUnit configuration parameters, which win), as {@link LoadPlan} describes. Mark a quick
 * and a full variant with {@link Quick} and {@link Full}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {

  /** Virtual users, the concurrency; 0 (unset): 10, or none when only a {@link #rate} is set. */
  int users() default 0;

  /** Target operations per second; 0 (unset): as fast as the users go. See {@link LoadPlan#rate}. */
  double rate() default 0;

  /** The run's length, warm-up included: {@code "30s"}, {@code "5m"}, {@code "500ms"}; empty: 30 s. */
  String duration() default "";

  /** The first part of the run, left out of the numbers and verdicts: {@code "5s"}; empty: none. */
  String warmUp() default "";

  /** Criteria the run must meet: {@code "p99 < 50ms"}, {@code "error_rate < 0.1%"}, {@code "throughput > 1000/s"}. */
  String[] criteria() default {};

  /** A named set of criteria: {@code "development"} or {@code "production"}; empty: none. */
  String preset() default "";

  /**
   * A baseline result to gate against, e.g. {@code "src/test/resources/baselines/auth.json"}
   * (relative to the working directory, the module's folder under Maven); see
   * {@link LoadPlan#baseline}. {@code -Dplimsoll.baseline.update=true} writes it instead.
   */
  String baseline() default "";

  /**
   * The gate's least throughput, as a percent of the baseline's: {@code "90%"} for all operations
   * and each, {@code "login=85%"} for one; empty: 90 %.
   */
  String[] gateThroughput() default {};

  /**
   * The gate's most latency (p99), as a percent of the baseline's: {@code "150%"} or
   * {@code "login=200%"}; empty: 150 %.
   */
  String[] gateLatency() default {};
}
