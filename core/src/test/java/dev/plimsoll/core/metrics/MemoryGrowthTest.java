package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryGrowthTest {

  private static final long MB = 1024 * 1024;
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant END = T0.plusSeconds(600);

  private static HeapAfterGc young(double second, double mb) {
    return new HeapAfterGc(T0.plusMillis(Math.round(second * 1000)), Math.round(mb * MB), false);
  }

  private static HeapAfterGc full(double second, double mb) {
    return new HeapAfterGc(T0.plusMillis(Math.round(second * 1000)), Math.round(mb * MB), true);
  }

  @Test
  void aSteadyClimbIsMeasuredWithAnIntervalAroundIt() {
    Random random = new Random(3);
    List<HeapAfterGc> readings = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      readings.add(young(i * 5, 100 + i * 5 / 60.0 * 12 + random.nextGaussian()));
    }

    MemoryGrowth growth = MemoryGrowth.of(readings, T0, END);

    assertThat(growth.judgeable()).isTrue();
    assertThat(growth.basis()).isEqualTo(MemoryGrowth.Basis.AFTER_ANY_COLLECTION);
    assertThat(growth.collections()).isEqualTo(60);
    assertThat(growth.span()).isEqualTo(Duration.ofSeconds(295));
    assertThat(growth.lowerMbPerMinute()).isLessThan(12).isGreaterThan(10);
    assertThat(growth.upperMbPerMinute()).isGreaterThan(12).isLessThan(14);
  }

  @Test
  void readingsOutsideTheWindowAreLeftOut() {
    // A warm-up's climb (before 100 s) and a drain's (after 400 s) do not count.
    List<HeapAfterGc> readings = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      readings.add(young(i, 10 + i));
    }
    for (int i = 100; i <= 400; i += 10) {
      readings.add(young(i, 200 + (i % 20 == 0 ? 1 : -1)));
    }
    readings.add(young(450, 900));

    MemoryGrowth growth = MemoryGrowth.of(readings, T0.plusSeconds(100), T0.plusSeconds(400));

    assertThat(growth.collections()).isEqualTo(31);
    assertThat(growth.mbPerMinute()).isCloseTo(0, within(0.1));
  }

  @Test
  void collectionsOfTheWholeHeapDecideWhenThereAreEnough() {
    // Young collections leave promoted garbage that climbs; full ones show the live heap flat.
    List<HeapAfterGc> readings = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      readings.add(young(i, 100 + (i % 20) * 2));
    }
    for (int i = 0; i < 6; i++) {
      readings.add(full(i * 20 + 19.5, 100));
    }

    MemoryGrowth growth = MemoryGrowth.of(readings, T0, END);

    assertThat(growth.basis()).isEqualTo(MemoryGrowth.Basis.WHOLE_HEAP);
    assertThat(growth.collections()).isEqualTo(6);
    assertThat(growth.mbPerMinute()).isCloseTo(0, within(1e-9));
  }

  @Test
  void tooFewWholeHeapReadingsFallBackToEveryCollection() {
    List<HeapAfterGc> readings = List.of(young(0, 100), full(10, 90), young(20, 100), young(30, 100),
        young(40, 100));

    MemoryGrowth growth = MemoryGrowth.of(readings, T0, END);

    assertThat(growth.basis()).isEqualTo(MemoryGrowth.Basis.AFTER_ANY_COLLECTION);
    assertThat(growth.collections()).isEqualTo(5);
  }

  /** The case: a few collections in a short run look like tens of MB a minute. */
  @Test
  void aShortRunIsTooShortToJudgeHoweverSteepItLooks() {
    List<HeapAfterGc> readings = List.of(young(1, 10), young(4, 12), young(8, 14), young(12, 16),
        young(16, 18), young(19, 19));

    MemoryGrowth growth = MemoryGrowth.of(readings, T0, END);

    assertThat(growth.mbPerMinute()).isGreaterThan(25);
    assertThat(growth.judgeable()).isFalse();
  }

  @Test
  void fewCollectionsOverALongTimeAreTooFewToJudge() {
    List<HeapAfterGc> readings = List.of(young(0, 10), young(100, 12), young(200, 14), young(300, 16));

    MemoryGrowth growth = MemoryGrowth.of(readings, T0, END);

    assertThat(growth.judgeable()).isFalse();
  }

  @Test
  void noCollectionIsNone() {
    assertThat(MemoryGrowth.of(List.of(), T0, END)).isEqualTo(MemoryGrowth.NONE);
    assertThat(MemoryGrowth.of(List.of(young(700, 1)), T0, END)).isEqualTo(MemoryGrowth.NONE);
    assertThat(MemoryGrowth.NONE.judgeable()).isFalse();
  }

  @Test
  void aSlopeFromAnOlderResultIsShownAsItWas() {
    MemoryGrowth old = MemoryGrowth.unrecorded(0.325);

    assertThat(old.judgeable()).isFalse();
    assertThat(old.mbPerMinute()).isEqualTo(0.325);
    assertThat(old.basis()).isEqualTo(MemoryGrowth.Basis.UNRECORDED);
  }
}
