package dev.plimsoll.sim;

import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The same simulation at 2, 4, 8, ... nodes up to its own count (without its faults, which name
 * sizes of their own): what each size delivered, how fast, and what it cost to simulate.
 */
public final class ScaleSweep {

  /**
   * One size of the sweep.
   *
   * @param deliveredPerSecond successful deliveries per second of measured time
   * @param wallTime how long the run took on the machine (for a deterministic run: the cost of simulating it)
   */
  public record Point(int nodes, long delivered, double deliveredPerSecond, double errorRate, double p50Ms,
      double p95Ms, double p99Ms, Duration wallTime) {

    /** One row of {@link #table}. */
    String row() {
      return String.format(Locale.ROOT, "%7d  %12s  %11s  %7s  %8s  %8s  %8s  %8s", nodes, Units.count(delivered),
          Units.decimal(deliveredPerSecond), Units.percent(errorRate), Units.decimal(p50Ms), Units.decimal(p95Ms),
          Units.decimal(p99Ms), Units.formatDuration(wallTime));
    }
  }

  private ScaleSweep() {}

  /** The sizes a sweep up to {@code nodes} runs: powers of two from 2, and {@code nodes} itself. */
  public static List<Integer> sizes(int nodes) {
    List<Integer> sizes = new ArrayList<>();
    for (int n = 2; n < nodes; n *= 2) {
      sizes.add(n);
    }
    sizes.add(nodes);
    return sizes;
  }

  /** Runs every size one after another, telling {@code each} of every point as it is measured. */
  public static List<Point> run(Simulation base, Consumer<Point> each) {
    List<Point> points = new ArrayList<>();
    for (int n : sizes(base.nodes())) {
      Simulation sim = base.toBuilder().sized(n).build();
      long start = System.nanoTime();
      SimResult result = sim.run();
      Duration wall = Duration.ofMillis((System.nanoTime() - start) / 1_000_000);
      OperationStats delivery = result.run().operation(World.DELIVERY).orElseThrow();
      LatencyStats latency = delivery.responseTime().stats();
      double seconds = result.run().measuredDuration().toNanos() / 1e9;
      Point p = new Point(n, delivery.succeeded(), seconds > 0 ? delivery.succeeded() / seconds : Double.NaN,
          delivery.completed() == 0 ? 0 : (double) delivery.failed() / delivery.completed(), latency.p50Ms(),
          latency.p95Ms(), latency.p99Ms(), wall);
      points.add(p);
      each.accept(p);
    }
    return points;
  }

  /** The header of the table {@link Point}s print as. */
  public static String header() {
    return "  nodes     delivered  delivered/s   errors  p50 ms    p95 ms    p99 ms        wall";
  }

  /** A point as a row under {@link #header()}. */
  public static String row(Point point) {
    return point.row();
  }
}
