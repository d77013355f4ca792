package dev.plimsoll.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Arrivals;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RatePlan;
import dev.plimsoll.core.Steering;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.runner.RunningTest;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distributed run steered while it goes: three workers, each its own actor system in this JVM,
 * on loopback, against a real nginx. The coordinator's change reaches every worker ahead of its
 * moment, each applies it there, and the merged counts are exactly the plan steered at that moment.
 */
@Timeout(90)
class ClusterSteerTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  /** The arrivals one process would start: the constant rate's plan, changed at the change's moment. */
  private static long planned(double rate, Duration length, ProfileChange change) {
    RatePlan plan = OpenModel.rate(rate).profile().plan(length)
        .withRateFrom(change.at().toNanos() / 1e9, change.to());
    DoubleSupplier times = plan.arrivalTimes(Arrivals.UNIFORM, 0);
    long count = 0;
    for (double t = times.getAsDouble(); !Double.isNaN(t) && t < length.toNanos() / 1e9; t = times.getAsDouble()) {
      count++;
    }
    return count;
  }

  @Test
  void aRateChangeMidRunReachesEveryWorkerAndTheMergedCountsAreThePlanSteered(@TempDir Path dir) throws Exception {
    Path file = ClusterRunTest.scenario(dir, nginx.url(0, ""), "100/s", "4s");
    List<String> notices = new CopyOnWriteArrayList<>();
    List<ProfileChange> told = new CopyOnWriteArrayList<>();
    try (Coordinator coordinator = Coordinator.builder(new ClusterAddress("127.0.0.1", 0)).workers(3)
            .waitForWorkers(Duration.ofSeconds(30)).startDelay(Duration.ofMillis(1500)).notices(notices::add).start();
        ClusterRunTest.Workers workers = ClusterRunTest.Workers.start(3, coordinator.address())) {
      long before = nginx.requests(0);
      RunningTest running = coordinator.runner(file, Overrides.none(), Map.of())
          .listener(new dev.plimsoll.core.RunListener() {
            @Override
            public void profileChanged(ProfileChange change) {
              told.add(change);
            }
          })
          .resultsDirectory(dir.resolve("out")).build().start();
      Steering steering = running.steering();
      assertThat(steering.knobs()).containsExactly(new Steering.Knob("shop", ProfileChange.Setting.RATE, 100));
      // Bounded: the run lasts 4 s from a start 1.5 s ahead.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (running.elapsed().compareTo(Duration.ofMillis(1200)) < 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      ProfileChange change = steering.setRate("shop", 250, "test");
      RunResult result = running.result().get(30, TimeUnit.SECONDS);
      long served = nginx.requests(0) - before - 1;

      // Made now, in effect the change lead later, the same moment on every worker.
      assertThat(change.at()).isBetween(Duration.ofMillis(1200).plus(Coordinator.CHANGE_LEAD), Duration.ofSeconds(3));
      assertThat(change.from()).isEqualTo(100);
      assertThat(result.profileChanges()).containsExactly(change);
      assertThat(told).containsExactly(change);
      assertThat(notices).noneMatch(n -> n.contains("could not change"));
      long planned = planned(100, Duration.ofSeconds(4), change);
      assertThat(planned).isBetween(400L + 150 * 2, 400L + 150 * 3);
      assertThat(result.status()).as(result.verdicts().toString()).isEqualTo(RunStatus.PASSED);
      // On a starved machine an arrival due at the stop may be counted as dropped instead: still counted.
      assertThat(result.total().started() + result.total().dropped()).isEqualTo(planned);
      assertThat(result.total().dropped()).isLessThanOrEqualTo(6);
      assertThat(result.total().failed()).isZero();
      assertThat(served).as("nginx's own count").isEqualTo(result.total().started());
      // The mix stays exact across the fleet: three home to one order.
      long home = result.operation("home").orElseThrow().started() + result.operation("home").orElseThrow().dropped();
      assertThat(home).isBetween(planned * 3 / 4, (planned * 3 + 3) / 4);
      // Each worker ran its third of the arrivals, to within the one the split rounds.
      FleetReport fleet = coordinator.fleet().orElseThrow();
      assertThat(fleet.workers()).hasSize(3).allSatisfy(w -> {
        assertThat(w.lost()).isFalse();
        assertThat((double) (w.completed() + w.dropped())).isBetween(planned / 3.0 - 1, planned / 3.0 + 1);
      });
    }
  }
}
