package dev.plimsoll.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.cluster.FleetReport;
import dev.plimsoll.cluster.WorkerReport;
import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.result.ResultSection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each worker's start against the planned instant, and the spread between them, both in the fleet's report. */
class FleetStartTest {
  private static final Instant PLANNED = Instant.parse("2026-11-30T12:00:00Z");

  private static Fleet<String> fleet(String... workers) {
    List<String> names = List.of(workers);
    Fleet<String> fleet = new Fleet<>(names, names.stream().map(n -> "127.0.0.1:" + n).toList(),
        LoadSegment.split(names.size()));
    fleet.plannedStart(PLANNED);
    return fleet;
  }

  @Test
  void workersThatAllBeginLateHaveLittleSkewButEachOnesLatenessIsReportedAndSaid() {
    Fleet<String> fleet = fleet("1", "2", "3");
    List<String> notices = new ArrayList<>();
    fleet.started("1", PLANNED.plusMillis(920), notices::add);
    fleet.started("2", PLANNED.plusMillis(950), notices::add);
    fleet.started("3", PLANNED.plusMillis(970), notices::add);

    FleetReport report = fleet.report();

    assertThat(report.startSkew()).isEqualTo(Duration.ofMillis(50));
    assertThat(report.startLateness()).contains(Duration.ofMillis(970));
    assertThat(report.workers()).extracting(WorkerReport::startSkew)
        .containsExactly(Duration.ofMillis(920), Duration.ofMillis(950), Duration.ofMillis(970));
    assertThat(notices).hasSize(3).first().isEqualTo(
        "worker 127.0.0.1:1 (?, 1 of 3) began its load 920.0 ms after the planned start; the result lists every worker's start");
    ResultSection section = report.section();
    assertThat(section.data("startSkewS")).isEqualTo(0.05);
    assertThat(section.data("startLatenessS")).isEqualTo(0.97);
    assertThat(((List<?>) section.data("workers")).stream().map(w -> (Object) ((Map<?, ?>) w).get("startSkewS")).toList())
        .containsExactly((Object) 0.92, 0.95, 0.97);
    assertThat(section.facts()).anySatisfy(f -> {
      assertThat(f.name()).isEqualTo("start skew");
      assertThat(f.value()).isEqualTo("50.0 ms from the first worker to begin to the last; "
          + "the last began +970.0 ms from the planned start");
    });
    assertThat(section.facts()).anySatisfy(f -> assertThat(f.value()).contains("began +920.0 ms from the planned start"));
  }

  @Test
  void workersOnTimeAreNotCalledLate() {
    Fleet<String> fleet = fleet("1", "2");
    List<String> notices = new ArrayList<>();
    fleet.started("1", PLANNED.plusNanos(400_000), notices::add);
    fleet.started("2", PLANNED.plus(Fleet.LATE_START), notices::add);

    assertThat(notices).isEmpty();
    assertThat(fleet.report().startLateness()).contains(Fleet.LATE_START);
  }

  @Test
  void aWorkerThatNeverBeganIsSaidToHaveNeverBegunAndTheReportStillRenders() {
    Fleet<String> fleet = fleet("1", "2");
    fleet.started("1", PLANNED.plusMillis(3), s -> {});
    fleet.lose("2", PLANNED.minusMillis(500), 0);

    FleetReport report = fleet.report();
    ResultSection section = report.section();

    assertThat(report.workers().get(1).startSkew()).isNull();
    assertThat(report.startSkew()).isZero();
    assertThat(report.startLateness()).contains(Duration.ofMillis(3));
    assertThat(((List<?>) section.data("workers")).stream().map(w -> (Object) ((Map<?, ?>) w).get("startSkewS")).toList())
        .containsExactly((Object) 0.003, null);
    assertThat(section.facts()).anySatisfy(f -> assertThat(f.value()).contains("never began"));
  }
}
