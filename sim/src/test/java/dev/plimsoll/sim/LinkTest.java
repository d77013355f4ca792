package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One link's own behaviour, sample by sample. */
class LinkTest {

  private static double[] samples(LinkConditions conditions, int n) {
    Link link = new Link(0, 1, conditions);
    SplittableRandom random = new SplittableRandom(4);
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = link.latencyNanos(random) / 1e6;
    }
    return s;
  }

  private static double lagOneCorrelation(double[] s) {
    double mean = java.util.Arrays.stream(s).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (int i = 0; i < s.length; i++) {
      den += (s[i] - mean) * (s[i] - mean);
      if (i > 0) {
        num += (s[i] - mean) * (s[i - 1] - mean);
      }
    }
    return num / den;
  }

  @Test
  void correlatedLatencyComesInRunsAroundTheSameMean() {
    LinkConditions uniform = LinkConditions.of(Latency.uniform(Duration.ZERO, Duration.ofMillis(100)));
    double[] independent = samples(uniform, 200_000);
    double[] correlated = samples(uniform.correlation(0.9), 200_000);
    assertThat(lagOneCorrelation(independent)).isCloseTo(0.0, within(0.01));
    assertThat(lagOneCorrelation(correlated)).isCloseTo(0.9, within(0.01));
    assertThat(java.util.Arrays.stream(correlated).average().orElseThrow()).isCloseTo(50.0, within(1.0));
    assertThat(uniform.correlation(0.9).describe()).isEqualTo("uniform(0s,100ms) correlated 0.9, loss none");
  }
}
