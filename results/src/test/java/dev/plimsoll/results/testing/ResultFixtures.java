package dev.plimsoll.results.testing;

import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.criteria.Comparison;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.WorkloadDescription;
import dev.plimsoll.core.result.WorkloadDescription.MixEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Synthetic, deterministic run data for the codec tests here and, through this module's test jar,
 * for the renderers' tests in {@code report}. In a package of its own: on the class path beside the
 * module {@code dev.plimsoll.results}, a class of the package {@code dev.plimsoll.results} would be hidden.
 */
public final class ResultFixtures {

  public static final Instant START = Instant.parse("2025-03-01T10:00:00.123456789Z");
  public static final String SEARCH = "search";
  /** A name with a pipe, which a Markdown table must escape. */
  public static final String CHECKOUT = "checkout|pay";

  private ResultFixtures() {}

  /** A distribution of {@code count} values spread around {@code medianMs}, seeded. */
  public static LatencyDistribution latencies(long seed, int count, double medianMs) {
    Histogram nanos = LatencyDistribution.newHistogram();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      // Log-normal-ish: mostly near the median, with a tail.
      double ms = medianMs * Math.exp(random.nextGaussian() * 0.5);
      nanos.recordValue(LatencyDistribution.clamp((long) (ms * 1_000_000)));
    }
    return LatencyDistribution.of(nanos);
  }

  public static ErrorClass timeouts(String operation, long count, Instant first) {
    List<ErrorSample> samples = List.of(
        new ErrorSample(first, "timeout after 1032 ms"),
        new ErrorSample(first.plusMillis(250), "timeout after 998 ms"));
    return new ErrorClass(operation, "java.net.SocketTimeoutException", "timeout after # ms",
        count, first, first.plusSeconds(40), samples);
  }

  public static ErrorClass refused(String operation, long count, Instant first) {
    return new ErrorClass(operation, "java.net.ConnectException",
        "Connection refused: <localhost/127.0.0.1:#> | retry *later*", count, first, first,
        List.of(new ErrorSample(first, "Connection refused: localhost/127.0.0.1:8080")));
  }

  public static OperationStats operationSnapshot(String name, long seed, long completed,
      long failed, List<ErrorClass> errors) {
    return new OperationStats(name, completed + 3, completed - failed, failed, 1, 3,
        latencies(seed, (int) completed, 4.0), latencies(seed + 1, (int) completed, 3.0), errors);
  }

  public static SystemSample systemSample(int i) {
    return new SystemSample(0.25 + i * 0.01, 0.5, 300_000_000L + i, 512_000_000L, 700_000_000L,
        2, 3.5, 40, 1_000_000, 2_000_000);
  }

  public static IntervalSnapshot interval(int index, boolean warmUp) {
    Instant start = START.plusSeconds(index);
    List<ErrorClass> errors = index == 2
        ? List.of(timeouts(CHECKOUT, 2, start.plusMillis(10))) : List.of();
    return new IntervalSnapshot(index, start, Duration.ofSeconds(1), warmUp, 120.5,
        List.of(operationSnapshot(SEARCH, index * 10L, 100, 0, List.of()),
            operationSnapshot(CHECKOUT, index * 10L + 5, 20, errors.isEmpty() ? 0 : 2, errors)),
        latencies(index * 10L + 7, 50, 0.05), latencies(index * 10L + 8, 120, 0.4),
        latencies(index * 10L + 9, 120, 0.03), systemSample(index));
  }

  public static Verdict verdict(String source, String scope, double threshold, double measured,
      boolean passed, String detail) {
    return new Verdict(new Criterion(source, scope, Metric.P95, Comparison.LESS, threshold, false),
        measured, passed, detail);
  }

  public static OperationStats operationStats(String name, long seed, long succeeded,
      long failed, List<ErrorClass> errors) {
    long completed = succeeded + failed;
    return new OperationStats(name, completed + 2, succeeded, failed, 4, 2,
        latencies(seed, (int) Math.min(completed, 5000), 4.2),
        latencies(seed + 1, (int) Math.min(completed, 5000), 3.1), errors);
  }

  /**
   * A failed run rich enough to exercise every field: two operations, warm-up and measured
   * intervals with histograms, errors with samples, passing and failing verdicts (one with no
   * measured value), a generator flagged as the bottleneck, fractional durations.
   */
  public static RunResult richResult() {
    ErrorClass timeouts = timeouts(CHECKOUT, 1_234, START.plusSeconds(3));
    ErrorClass refused = refused(CHECKOUT, 7, START.plusSeconds(9));
    OperationStats search = operationStats(SEARCH, 1, 123_456, 0, List.of());
    OperationStats checkout = operationStats(CHECKOUT, 3, 20_000, 1_241, List.of(timeouts, refused));
    OperationStats total = new OperationStats("total", 144_701, 143_456, 1_241, 8, 4,
        search.responseTime().merge(checkout.responseTime()),
        search.serviceTime().merge(checkout.serviceTime()), List.of(timeouts, refused));

    List<IntervalSnapshot> intervals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      intervals.add(interval(i, i < 2));
    }
    ScenarioDescription config = new ScenarioDescription("checkout-load", Duration.ofSeconds(60),
        Duration.ofMillis(1500), Duration.ofSeconds(1), Duration.ofNanos(2_000_000_001L), 42L,
        List.of(new WorkloadDescription("shoppers", "open", "ramp 0/s to 200/s over 10s, poisson",
            Duration.ofSeconds(60), List.of(new MixEntry(SEARCH, 9, false),
                new MixEntry(CHECKOUT, 1, true)))),
        List.of("p95 < 25ms", "search.p95 < 5ms", "serch.p95 < 5ms"), List.of("delivery"));
    EnvironmentInfo environment = new EnvironmentInfo("0.1.0-SNAPSHOT", "21.0.5", "Eclipse Adoptium",
        "OpenJDK 64-Bit Server VM", "Linux", "6.8.0", "amd64", 2, 1_073_741_824L, "loadgen-1");
    SystemSummary system = new SystemSummary(0.25, 0.97, 0.5, 0.99, 314_572_800L,
        1_288_490_189L, 17, 45.25, 48, 1_500_000_000L, 300_000_000L,
        new MemoryGrowth(0.75, 0.5, 17, Duration.ofMillis(57_250), MemoryGrowth.Basis.AFTER_ANY_COLLECTION));
    GeneratorHealth health = new GeneratorHealth(true,
        List.of("scheduling lag p99 3.2 ms above 1 ms", "process CPU peaked at 97%"),
        latencies(99, 1000, 0.8), latencies(97, 1000, 2.5), latencies(98, 1000, 1.6), 12, 0.97);
    List<Verdict> verdicts = List.of(
        verdict("p95 < 25ms", null, 25, 12.345, true, "measured 12.3 ms"),
        verdict("search.p95 < 5ms", SEARCH, 5, 7.125, false, "measured 7.13 ms"),
        verdict("serch.p95 < 5ms", "serch", 5, Double.NaN, false, "no such operation 'serch'"));
    return new RunResult(RunResult.SCHEMA_VERSION, "checkout-load", RunStatus.FAILED, "completed",
        START, START.plusSeconds(61).plusMillis(500), Duration.ofNanos(58_500_000_001L), config,
        environment, total, List.of(search, checkout), intervals, verdicts,
        List.of(timeouts, refused), system, health, false, phases(), profileChanges());
  }

  /** The rich result's phases: its warm-up, its ramp and hold, and no abort (it completed). */
  public static List<Phase> phases() {
    return List.of(
        new Phase(Phase.Kind.WARM_UP, Duration.ZERO, Duration.ofMillis(1500), null, "warm-up 1.5s"),
        new Phase(Phase.Kind.RAMP, Duration.ZERO, Duration.ofSeconds(10), "shoppers", "ramp 0/s to 200/s"),
        new Phase(Phase.Kind.CONSTANT, Duration.ofSeconds(10), Duration.ofSeconds(60), "shoppers", "constant 200/s"));
  }

  /** The rich result's one profile change: its rate raised from the dashboard. */
  public static List<ProfileChange> profileChanges() {
    return List.of(new ProfileChange(Duration.ofMillis(2250), "shoppers", ProfileChange.Setting.RATE, 200, 262.5,
        "dashboard"));
  }

  /** The rich result, passed and with a healthy generator. */
  public static RunResult passingResult() {
    RunResult rich = richResult();
    GeneratorHealth healthy = new GeneratorHealth(false, List.of(),
        latencies(5, 100, 0.01), latencies(6, 100, 0.3), latencies(7, 100, 0.02), 0, 0.3);
    List<Verdict> passed = List.of(verdict("p95 < 25ms", null, 25, 12.345, true, "ok"));
    return new RunResult(rich.schemaVersion(), rich.name(), RunStatus.PASSED, "completed",
        rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(),
        rich.environment(), rich.total(), rich.operations(), rich.intervals(), passed,
        rich.errors(), rich.system(), healthy, false, rich.phases(), rich.profileChanges());
  }

  /** A result from a run that hardly started: most optional parts absent. */
  public static RunResult sparseResult() {
    return new RunResult(RunResult.SCHEMA_VERSION, null, RunStatus.ABORTED, null, START, null,
        Duration.ZERO, null, null, null, List.of(), List.of(), List.of(), List.of(), null, null);
  }

  public static RunProgress progress(Duration elapsed, Duration planned, Duration warmUp,
      long failed, boolean stopping) {
    return new RunProgress(elapsed, planned, warmUp, 0, failed, 0, stopping);
  }
}
