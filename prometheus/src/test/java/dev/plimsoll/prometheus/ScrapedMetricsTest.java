package dev.plimsoll.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.prometheus.PrometheusText.Family;
import dev.plimsoll.prometheus.PrometheusText.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The metrics of known intervals, fed to the endpoint by hand, as a scrape shows them. */
class ScrapedMetricsTest {

  private static LatencyDistribution millis(long... values) {
    Histogram h = LatencyDistribution.newHistogram();
    for (long ms : values) {
      h.recordValue(ms * 1_000_000);
    }
    return LatencyDistribution.of(h);
  }

  private static IntervalSnapshot interval(int index, OperationStats... ops) {
    return new IntervalSnapshot(index, Instant.parse("2025-03-01T10:00:00Z").plusSeconds(index), Duration.ofSeconds(1),
        false, 100, List.of(ops), millis(0), LatencyDistribution.empty(), LatencyDistribution.empty(),
        new SystemSample(0.25, 0.5, 100, 200, -1, 2, 30, 12, 0, 0));
  }

  private static Map<String, Family> scrape(PrometheusEndpoint endpoint) throws IOException {
    try (InputStream in = URI.create(endpoint.url()).toURL().openStream()) {
      return PrometheusText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static double value(Map<String, Family> families, String sample, Map<String, String> labels) {
    return families.values().stream().flatMap(f -> f.samples().stream())
        .filter(s -> s.name().equals(sample) && s.labels().equals(labels))
        .mapToDouble(Sample::value).findFirst().orElseThrow(() -> new AssertionError(sample + labels));
  }

  @Test
  void countersAddUp_bucketsAreExact_andGaugesAreTheLatestIntervals() throws IOException {
    try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(PrometheusAddress.parse("0"))) {
      endpoint.runStarted(null, Instant.now());
      RunProgress progress = new RunProgress(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ZERO, 0, 0, 0, false);
      endpoint.intervalCompleted(interval(0, new OperationStats("search", 5, 3, 1, 2, 1, millis(1, 2, 40, 900),
          millis(1, 1, 30, 800), List.of())), progress);
      endpoint.intervalCompleted(interval(1, new OperationStats("search", 4, 4, 0, 0, 0, millis(3, 3, 3, 3),
          millis(2, 2, 2, 2), List.of())), progress);

      Map<String, Family> m = scrape(endpoint);
      Map<String, String> search = Map.of("operation", "search");
      assertThat(value(m, "plimsoll_operations_started_total", search)).isEqualTo(9);
      assertThat(value(m, "plimsoll_operations_succeeded_total", search)).isEqualTo(7);
      assertThat(value(m, "plimsoll_operations_failed_total", search)).isEqualTo(1);
      assertThat(value(m, "plimsoll_operations_dropped_total", search)).isEqualTo(2);
      assertThat(value(m, "plimsoll_operations_in_flight", search)).isZero();
      assertThat(value(m, "plimsoll_throughput_per_second", search)).isEqualTo(4);
      // 1, 2, 3, 3, 3, 3, 40 and 900 ms, in buckets with inclusive upper bounds.
      assertThat(value(m, "plimsoll_response_time_seconds_bucket", Map.of("operation", "search", "le", "5.0E-4"))).isZero();
      assertThat(value(m, "plimsoll_response_time_seconds_bucket", Map.of("operation", "search", "le", "0.001"))).isEqualTo(1);
      assertThat(value(m, "plimsoll_response_time_seconds_bucket", Map.of("operation", "search", "le", "0.0025"))).isEqualTo(2);
      assertThat(value(m, "plimsoll_response_time_seconds_bucket", Map.of("operation", "search", "le", "0.005"))).isEqualTo(6);
      assertThat(value(m, "plimsoll_response_time_seconds_bucket", Map.of("operation", "search", "le", "0.05"))).isEqualTo(7);
      assertThat(value(m, "plimsoll_response_time_seconds_bucket", Map.of("operation", "search", "le", "1.0"))).isEqualTo(8);
      assertThat(value(m, "plimsoll_response_time_seconds_count", search)).isEqualTo(8);
      assertThat(value(m, "plimsoll_response_time_seconds_sum", search)).isCloseTo(0.955, org.assertj.core.data.Offset.offset(0.001));
      assertThat(value(m, "plimsoll_response_time_interval_seconds", Map.of("operation", "search", "quantile", "0.99")))
          .isCloseTo(0.003, org.assertj.core.data.Offset.offset(0.00001));
      assertThat(value(m, "plimsoll_target_rate_per_second", Map.of())).isEqualTo(100);
      assertThat(value(m, "plimsoll_process_cpu_ratio", Map.of())).isEqualTo(0.25);
      assertThat(value(m, "plimsoll_resident_memory_bytes", Map.of())).isNaN();
      assertThat(value(m, "plimsoll_gc_collections_total", Map.of())).isEqualTo(4);
      assertThat(value(m, "plimsoll_gc_pause_seconds_total", Map.of())).isEqualTo(0.06);
      assertThat(value(m, "plimsoll_intervals", Map.of())).isEqualTo(2);
      assertThat(value(m, "plimsoll_generator_bottleneck", Map.of())).isZero();
    }
  }

  /** Every metric the Grafana dashboard and docs/outputs.md name is one the endpoint serves. */
  @Test
  void theDashboardAndTheDocsNameOnlyServedMetrics() throws IOException {
    Set<String> served = new HashSet<>();
    try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(PrometheusAddress.parse("0"))) {
      endpoint.intervalCompleted(interval(0, new OperationStats("search", 1, 1, 0, 0, 0, millis(1), millis(1), List.of())),
          new RunProgress(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO, 1, 0, 0, false));
      scrape(endpoint).values().forEach(f -> f.samples().forEach(s -> served.add(s.name())));
    }
    for (Path file : List.of(Path.of("../docs/grafana-dashboard.json"), Path.of("../docs/outputs.md"))) {
      Matcher names = Pattern.compile("plimsoll_[a-z0-9_]+").matcher(Files.readString(file));
      Set<String> named = new HashSet<>();
      while (names.find()) {
        named.add(names.group());
      }
      assertThat(named).as(file.toString()).hasSizeGreaterThan(10);
      // A histogram is named by its family; its series end in _bucket, _count and _sum.
      assertThat(named).as(file.toString()).allSatisfy(name ->
          assertThat(served.contains(name) || served.contains(name + "_count")).as(name).isTrue());
    }
  }
}
