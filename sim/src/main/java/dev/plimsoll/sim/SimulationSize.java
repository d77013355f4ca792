package dev.plimsoll.sim;

import dev.plimsoll.core.InvalidConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The predefined sizes, as teams load-test P2P systems today: each with its node count, connections
 * per node, message rate, duration and the criteria it must meet.
 */
public enum SimulationSize {
  SMALL(10, 5, 100, Duration.ofSeconds(60), "1%", "50ms"),
  MEDIUM(100, 10, 1_000, Duration.ofMinutes(5), "2%", "100ms"),
  LARGE(1_000, 20, 10_000, Duration.ofMinutes(10), "5%", "200ms");

  private final int nodes;
  private final int connectionsPerNode;
  private final double ratePerSecond;
  private final Duration duration;
  private final String maxErrorRate;
  private final String maxP95;

  SimulationSize(int nodes, int connectionsPerNode, double ratePerSecond, Duration duration, String maxErrorRate,
      String maxP95) {
    this.nodes = nodes;
    this.connectionsPerNode = connectionsPerNode;
    this.ratePerSecond = ratePerSecond;
    this.duration = duration;
    this.maxErrorRate = maxErrorRate;
    this.maxP95 = maxP95;
  }

  /** The size called {@code name}, in any case. */
  public static SimulationSize named(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidConfigurationException("sim.size", "unknown size '" + name + "' (sizes: "
          + String.join(", ", Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }
  }

  /** A builder with this size's settings and criteria, ready to change further. */
  public Simulation.Builder builder() {
    return Simulation.builder(name().toLowerCase(Locale.ROOT))
        .nodes(nodes)
        .connectionsPerNode(connectionsPerNode)
        .rate(ratePerSecond)
        .duration(duration)
        .link(LinkConditions.of(Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(15))))
        .criterion("delivery.error_rate < " + maxErrorRate)
        .criterion("delivery.p95 < " + maxP95);
  }
}
