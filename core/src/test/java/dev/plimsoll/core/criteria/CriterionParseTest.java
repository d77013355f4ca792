package dev.plimsoll.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.units.Units;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriterionParseTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '"', textBlock = """
      p95 < 25ms                | -      | P95                  | LESS             | 25
      error_rate < 0.1%         | -      | ERROR_RATE           | LESS             | 0.001
      error_rate < 0.001        | -      | ERROR_RATE           | LESS             | 0.001
      search.p99 < 100ms        | search | P99                  | LESS             | 100
      memory_growth < 10MB/min  | -      | MEMORY_GROWTH        | LESS             | 10
      memory_growth < 512KB/min | -      | MEMORY_GROWTH        | LESS             | 0.5
      memory_growth < 1GB/min   | -      | MEMORY_GROWTH        | LESS             | 1024
      throughput > 900/s        | -      | THROUGHPUT           | GREATER          | 900
      throughput > 600/min      | -      | THROUGHPUT           | GREATER          | 10
      throughput >= 95%         | -      | THROUGHPUT_OF_TARGET | GREATER_OR_EQUAL | 0.95
      throughput_of_target >= 0.9 | -    | THROUGHPUT_OF_TARGET | GREATER_OR_EQUAL | 0.9
      dropped == 0              | -      | DROPPED              | EQUAL            | 0
      checkout.dropped != 3     | checkout | DROPPED            | NOT_EQUAL        | 3
      cpu_avg < 70%             | -      | CPU_AVG              | LESS             | 0.7
      cpu_peak < 90%            | -      | CPU_PEAK             | LESS             | 0.9
      peak_rss < 512MB          | -      | PEAK_RSS             | LESS             | 536870912
      peak_rss < 2GB            | -      | PEAK_RSS             | LESS             | 2147483648
      peak_rss < 100KB          | -      | PEAK_RSS             | LESS             | 102400
      peak_rss < 4096B          | -      | PEAK_RSS             | LESS             | 4096
      service_p99 < 5ms         | -      | SERVICE_P99          | LESS             | 5
      service_p99.9 < 5ms       | -      | SERVICE_P99_9        | LESS             | 5
      p99.9 < 40ms              | -      | P99_9                | LESS             | 40
      search.p99.9 < 40ms       | search | P99_9                | LESS             | 40
      p99.99 <= 1s              | -      | P99_99               | LESS_OR_EQUAL    | 1000
      mean < 3ms                | -      | MEAN                 | LESS             | 3
      min > 250us               | -      | MIN                  | GREATER          | 0.25
      min > 250µs               | -      | MIN                  | GREATER          | 0.25
      min > 250μs               | -      | MIN                  | GREATER          | 0.25
      max < 2m                  | -      | MAX                  | LESS             | 120000
      p50 < 500000ns            | -      | P50                  | LESS             | 0.5
      p90 >= 1.5e1ms            | -      | P90                  | GREATER_OR_EQUAL | 15
      P95 < 25MS                | -      | P95                  | LESS             | 25
      get-user_2.p95 < .5ms     | get-user_2 | P95              | LESS             | 0.5
      """)
  void parses(String text, String scope, Metric metric, Comparison comparison, double threshold) {
    Criterion criterion = Criterion.parse(text);

    assertThat(criterion.source()).isEqualTo(text.strip());
    assertThat(criterion.scope()).isEqualTo(scope);
    assertThat(criterion.metric()).isEqualTo(metric);
    assertThat(criterion.comparison()).isEqualTo(comparison);
    assertThat(criterion.threshold()).isCloseTo(threshold, within(1e-12));
    assertThat(criterion.abortOnFail()).isFalse();
  }

  @Test
  void percentIsConvertedToTheSameDoubleAsTheMeasuredRate() {
    assertThat(Criterion.parse("error_rate <= 0.1%").threshold()).isEqualTo(1 / 1000.0);
  }

  @Test
  void toleratesWhitespaceAnywhereBetweenParts() {
    Criterion tight = Criterion.parse("search.p99<100ms");
    Criterion loose = Criterion.parse("  search.p99   <=   100 ms  ");

    assertThat(tight.scope()).isEqualTo("search");
    assertThat(tight.threshold()).isEqualTo(100);
    assertThat(loose.comparison()).isEqualTo(Comparison.LESS_OR_EQUAL);
    assertThat(loose.threshold()).isEqualTo(100);
    assertThat(Criterion.parse("memory_growth < 10 MB / min").threshold()).isEqualTo(10);
  }

  @Test
  void trailingAbortWordSetsAbortOnFail() {
    Criterion criterion = Criterion.parse("p99 < 100ms abort");

    assertThat(criterion.abortOnFail()).isTrue();
    assertThat(criterion.threshold()).isEqualTo(100);
    assertThat(Criterion.parse("dropped == 0   ABORT").abortOnFail()).isTrue();
  }

  @Test
  void withAbortOnFailCopiesEverythingElse() {
    Criterion criterion = Criterion.parse("search.p99 < 100ms");

    Criterion aborting = criterion.withAbortOnFail(true);

    assertThat(aborting.abortOnFail()).isTrue();
    assertThat(aborting.withAbortOnFail(false)).isEqualTo(criterion);
  }

  @Test
  void everyMetricTokenParses() {
    Stream.of(Metric.values())
        .forEach(metric -> assertThat(Criterion.parse(metric.token() + " >= " + sampleValue(metric)).metric())
            .as(metric.token())
            .isEqualTo(metric));
  }

  private static String sampleValue(Metric metric) {
    return switch (metric.unit()) {
      case "ms" -> "1ms";
      case "fraction" -> "0.5";
      case "ops/s" -> "1/s";
      case "count" -> "1";
      case "MB/min" -> "1MB/min";
      case "bytes" -> "1MB";
      default -> throw new AssertionError(metric.unit());
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      p95 25ms             | criterion 'p95 25ms': missing comparator (allowed: <, <=, >, >=, ==, !=)
      p95 => 25ms          | criterion 'p95 => 25ms': unknown comparator '=>' (allowed: <, <=, >, >=, ==, !=)
      p95 = 25ms           | criterion 'p95 = 25ms': unknown comparator '=' (allowed: <, <=, >, >=, ==, !=)
      p95 <                | criterion 'p95 <': missing value after '<'
      p95 < fast           | criterion 'p95 < fast': value 'fast' is not a number
      p95 < 25             | criterion 'p95 < 25': p95 needs a unit (allowed: ns, us, µs, ms, s, m)
      p95 < 25MB           | criterion 'p95 < 25MB': unit 'MB' does not fit p95 (allowed: ns, us, µs, ms, s, m)
      p95 < 25 hours       | criterion 'p95 < 25 hours': unit 'hours' does not fit p95 (allowed: ns, us, µs, ms, s, m)
      p95 < -5ms           | criterion 'p95 < -5ms': negative threshold '-5ms' (thresholds are 0 or more)
      throughput > 900     | criterion 'throughput > 900': throughput needs a unit (allowed: /s, /min, % (of the target rate))
      throughput > 9ms     | criterion 'throughput > 9ms': unit 'ms' does not fit throughput (allowed: /s, /min, % (of the target rate))
      error_rate < 1ms     | criterion 'error_rate < 1ms': unit 'ms' does not fit error_rate (allowed: % or a plain fraction)
      error_rate < 5       | criterion 'error_rate < 5': error_rate must be between 0 and 1 as a fraction, or 0% and 100%, was '5'
      cpu_avg < 120%       | criterion 'cpu_avg < 120%': cpu_avg must be between 0 and 1 as a fraction, or 0% and 100%, was '120%'
      dropped == 0%        | criterion 'dropped == 0%': dropped is a count and takes no unit, was '%'
      peak_rss < 512       | criterion 'peak_rss < 512': peak_rss needs a unit (allowed: B, KB, MB, GB)
      memory_growth < 10MB | criterion 'memory_growth < 10MB': unit 'MB' does not fit memory_growth (allowed: KB/min, MB/min, GB/min)
      search.cpu_avg < 50% | criterion 'search.cpu_avg < 50%': cpu_avg is measured for the whole run and takes no operation scope (remove 'search.')
      api.memory_growth < 1MB/min | criterion 'api.memory_growth < 1MB/min': memory_growth is measured for the whole run and takes no operation scope (remove 'api.')
      api.peak_rss < 1GB   | criterion 'api.peak_rss < 1GB': peak_rss is measured for the whole run and takes no operation scope (remove 'api.')
      api.throughput >= 95% | criterion 'api.throughput >= 95%': throughput as a percent of target is measured for the whole run and takes no operation scope (remove 'api.')
      9api.p95 < 5ms       | criterion '9api.p95 < 5ms': invalid operation name '9api' (expected [A-Za-z_][A-Za-z0-9_-]*)
      """)
  void rejectsWithAMessageNamingTheProblem(String text, String message) {
    assertThatThrownBy(() -> Criterion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static final String ALLOWED_METRICS = "min, mean, p50, p90, p95, p99, p99.9, p99.99, max,"
      + " service_min, service_mean, service_p50, service_p90, service_p95, service_p99,"
      + " service_p99.9, service_p99.99, service_max, error_rate, throughput, throughput_of_target,"
      + " dropped, cpu_avg, cpu_peak, memory_growth, peak_rss";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      p97 < 5ms        | unknown metric 'p97'
      search.p97 < 5ms | unknown metric 'p97'
      p99.9.9 < 5ms    | unknown metric '9.9'
      < 25ms           | missing metric before '<'
      """)
  void unknownOrMissingMetricListsEveryMetric(String text, String problem) {
    assertThatThrownBy(() -> Criterion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criterion '" + text + "': " + problem + " (allowed: " + ALLOWED_METRICS + ")");
  }

  @Test
  void rejectsEmptyText() {
    String expected = "criterion '': empty text (expected [operation.]metric comparator"
        + " value[unit], e.g. p95 < 25ms)";
    assertThatThrownBy(() -> Criterion.parse("")).hasMessage(expected);
    assertThatThrownBy(() -> Criterion.parse("   ")).hasMessage(expected);
  }

  @Test
  void constructorGuardsWhatParseGuards() {
    assertThatThrownBy(() -> new Criterion("x", "search", Metric.CPU_AVG, Comparison.LESS, 0.5, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpu_avg is measured for the whole run");
    assertThatThrownBy(() -> new Criterion("x", null, Metric.P95, Comparison.LESS, -1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be a finite number, 0 or more, was -1.0");
    assertThatThrownBy(() -> new Criterion("x", null, Metric.P95, Comparison.LESS, Double.NaN, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Criterion("x", "a.b", Metric.P95, Comparison.LESS, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a.b'");
  }

  @Test
  void metricUnitsAreCanonical() {
    assertThat(Metric.P99_9.unit()).isEqualTo("ms");
    assertThat(Metric.SERVICE_MAX.unit()).isEqualTo("ms");
    assertThat(Metric.ERROR_RATE.unit()).isEqualTo("fraction");
    assertThat(Metric.THROUGHPUT.unit()).isEqualTo("ops/s");
    assertThat(Metric.THROUGHPUT_OF_TARGET.unit()).isEqualTo("fraction");
    assertThat(Metric.DROPPED.unit()).isEqualTo("count");
    assertThat(Metric.CPU_PEAK.unit()).isEqualTo("fraction");
    assertThat(Metric.MEMORY_GROWTH.unit()).isEqualTo("MB/min");
    assertThat(Metric.PEAK_RSS.unit()).isEqualTo("bytes");
    assertThat(Metric.PEAK_RSS.wholeRunOnly()).isTrue();
    assertThat(Metric.P95.wholeRunOnly()).isFalse();
  }

  /**
   * A threshold written the way a scenario file writes a duration, a rate or a size means what
   * {@link Units} reads it as: one rule for what {@code 2m}, {@code 6000/min} and {@code 1.5MB} are.
   */
  @Test
  void thresholdsInFileUnitsMeanWhatUnitsReads() {
    for (String duration : new String[] {"250ms", "2s", "0.5s", "2m", "1.5m"}) {
      assertThat(Criterion.parse("p99 < " + duration).threshold()).as(duration)
          .isEqualTo(Units.parseDuration(duration).toNanos() / 1e6);
    }
    for (String rate : new String[] {"200/s", "6000/min", "0.5/s"}) {
      assertThat(Criterion.parse("throughput > " + rate).threshold()).as(rate).isEqualTo(Units.parseRate(rate));
    }
    for (String size : new String[] {"512B", "64KB", "1.5MB", "2GB"}) {
      assertThat(Criterion.parse("peak_rss < " + size).threshold()).as(size).isEqualTo(Units.parseSize(size));
    }
  }
}
