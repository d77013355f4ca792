package dev.plimsoll.bench;

import static dev.plimsoll.bench.BenchSupport.format;
import static dev.plimsoll.bench.BenchSupport.thousands;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The engine's own cost per operation: one closed-model user calling a no-op operation as fast as
 * it can, against a bare loop doing the least any measuring harness must do per call — read the
 * clock twice and record the difference into one HdrHistogram.
 *
 * <p>Both run in the same JVM, alternately, after one warm-up round of each, so that machine noise
 * (other builds on a shared 2-core box) hits both sides alike. The figure that matters is the
 * median ratio engine ops/s ÷ reference ops/s; the goal is at least {@value #GOAL}.
 *
 * <pre>
 * java -cp bench/target/plimsoll-bench.jar dev.plimsoll.bench.EngineOverheadBench [--seconds 5] [--rounds 3]
 * </pre>
 */
public final class EngineOverheadBench {
  static final double GOAL = 0.7;
  private static final int BATCH = 1024;
  private static final String USAGE =
      "usage: EngineOverheadBench [--seconds D (default 5)] [--rounds N (default 3)]";

  /** Keeps the reference loop's result observable, so the JIT cannot drop the loop. */
  static volatile long sink;

  private EngineOverheadBench() {}

  public static void main(String[] args) {
    BenchSupport.Options options = new BenchSupport.Options(args, USAGE, "seconds", "rounds");
    double seconds = options.number("seconds", 5);
    int rounds = options.integer("rounds", 3);
    Duration length = Duration.ofNanos((long) (seconds * 1e9));

    System.out.println(BenchSupport.rule("EngineOverheadBench"));
    System.out.println(BenchSupport.environment());
    System.out.println(format("closed model, 1 user, no-op operation, %s s per side; 1 warm-up round, then %d rounds",
        seconds, rounds));
    System.out.println("warm-up: reference " + thousands(reference(length)) + " ops/s, engine "
        + thousands(engine(length)) + " ops/s (not counted)");

    double[] references = new double[rounds];
    double[] engines = new double[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      references[r] = reference(length);
      engines[r] = engine(length);
      ratios[r] = engines[r] / references[r];
      System.out.println(format("round %d: reference %13s ops/s (%6.1f ns/op)   engine %13s ops/s (%6.1f ns/op)   ratio %.3f",
          r + 1, thousands(references[r]), 1e9 / references[r], thousands(engines[r]), 1e9 / engines[r], ratios[r]));
    }
    double ratio = BenchSupport.median(ratios);
    double ref = BenchSupport.median(references);
    double eng = BenchSupport.median(engines);
    System.out.println(BenchSupport.rule("result"));
    System.out.println(format("reference (2 x nanoTime + 1 histogram record): median %s ops/s = %.1f ns/op",
        thousands(ref), 1e9 / ref));
    System.out.println(format("engine (closed, 1 user, no-op):               median %s ops/s = %.1f ns/op",
        thousands(eng), 1e9 / eng));
    System.out.println(format("engine cost beyond the reference:             %.1f ns/op (from the medians)",
        1e9 / eng - 1e9 / ref));
    System.out.println(format("median ratio engine/reference: %.3f   goal >= %.2f: %s",
        ratio, GOAL, ratio >= GOAL ? "MET" : "NOT MET"));
  }

  /** Ops/s of one closed-model user calling a no-op, from the engine's own result. */
  static double engine(Duration length) {
    Scenario scenario = Scenario.builder("engine-overhead")
        .workload(Workload.of("noop", ctx -> {}, ClosedModel.users(1)))
        .duration(length)
        .gracefulStop(Duration.ofSeconds(1))
        .build();
    RunResult result = Plimsoll.run(scenario);
    return result.total().completed() / (result.measuredDuration().toNanos() / 1e9);
  }

  /**
   * Ops/s of the bare loop. The clock is checked once per {@value #BATCH} records so that the check
   * costs next to nothing; the histogram's count, published to {@link #sink}, keeps every record live.
   */
  static double reference(Duration length) {
    Histogram histogram = LatencyDistribution.newHistogram();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    long now;
    do {
      batch(histogram);
      now = System.nanoTime();
    } while (now < deadline);
    long count = histogram.getTotalCount();
    sink = count;
    return count / ((now - start) / 1e9);
  }

  private static void batch(Histogram histogram) {
    for (int i = 0; i < BATCH; i++) {
      long start = System.nanoTime();
      long end = System.nanoTime();
      histogram.recordValue(end - start);
    }
  }
}
