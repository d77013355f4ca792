package dev.plimsoll.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalBoundariesTest {
  private static final long MS = 1_000_000;

  /** Every boundary of a run, in milliseconds from its start. */
  private static List<Long> boundaries(long startNanos, long warmUpMs, long durationMs, long intervalMs) {
    IntervalBoundaries b = new IntervalBoundaries(startNanos, warmUpMs * MS, durationMs * MS, intervalMs * MS);
    List<Long> all = new ArrayList<>();
    long at = startNanos;
    while (at < startNanos + durationMs * MS) {
      at = b.next(at);
      all.add((at - startNanos) / MS);
    }
    return all;
  }

  @Test
  void wholeIntervalsFromTheStartThenTheEnd() {
    assertThat(boundaries(0, 0, 3500, 1000)).containsExactly(1000L, 2000L, 3000L, 3500L);
  }

  @Test
  void theWarmUpEndsAnIntervalAndIntervalsCountFromIt() {
    assertThat(boundaries(0, 1500, 3000, 400))
        .containsExactly(400L, 800L, 1200L, 1500L, 1900L, 2300L, 2700L, 3000L);
  }

  @Test
  void theClockOriginDoesNotMatter() {
    long origin = -7_123_456_789L;
    assertThat(boundaries(origin, 1500, 3000, 400)).isEqualTo(boundaries(0, 1500, 3000, 400));
  }

  @Test
  void aLateCollectorSkipsToTheNextBoundaryWithoutDrifting() {
    IntervalBoundaries b = new IntervalBoundaries(0, 0, 10_000 * MS, 1000 * MS);
    // Woken 1.3 s in (a long pause), the collector's next boundary is still on the grid.
    assertThat(b.next(1300 * MS)).isEqualTo(2000 * MS);
    assertThat(b.next(2000 * MS)).isEqualTo(3000 * MS);
  }

  @Test
  void intervalsEndingByTheWarmUpsEndAreWarmUp() {
    IntervalBoundaries b = new IntervalBoundaries(0, 1500 * MS, 3000 * MS, 400 * MS);
    assertThat(b.inWarmUp(1200 * MS)).isTrue();
    assertThat(b.inWarmUp(1500 * MS)).isTrue();
    assertThat(b.inWarmUp(1900 * MS)).isFalse();
    assertThat(new IntervalBoundaries(0, 0, 3000 * MS, 400 * MS).inWarmUp(0)).isFalse();
  }

  @Test
  void aRunMustOutlastItsWarmUp() {
    assertThatThrownBy(() -> new IntervalBoundaries(0, 2000 * MS, 2000 * MS, 400 * MS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
