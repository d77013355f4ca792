package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryGrowthTest {

  private static final long MB = 1024 * 1024;

  @Test
  void slopeOfAnExactLine() {
    // +5 MB every 30 s is 10 MB per minute.
    double growth = MemoryGrowth.mbPerMinute(
        new double[] {0, 30, 60}, new long[] {100 * MB, 105 * MB, 110 * MB});

    assertThat(growth).isCloseTo(10, within(1e-9));
  }

  @Test
  void leastSquaresSlopeComputedByHand() {
    // x = 0..3 s, y = 1, 3, 2, 5 MB: Sxx = 5, Sxy = 5.5, slope 1.1 MB/s = 66 MB/min.
    double growth = MemoryGrowth.mbPerMinute(
        new double[] {0, 1, 2, 3}, new long[] {MB, 3 * MB, 2 * MB, 5 * MB});

    assertThat(growth).isCloseTo(66, within(1e-9));
  }

  @Test
  void shrinkingMemoryHasANegativeSlope() {
    double growth = MemoryGrowth.mbPerMinute(new double[] {0, 60}, new long[] {200 * MB, 150 * MB});

    assertThat(growth).isCloseTo(-50, within(1e-9));
  }

  @Test
  void noisyLineKeepsItsSlope() {
    Random random = new Random(42);
    double[] seconds = new double[600];
    long[] bytes = new long[600];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = i;
      double mb = 500 + i * 10 / 60.0 + (random.nextDouble() - 0.5) * 10; // ±5 MB noise
      bytes[i] = (long) (mb * MB);
    }

    assertThat(MemoryGrowth.mbPerMinute(seconds, bytes)).isCloseTo(10, within(0.3));
  }

  @Test
  void tooFewPointsOrNoTimeSpreadIsZero() {
    assertThat(MemoryGrowth.mbPerMinute(new double[0], new long[0])).isZero();
    assertThat(MemoryGrowth.mbPerMinute(new double[] {5}, new long[] {MB})).isZero();
    assertThat(MemoryGrowth.mbPerMinute(new double[] {5, 5}, new long[] {MB, 9 * MB})).isZero();
    assertThat(MemoryGrowth.lowerEnvelopeMbPerMinute(new double[0], new long[0])).isZero();
  }

  @Test
  void mismatchedArraysAreRejected() {
    assertThatThrownBy(() -> MemoryGrowth.mbPerMinute(new double[2], new long[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seconds and bytes differ in length: 2 and 3");
  }

  @Test
  void envelopeOfASteadySawtoothIsFlat() {
    // Collected back to 100 MB every 5 s, climbing 50 MB a second in between, for 62 s: the raw
    // slope depends on where the run stops, the troughs do not.
    double[] seconds = new double[62];
    long[] bytes = new long[62];
    for (int t = 1; t <= 62; t++) {
      seconds[t - 1] = t;
      bytes[t - 1] = (100 + (t % 5) * 50) * MB;
    }

    assertThat(MemoryGrowth.lowerEnvelopeMbPerMinute(seconds, bytes)).isCloseTo(0, within(1e-9));
    assertThat(Math.abs(MemoryGrowth.mbPerMinute(seconds, bytes))).isGreaterThan(1);
  }

  @Test
  void envelopeOfALeakingSawtoothFollowsTheTroughs() {
    // Troughs climb 10 MB per minute under a 200 MB sawtooth.
    double[] seconds = new double[120];
    long[] bytes = new long[120];
    for (int t = 1; t <= 120; t++) {
      seconds[t - 1] = t;
      bytes[t - 1] = (long) ((100 + t * 10 / 60.0 + (t % 5) * 50) * MB);
    }

    assertThat(MemoryGrowth.lowerEnvelopeMbPerMinute(seconds, bytes)).isCloseTo(10, within(0.01));
  }

  @Test
  void envelopeOfFewPointsIsThePlainSlope() {
    double[] seconds = {0, 1, 2, 3};
    long[] bytes = {MB, 3 * MB, 2 * MB, 5 * MB};

    assertThat(MemoryGrowth.lowerEnvelopeMbPerMinute(seconds, bytes))
        .isEqualTo(MemoryGrowth.mbPerMinute(seconds, bytes));
  }
}
