package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixTest {

  private static Mix mixOf(int... weights) {
    Mix.Builder b = Mix.builder();
    for (int i = 0; i < weights.length; i++) {
      b.add("op" + i, weights[i], ctx -> {});
    }
    return b.build();
  }

  /** After every prefix of N picks, each count is within (N·share − 1, N·share + 1). */
  private static double worstDeviation(Mix mix, int[] weights, int picks) {
    long total = 0;
    for (int w : weights) {
      total += w;
    }
    long[] counts = new long[weights.length];
    double worst = 0;
    for (int n = 1; n <= picks; n++) {
      counts[mix.pick(n - 1)]++;
      for (int i = 0; i < weights.length; i++) {
        worst = Math.max(worst, Math.abs(counts[i] - (double) n * weights[i] / total));
      }
    }
    return worst;
  }

  @Test
  void countsNeverDriftByAWholePick_forRandomWeights() {
    SplittableRandom random = new SplittableRandom(7);
    int[] choices = {1, 1, 2, 3, 5, 10, 100, 917, 963};
    for (int trial = 0; trial < 400; trial++) {
      int[] weights = new int[random.nextInt(2, 12)];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = random.nextInt(4) == 0 ? random.nextInt(1, 1000) : choices[random.nextInt(choices.length)];
      }
      Mix mix = mixOf(weights);
      assertThat(worstDeviation(mix, weights, 2 * mix.period() + 17))
          .as("weights %s", java.util.Arrays.toString(weights))
          .isLessThan(1.0);
    }
  }

  @Test
  void theCaseSmoothRoundRobinGetsWrongIsExact() {
    int[] weights = {1, 1, 963, 1, 1, 1, 917, 1, 100, 1, 5, 1};
    assertThat(worstDeviation(mixOf(weights), weights, 5000)).isLessThan(1.0);
  }

  @Test
  void weightsAreReducedByTheirCommonDivisor() {
    assertThat(mixOf(30, 10).period()).isEqualTo(4);
  }

  @Test
  void zeroWeightOperationsAreNeverPicked() {
    Mix mix = mixOf(0, 3);
    for (int n = 0; n < 10; n++) {
      assertThat(mix.pick(n)).isEqualTo(1);
    }
  }

  @Test
  void anEmptyMixIsRejected() {
    assertThatThrownBy(() -> Mix.builder().build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("mix")
        .hasMessageContaining("empty");
  }

  @Test
  void weightsSummingToZeroAreRejected() {
    assertThatThrownBy(() -> mixOf(0, 0))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("weights sum to 0");
  }

  @Test
  void negativeWeightNamesTheOperation() {
    assertThatThrownBy(() -> Mix.builder().add("buy", -1, ctx -> {}).build())
        .hasMessageContaining("mix.buy.weight")
        .hasMessageContaining("-1");
  }

  @Test
  void duplicateAndInvalidNamesAreRejected() {
    assertThatThrownBy(() -> Mix.builder().add("a", ctx -> {}).add("a", ctx -> {}).build())
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> Mix.builder().add("9lives", ctx -> {}).build())
        .hasMessageContaining("not allowed");
  }
}
