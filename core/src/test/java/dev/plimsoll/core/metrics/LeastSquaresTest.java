package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  private static final double MB = 1024 * 1024;

  /** The slope of bytes over seconds, in MB per minute, as memory growth fits it. */
  private static double mbPerMinute(double[] seconds, long[] bytes) {
    double[] mb = new double[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      mb[i] = bytes[i] / MB;
    }
    return LeastSquares.fit(seconds, mb).slope() * 60;
  }

  @Test
  void slopeOfAnExactLine() {
    // +5 MB every 30 s is 10 MB per minute.
    double growth = mbPerMinute(new double[] {0, 30, 60}, new long[] {100L << 20, 105L << 20, 110L << 20});

    assertThat(growth).isCloseTo(10, within(1e-9));
  }

  @Test
  void anExactLineHasNoMargin() {
    LeastSquares.Fit fit = LeastSquares.fit(new double[] {0, 1, 2}, new double[] {1, 3, 5});

    assertThat(fit.slope()).isCloseTo(2, within(1e-12));
    assertThat(fit.margin()).isCloseTo(0, within(1e-12));
  }

  @Test
  void leastSquaresSlopeAndMarginComputedByHand() {
    // x = 0..3, y = 1, 3, 2, 5: Sxx = 5, Sxy = 5.5, slope 1.1; residuals -0.1, 0.8, -1.3, 0.6
    // (sum of squares 2.7), so the slope's standard error is sqrt(2.7 / 2 / 5) and the margin
    // t(0.975, 2) = 4.3027 times that.
    LeastSquares.Fit fit = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5});

    assertThat(fit.slope()).isCloseTo(1.1, within(1e-12));
    assertThat(fit.margin()).isCloseTo(4.3027 * Math.sqrt(0.27), within(1e-9));
    assertThat(fit.points()).isEqualTo(4);
  }

  @Test
  void shrinkingMemoryHasANegativeSlope() {
    double growth = mbPerMinute(new double[] {0, 60}, new long[] {200L << 20, 150L << 20});

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

    assertThat(mbPerMinute(seconds, bytes)).isCloseTo(10, within(0.3));
  }

  /** The interval is a 95 % one: over many noisy lines it holds the true slope 95 times in 100. */
  @Test
  void theIntervalCoversTheTrueSlopeNineteenTimesInTwenty() {
    Random random = new Random(7);
    int trials = 4000;
    int covered = 0;
    for (int trial = 0; trial < trials; trial++) {
      int n = 5 + trial % 20; // few points too, where t's tails matter
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i * 3.0;
        y[i] = 100 + 0.5 * x[i] + random.nextGaussian() * 4;
      }
      LeastSquares.Fit fit = LeastSquares.fit(x, y);
      if (Math.abs(fit.slope() - 0.5) <= fit.margin()) {
        covered++;
      }
    }

    assertThat(covered / (double) trials).isBetween(0.935, 0.965);
  }

  @Test
  void tooFewPointsOrNoTimeSpreadHaveNoSlope() {
    assertThat(LeastSquares.fit(new double[0], new double[0]).slope()).isNaN();
    assertThat(LeastSquares.fit(new double[] {5}, new double[] {1}).slope()).isNaN();
    assertThat(LeastSquares.fit(new double[] {5, 5}, new double[] {1, 9}).slope()).isNaN();
    LeastSquares.Fit two = LeastSquares.fit(new double[] {0, 1}, new double[] {1, 2});
    assertThat(two.slope()).isEqualTo(1.0);
    assertThat(two.margin()).as("no degrees of freedom for the scatter").isNaN();
  }

  @Test
  void mismatchedArraysAreRejected() {
    assertThatThrownBy(() -> LeastSquares.fit(new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y differ in length: 2 and 3");
  }

  @Test
  void studentsQuantilesMatchTheTableAndTheExpansionJoinsIt() {
    assertThat(LeastSquares.t975(1)).isEqualTo(12.7062);
    assertThat(LeastSquares.t975(30)).isEqualTo(2.0423);
    // Exact values: 2.0395134 (31), 2.0002978 (60), 1.9623391 (1000).
    assertThat(LeastSquares.t975(31)).isCloseTo(2.0395134, within(1e-6));
    assertThat(LeastSquares.t975(60)).isCloseTo(2.0002978, within(1e-6));
    assertThat(LeastSquares.t975(1000)).isCloseTo(1.9623391, within(1e-6));
    assertThatThrownBy(() -> LeastSquares.t975(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
