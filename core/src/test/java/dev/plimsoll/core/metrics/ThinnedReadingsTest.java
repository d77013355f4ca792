package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinnedReadingsTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static HeapAfterGc at(long second) {
    return new HeapAfterGc(T0.plusSeconds(second), second, false);
  }

  @Test
  void keepsEveryReadingUpToTheMaximum() {
    ThinnedReadings readings = new ThinnedReadings();
    for (int i = 0; i < ThinnedReadings.MAX; i++) {
      readings.add(at(i));
    }

    assertThat(readings.list()).hasSize(ThinnedReadings.MAX);
  }

  @Test
  void beyondItKeepsAnEvenSpreadOverTheWholeRun() {
    ThinnedReadings readings = new ThinnedReadings();
    int offered = ThinnedReadings.MAX * 5 + 3;
    for (int i = 0; i < offered; i++) {
      readings.add(at(i));
    }

    List<HeapAfterGc> kept = readings.list();
    assertThat(kept.size()).isBetween(ThinnedReadings.MAX / 2, ThinnedReadings.MAX);
    assertThat(kept.get(0).bytes()).isZero();
    assertThat(kept.get(kept.size() - 1).bytes()).as("the run's end is kept").isGreaterThan(offered - 9);
    for (int i = 1; i < kept.size(); i++) {
      assertThat(kept.get(i).bytes() - kept.get(i - 1).bytes()).as("evenly spaced").isEqualTo(8);
    }
  }
}
