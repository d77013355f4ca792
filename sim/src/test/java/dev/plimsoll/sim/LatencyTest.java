package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.InvalidConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each latency distribution, sampled, against its settings (tolerances of several standard errors). */
class LatencyTest {
  private static final int N = 200_000;

  private static double[] samplesMs(Latency latency) {
    SplittableRandom random = new SplittableRandom(1);
    double[] s = new double[N];
    for (int i = 0; i < N; i++) {
      s[i] = latency.sampleNanos(random) / 1e6;
    }
    Arrays.sort(s);
    return s;
  }

  private static double mean(double[] s) {
    return Arrays.stream(s).average().orElseThrow();
  }

  private static double sd(double[] s) {
    double m = mean(s);
    return Math.sqrt(Arrays.stream(s).map(x -> (x - m) * (x - m)).sum() / (s.length - 1));
  }

  @Test
  void constantIsExact() {
    double[] s = samplesMs(Latency.constant(Duration.ofMillis(10)));
    assertThat(s[0]).isEqualTo(10.0);
    assertThat(s[N - 1]).isEqualTo(10.0);
  }

  @Test
  void uniformSpreadsEvenlyBetweenItsBounds() {
    double[] s = samplesMs(Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(15)));
    assertThat(s[0]).isGreaterThanOrEqualTo(5.0);
    assertThat(s[N - 1]).isLessThanOrEqualTo(15.0);
    assertThat(mean(s)).isCloseTo(10.0, within(0.05));
    assertThat(s[N / 4]).isCloseTo(7.5, within(0.1));
  }

  @Test
  void normalHasItsMeanAndDeviation() {
    double[] s = samplesMs(Latency.normal(Duration.ofMillis(20), Duration.ofMillis(5)));
    assertThat(mean(s)).isCloseTo(20.0, within(0.05));
    assertThat(sd(s)).isCloseTo(5.0, within(0.05));
  }

  @Test
  void exponentialHasItsMeanAndMedian() {
    double[] s = samplesMs(Latency.exponential(Duration.ofMillis(10)));
    assertThat(mean(s)).isCloseTo(10.0, within(0.1));
    assertThat(s[N / 2]).isCloseTo(10 * Math.log(2), within(0.1));
  }

  @Test
  void paretoHasItsScaleAndLongTail() {
    double[] s = samplesMs(Latency.pareto(Duration.ofMillis(5), 2.5));
    assertThat(s[0]).isGreaterThanOrEqualTo(5.0);
    assertThat(mean(s)).isCloseTo(5 * 2.5 / 1.5, within(0.1));
    // P(X > x) = (5/x)^2.5: the 99th percentile is 5 * 100^(1/2.5).
    assertThat(s[(int) (N * 0.99)]).isCloseTo(5 * Math.pow(100, 1 / 2.5), within(1.0));
  }

  @Test
  void textFormsReadBack() {
    assertThat(Latency.parse("10ms")).isEqualTo(Latency.constant(Duration.ofMillis(10)));
    for (Latency l : new Latency[] {
        Latency.constant(Duration.ofMillis(3)),
        Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(15)),
        Latency.normal(Duration.ofMillis(20), Duration.ofMillis(5)),
        Latency.exponential(Duration.ofMillis(10)),
        Latency.pareto(Duration.ofMillis(5), 1.5)}) {
      assertThat(Latency.parse(l.describe())).isEqualTo(l);
    }
    assertThat(Latency.parse(" Uniform( 5ms , 15ms ) ")).isEqualTo(Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(15)));
  }

  @Test
  void badTextSaysWhatIsAccepted() {
    assertThatThrownBy(() -> Latency.parse("gauss(5ms)"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("latency: cannot read 'gauss(5ms)' (forms: " + Latency.FORMS + ")");
    assertThatThrownBy(() -> Latency.parse("uniform(15ms,5ms)"))
        .hasMessage("latency.max: must be >= min 15ms (was 5ms)");
    assertThatThrownBy(() -> Latency.parse("pareto(5ms,0)"))
        .hasMessage("latency.shape: must be > 0 (was 0.0)");
  }
}
