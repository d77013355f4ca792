package dev.plimsoll.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.prometheus.PrometheusText.Family;
import dev.plimsoll.prometheus.PrometheusText.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PrometheusEndpointTest {

  private static String scrape(String url) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
      http.setConnectTimeout(5000);
      http.setReadTimeout(5000);
      assertThat(http.getResponseCode()).isEqualTo(200);
      assertThat(http.getContentType()).startsWith("text/plain");
      try (InputStream in = http.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double value(Map<String, Family> families, String family, String sample, Map<String, String> labels) {
    return families.get(family).samples().stream()
        .filter(s -> s.name().equals(sample) && s.labels().equals(labels))
        .mapToDouble(Sample::value).findFirst()
        .orElseThrow(() -> new AssertionError("no " + sample + labels + " in " + families.get(family)));
  }

  @Test
  void servesTheRunsMetricsWhileItGoes_andTheirCountsAreTheRunsOwn() {
    List<String> scrapes = new ArrayList<>();
    AtomicReference<String> last = new AtomicReference<>();
    AtomicInteger failing = new AtomicInteger();
    try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(PrometheusAddress.parse("0"))) {
      String url = endpoint.url();
      assertThat(url).startsWith("http://127.0.0.1:").endsWith("/metrics");
      // Listed before the endpoint: it scrapes after every interval and once more at the end,
      // before the endpoint stops its server.
      RunListener scraper = new RunListener() {
        @Override
        public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
          scrapes.add(scrape(url));
        }

        @Override
        public void runCompleted(RunResult result) {
          last.set(scrape(url));
        }
      };
      // Listeners are called in order: the scraper's runCompleted comes before the endpoint's, and
      // each of its interval scrapes sees the interval before.
      Scenario scenario = Scenario.builder("live \"shop\"")
          .workload(Workload.of("browse", ctx -> {
            if (failing.incrementAndGet() % 10 == 0) {
              throw new IllegalStateException("every tenth fails");
            }
          }, OpenModel.rate(200)))
          .duration(Duration.ofMillis(1500))
          .interval(Duration.ofMillis(500))
          .listener(scraper)
          .listener(endpoint)
          .build();
      RunResult result = Plimsoll.run(scenario);

      assertThat(scrapes).hasSizeGreaterThanOrEqualTo(3);
      assertThat(PrometheusText.parse(scrapes.get(0))).doesNotContainKey("plimsoll_operations_started_total");
      Map<String, Family> mid = PrometheusText.parse(scrapes.get(1));
      assertThat(mid).containsKeys("plimsoll_operations_started_total", "plimsoll_response_time_seconds");
      assertThat(value(mid, "plimsoll_intervals", "plimsoll_intervals", Map.of())).isEqualTo(1);

      Map<String, Family> end = PrometheusText.parse(last.get());
      assertThat(end.keySet()).contains("plimsoll_operations_started_total", "plimsoll_operations_succeeded_total",
          "plimsoll_operations_failed_total", "plimsoll_operations_dropped_total", "plimsoll_operations_in_flight",
          "plimsoll_throughput_per_second", "plimsoll_target_rate_per_second", "plimsoll_response_time_seconds",
          "plimsoll_service_time_seconds", "plimsoll_response_time_interval_seconds",
          "plimsoll_generator_scheduling_lag_p99_seconds", "plimsoll_generator_bottleneck",
          "plimsoll_process_cpu_ratio", "plimsoll_heap_used_bytes", "plimsoll_resident_memory_bytes",
          "plimsoll_run_info");
      assertThat(end.get("plimsoll_operations_started_total").type()).isEqualTo("counter");
      assertThat(end.get("plimsoll_response_time_seconds").type()).isEqualTo("histogram");
      assertThat(end.get("plimsoll_operations_in_flight").type()).isEqualTo("gauge");
      assertThat(end.get("plimsoll_operations_started_total").help()).isNotBlank();

      // Counters since the start, warm-up included: the sum of every interval.
      long started = 0;
      long succeeded = 0;
      long failed = 0;
      long completed = 0;
      for (IntervalSnapshot interval : result.intervals()) {
        OperationStats op = interval.operation("browse");
        started += op.started();
        succeeded += op.succeeded();
        failed += op.failed();
        completed += op.responseTime().count();
      }
      Map<String, String> browse = Map.of("operation", "browse");
      assertThat(succeeded).isEqualTo(result.operation("browse").orElseThrow().succeeded()).isPositive();
      assertThat(failed).isPositive();
      assertThat(value(end, "plimsoll_operations_started_total", "plimsoll_operations_started_total", browse)).isEqualTo(started);
      assertThat(value(end, "plimsoll_operations_succeeded_total", "plimsoll_operations_succeeded_total", browse))
          .isEqualTo(succeeded);
      assertThat(value(end, "plimsoll_operations_failed_total", "plimsoll_operations_failed_total", browse)).isEqualTo(failed);
      assertThat(value(end, "plimsoll_operations_dropped_total", "plimsoll_operations_dropped_total", browse)).isZero();
      assertThat(value(end, "plimsoll_response_time_seconds", "plimsoll_response_time_seconds_count", browse))
          .isEqualTo(completed);
      assertThat(value(end, "plimsoll_response_time_seconds", "plimsoll_response_time_seconds_bucket",
          Map.of("operation", "browse", "le", "+Inf"))).isEqualTo(completed);
      assertThat(value(end, "plimsoll_response_time_interval_seconds", "plimsoll_response_time_interval_seconds",
          Map.of("operation", "browse", "quantile", "0.99"))).isBetween(0.0, 1.0);
      assertThat(value(end, "plimsoll_target_rate_per_second", "plimsoll_target_rate_per_second", Map.of()))
          .isBetween(150.0, 250.0);
      assertThat(value(end, "plimsoll_run_info", "plimsoll_run_info", Map.of("scenario", "live \"shop\""))).isEqualTo(1);
    }
  }

  @Test
  void theServerStopsWhenTheRunCompletes() {
    PrometheusEndpoint endpoint = PrometheusEndpoint.start(PrometheusAddress.parse("127.0.0.1:0"));
    String url = endpoint.url();
    assertThat(PrometheusText.parse(scrape(url))).containsKey("plimsoll_run_info");
    Plimsoll.run(Scenario.builder("short")
        .workload(Workload.of("w", ctx -> { }, OpenModel.rate(50)))
        .duration(Duration.ofMillis(200))
        .listener(endpoint)
        .build());
    assertThatThrownBy(() -> scrape(url)).hasRootCauseInstanceOf(ConnectException.class);
    endpoint.close();
  }

  @Test
  void aTakenPortFailsAtStart_beforeAnyRun() {
    try (PrometheusEndpoint first = PrometheusEndpoint.start(PrometheusAddress.parse("0"))) {
      assertThatThrownBy(() -> PrometheusEndpoint.start(new PrometheusAddress("127.0.0.1", first.port())))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot serve Prometheus metrics at 127.0.0.1:" + first.port());
    }
  }

  @Test
  void addressesAreHostAndPort_loopbackByDefault() {
    assertThat(PrometheusAddress.parse("9400")).isEqualTo(new PrometheusAddress("127.0.0.1", 9400));
    assertThat(PrometheusAddress.parse("0.0.0.0:9400")).isEqualTo(new PrometheusAddress("0.0.0.0", 9400));
    assertThat(PrometheusAddress.parse("[::1]:9400")).isEqualTo(new PrometheusAddress("::1", 9400));
    assertThat(PrometheusAddress.parse("[::1]:9400").toString()).isEqualTo("[::1]:9400");
    assertThatThrownBy(() -> PrometheusAddress.parse("http://x:1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusAddress.parse("99999")).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> PrometheusAddress.parse("::1:9400")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> PrometheusAddress.parse(":9400")).hasMessageContaining("no host");
    assertThatThrownBy(() -> PrometheusAddress.parse("port")).hasMessageContaining("not a port number");
  }

  @Test
  void theParserRefusesWhatPrometheusWould() {
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a counter\nb_total 1\n")).hasMessageContaining("outside");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n"))
        .hasMessageContaining("repeated");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\na{x=1} 1\n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n"
        + "h_count 1\nh_sum 0\n")).hasMessageContaining("cumulative");
    assertThat(PrometheusText.parse("# TYPE a gauge\na{x=\"q\\\"\\\\\\n\"} NaN\n").get("a").samples().get(0).labels())
        .containsEntry("x", "q\"\\\n");
  }
}
