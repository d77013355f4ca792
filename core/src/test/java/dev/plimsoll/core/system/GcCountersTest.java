package dev.plimsoll.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcCountersTest {

  @Test
  void stopTheWorldCollectorsCountBoth() {
    GcCounters total = GcCounters.total(List.of(
        new GcCounters("G1 Young Generation", 7, 33),
        new GcCounters("G1 Old Generation", 1, 36)));

    assertThat(total.count()).isEqualTo(8);
    assertThat(total.timeMs()).isEqualTo(69);
  }

  @Test
  void g1ConcurrentBeanAddsPauseTimeOnly() {
    GcCounters total = GcCounters.total(List.of(
        new GcCounters("G1 Young Generation", 7, 33),
        new GcCounters("G1 Concurrent GC", 4, 5)));

    assertThat(total.count()).isEqualTo(7);
    assertThat(total.timeMs()).isEqualTo(38);
  }

  @Test
  void zgcCountsCyclesAndTimesPauses() {
    GcCounters total = GcCounters.total(List.of(
        new GcCounters("ZGC Minor Cycles", 10, 400),
        new GcCounters("ZGC Minor Pauses", 30, 2),
        new GcCounters("ZGC Major Cycles", 3, 640),
        new GcCounters("ZGC Major Pauses", 18, 1)));

    assertThat(total.count()).isEqualTo(13);
    assertThat(total.timeMs()).isEqualTo(3);
  }

  @Test
  void shenandoahCountsCyclesAndTimesPauses() {
    GcCounters total = GcCounters.total(List.of(
        new GcCounters("Shenandoah Pauses", 4, 1),
        new GcCounters("Shenandoah Cycles", 2, 24)));

    assertThat(total.count()).isEqualTo(2);
    assertThat(total.timeMs()).isEqualTo(1);
  }

  @Test
  void undefinedCountersAreSkippedAndNoneKnownIsUnknown() {
    assertThat(GcCounters.total(List.of(new GcCounters("Copy", -1, 5), new GcCounters("X", 2, -1))))
        .isEqualTo(new GcCounters("total", 2, 5));
    assertThat(GcCounters.total(List.of())).isEqualTo(new GcCounters("total", -1, -1));
  }
}
