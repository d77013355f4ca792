package dev.plimsoll.sim;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runs() {
    long t0 = System.nanoTime();
    SimResult r = Simulation.preset("small").duration(Duration.ofSeconds(20)).deterministic(true).build().run();
    System.out.println("wall " + (System.nanoTime() - t0) / 1e6 + " ms");
    r.describe().forEach(System.out::println);
    System.out.println(r.run().status() + " " + r.run().verdicts());
    r.run().operations().forEach(o -> System.out.println(o.name() + " " + o.completed() + " " + o.failed() + " p95 " + o.responseTime().stats().p95Ms()));
  }
}
