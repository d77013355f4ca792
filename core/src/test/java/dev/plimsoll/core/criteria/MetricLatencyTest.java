package dev.plimsoll.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MetricLatencyTest {

  private static LatencyDistribution allAt(long ms, long count) {
    Histogram nanos = LatencyDistribution.newHistogram();
    nanos.recordValueWithCount(ms * 1_000_000, count);
    return LatencyDistribution.of(nanos);
  }

  private final OperationStats stats = new OperationStats("search", 10, 10, 0, 0, 0,
      allAt(8, 10), allAt(2, 10), List.of());

  @Test
  void latencyMs_readsResponseOrServiceTimeAsTheMetricSays() {
    assertThat(Metric.P99.latencyMs(stats).getAsDouble()).isCloseTo(8, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Metric.SERVICE_P99.latencyMs(stats).getAsDouble()).isCloseTo(2, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Metric.P99.latencyMs(OperationStats.empty("none"))).isEmpty();
  }

  @Test
  void latencyMs_ofWhatIsNoLatency_isRefused() {
    assertThat(Metric.THROUGHPUT.isLatency()).isFalse();
    assertThat(Metric.MAX.isLatency()).isTrue();
    assertThatThrownBy(() -> Metric.THROUGHPUT.latencyMs(stats))
        .isInstanceOf(IllegalStateException.class).hasMessage("throughput is not a latency");
  }
}
