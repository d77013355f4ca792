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
 * sizes of their own): what each size delivered, how fast, and what it cost to simulate; as a
 * table ({@link #header}, {@link #row}), {@link #csv} and {@link #json} (the CLI charts it too, in
 * {@code sweep.html}). A latency is over the deliveries made (lost ones are in the error rate).
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
      // No delivery made, no latency: NaN rather than a 0 that reads as instant.
      boolean timed = delivery.responseTime().count() > 0;
      LatencyStats latency = delivery.responseTime().stats();
      double seconds = result.run().measuredDuration().toNanos() / 1e9;
      Point p = new Point(n, delivery.succeeded(), seconds > 0 ? delivery.succeeded() / seconds : Double.NaN,
          delivery.completed() == 0 ? 0 : (double) delivery.failed() / delivery.completed(),
          timed ? latency.p50Ms() : Double.NaN, timed ? latency.p95Ms() : Double.NaN,
          timed ? latency.p99Ms() : Double.NaN, wall);
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

  /** The CSV header of {@link #csv}. */
  static final String CSV_HEADER = "nodes,delivered,delivered_per_second,error_rate,p50_ms,p95_ms,p99_ms,wall_s";

  /** The points as CSV, one line per size after a header; numbers unrounded, NaN left empty. */
  public static String csv(List<Point> points) {
    StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
    for (Point p : points) {
      s.append(p.nodes()).append(',').append(p.delivered()).append(',').append(number(p.deliveredPerSecond()))
          .append(',').append(number(p.errorRate())).append(',').append(number(p.p50Ms())).append(',')
          .append(number(p.p95Ms())).append(',').append(number(p.p99Ms())).append(',')
          .append(number(p.wallTime().toMillis() / 1000.0)).append('\n');
    }
    return s.toString();
  }

  /**
   * The sweep as JSON: what was swept ({@code simulation}, the base simulation in words) and its
   * points, numbers unrounded and NaN as null.
   */
  public static String json(Simulation base, List<Point> points) {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
    root.put("simulation", base.describe());
    root.put("seed", base.seed());
    root.put("deterministic", base.deterministic());
    root.put("durationS", base.duration().toMillis() / 1000.0);
    com.fasterxml.jackson.databind.node.ArrayNode array = root.putArray("points");
    for (Point p : points) {
      com.fasterxml.jackson.databind.node.ObjectNode o = array.addObject();
      o.put("nodes", p.nodes());
      o.put("delivered", p.delivered());
      put(o, "deliveredPerSecond", p.deliveredPerSecond());
      put(o, "errorRate", p.errorRate());
      put(o, "p50Ms", p.p50Ms());
      put(o, "p95Ms", p.p95Ms());
      put(o, "p99Ms", p.p99Ms());
      o.put("wallS", p.wallTime().toMillis() / 1000.0);
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the sweep as JSON", e);
    }
  }

  private static void put(com.fasterxml.jackson.databind.node.ObjectNode o, String name, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      o.putNull(name);
    } else {
      o.put(name, value);
    }
  }

  private static String number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "" : Double.toString(value);
  }
}
