package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same simulation at growing sizes. */
class ScaleSweepTest {

  @Test
  void sizesDoubleFromTwoUpToTheSimulationsOwn() {
    assertThat(ScaleSweep.sizes(2)).containsExactly(2);
    assertThat(ScaleSweep.sizes(8)).containsExactly(2, 4, 8);
    assertThat(ScaleSweep.sizes(100)).containsExactly(2, 4, 8, 16, 32, 64, 100);
  }

  @Test
  void everySizeIsMeasuredWithoutTheFaults() {
    List<ScaleSweep.Point> told = new ArrayList<>();
    Simulation base = Simulation.builder("sweep").nodes(12).connectionsPerNode(4).rate(200)
        .duration(Duration.ofSeconds(5)).deterministic(true)
        .fault(Fault.crash(6, Duration.ofSeconds(1))).build();
    List<ScaleSweep.Point> points = ScaleSweep.run(base, told::add);
    assertThat(points).extracting(ScaleSweep.Point::nodes).containsExactly(2, 4, 8, 12);
    assertThat(told).isEqualTo(points);
    for (ScaleSweep.Point p : points) {
      assertThat(p.deliveredPerSecond()).isCloseTo(200, within(2.0));
      assertThat(p.errorRate()).isZero();
      assertThat(ScaleSweep.row(p)).startsWith(String.format("%7d", p.nodes()));
    }
  }
}
