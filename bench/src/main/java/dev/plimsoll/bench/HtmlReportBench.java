package dev.plimsoll.bench;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.metrics.IntervalLog;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.report.html.HtmlReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * How long {@code report.html} takes to render for a long run, and how big it is. A synthetic
 * result at 1 s intervals, its intervals kept in an {@link IntervalLog} as a real run keeps them
 * (beyond 1 MiB on disk, each read decoding one interval): one hour of one operation at
 * 10,000/s, and a day of five operations. Renders each into a file: once cold (as the command
 * line does after a run, in a fresh JVM) and then {@code --rounds} more times.
 *
 * <pre>
 * java -cp bench/target/plimsoll-bench.jar dev.plimsoll.bench.HtmlReportBench [--rounds 2]
 * </pre>
 */
public final class HtmlReportBench {

  private static final String USAGE = "usage: HtmlReportBench [--rounds 2] [--rate 10000]";
  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  private static final int SHAPES = 32;

  private HtmlReportBench() {}

  public static void main(String[] args) throws IOException {
    BenchSupport.Options options = new BenchSupport.Options(args, USAGE, "rounds", "rate");
    int rounds = options.integer("rounds", 2);
    double rate = options.number("rate", 10_000);
    System.out.println(BenchSupport.environment());
    Path directory = Files.createTempDirectory("plimsoll-html-bench-");
    measure("1 hour, 1 operation", Duration.ofHours(1), 1, rate, rounds, directory);
    measure("24 hours, 5 operations", Duration.ofHours(24), 5, rate, rounds, directory);
  }

  private static void measure(String title, Duration length, int operations, double rate,
      int rounds, Path directory) throws IOException {
    System.out.println(BenchSupport.rule(title));
    long built = System.nanoTime();
    RunResult result = synthetic(length, operations, rate);
    System.out.printf("synthetic result: %,d intervals, %d operations, %,.0f ops/s (built in %.1f s,"
        + " not timed)%n", result.intervals().size(), operations, rate,
        (System.nanoTime() - built) / 1e9);
    Path file = directory.resolve(title.replaceAll("\\W+", "-") + ".html");
    double[] seconds = new double[rounds + 1];
    for (int round = 0; round <= rounds; round++) {
      long start = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        new HtmlReport().write(result, out);
      }
      seconds[round] = (System.nanoTime() - start) / 1e9;
      System.out.printf("  %s render: %.2f s%n", round == 0 ? "cold" : "round " + round, seconds[round]);
    }
    System.out.printf("report.html: %.2f MB; cold %.2f s, warm median %.2f s%n",
        Files.size(file) / 1e6, seconds[0],
        rounds == 0 ? seconds[0] : BenchSupport.median(java.util.Arrays.copyOfRange(seconds, 1, rounds + 1)));
  }

  /**
   * A run of {@code length} at 1 s intervals: {@code operations} operations sharing {@code rate};
   * latencies drawn from a few seeded shapes, a latency spike of one interval every ten minutes,
   * a few errors now and then, a slowly growing heap.
   */
  static RunResult synthetic(Duration length, int operations, double rate) {
    List<LatencyDistribution> shapes = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(42);
    for (int s = 0; s < SHAPES; s++) {
      shapes.add(distribution(random, 10_000, 2 + s % 8));
    }
    LatencyDistribution spike = distribution(random, 10_000, 400);
    long perOperation = Math.round(rate / operations);
    IntervalLog log = new IntervalLog();
    int intervals = (int) length.toSeconds();
    for (int i = 0; i < intervals; i++) {
      Instant start = START.plusSeconds(i);
      List<OperationStats> ops = new ArrayList<>();
      for (int k = 0; k < operations; k++) {
        LatencyDistribution response = i % 600 == 599 ? spike : shapes.get((i * 7 + k) % SHAPES);
        long failed = i % 97 == 0 ? 3 : 0;
        List<ErrorClass> errors = failed == 0 ? List.of() : List.of(new ErrorClass("op" + k,
            "java.net.SocketTimeoutException", "timeout after # ms", failed, start, start,
            List.of(new ErrorSample(start, "timeout after 1000 ms"))));
        ops.add(new OperationStats("op" + k, perOperation, perOperation - failed, failed, 0, 12,
            response, shapes.get((i + k) % SHAPES), errors));
      }
      SystemSample system = new SystemSample(0.2 + (i % 60) / 600.0, 0.5, 200_000_000L + i * 100L,
          512_000_000L, 700_000_000L, i % 5 == 0 ? 1 : 0, i % 5 == 0 ? 3.5 : 0, 40, 1_000, 2_000);
      log.add(new IntervalSnapshot(i, start, Duration.ofSeconds(1), i < 30, rate, ops,
          shapes.get(0), shapes.get(1), shapes.get(2), system));
    }
    LatencyDistribution all = LatencyDistribution.mergeAll(shapes);
    List<OperationStats> summary = new ArrayList<>();
    for (int k = 0; k < operations; k++) {
      summary.add(new OperationStats("op" + k, perOperation * intervals, perOperation * intervals, 0,
          0, 0, all, all, List.of()));
    }
    OperationStats total = new OperationStats("total", Math.round(rate) * intervals,
        Math.round(rate) * intervals, 0, 0, 0, all, all, List.of());
    ScenarioDescription config = new ScenarioDescription("long run", length, Duration.ofSeconds(30),
        Duration.ofSeconds(1), Duration.ofSeconds(5), 1, List.of(), List.of());
    return new RunResult(RunResult.SCHEMA_VERSION, "long run", RunStatus.COMPLETED, "completed",
        START, START.plus(length), length.minusSeconds(30), config, null, total, summary,
        log.view(), List.of(), List.of(), SystemSummary.UNKNOWN, null);
  }

  private static LatencyDistribution distribution(SplittableRandom random, int count, double medianMs) {
    Histogram nanos = LatencyDistribution.newHistogram();
    for (int i = 0; i < count; i++) {
      double ms = medianMs * Math.exp(random.nextGaussian() * 0.6);
      nanos.recordValue(LatencyDistribution.clamp((long) (ms * 1_000_000)));
    }
    return LatencyDistribution.of(nanos);
  }
}
