package dev.plimsoll.core.criteria;

import dev.plimsoll.core.criteria.Unit.Dimension;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A measurable quantity a criterion can be written over, named in criteria by its {@link #token()}.
 *
 * <p>Latencies come in two families: response time (from the intended start, so queueing caused
 * by an overloaded system counts) with tokens such as {@code p99}, and service time (from the
 * actual start) with the same tokens prefixed {@code service_}, such as {@code service_p99}.
 *
 * <p>Each metric holds thresholds and measured values in one canonical {@link #unit()}: {@code ms}
 * for latencies, {@code fraction} (0–1) for error rate, CPU and throughput as a share of the
 * target, {@code ops/s} for throughput, {@code count} for dropped arrivals, {@code MB/min} for
 * memory growth and {@code bytes} for peak RSS. MB means 1024 × 1024 bytes.
 */
public enum Metric {
  MIN("min", Kind.RESPONSE_TIME, LatencyStats::minMs),
  MEAN("mean", Kind.RESPONSE_TIME, LatencyStats::meanMs),
  P50("p50", Kind.RESPONSE_TIME, LatencyStats::p50Ms),
  P90("p90", Kind.RESPONSE_TIME, LatencyStats::p90Ms),
  P95("p95", Kind.RESPONSE_TIME, LatencyStats::p95Ms),
  P99("p99", Kind.RESPONSE_TIME, LatencyStats::p99Ms),
  P99_9("p99.9", Kind.RESPONSE_TIME, LatencyStats::p999Ms),
  P99_99("p99.99", Kind.RESPONSE_TIME, LatencyStats::p9999Ms),
  MAX("max", Kind.RESPONSE_TIME, LatencyStats::maxMs),
  SERVICE_MIN("service_min", Kind.SERVICE_TIME, LatencyStats::minMs),
  SERVICE_MEAN("service_mean", Kind.SERVICE_TIME, LatencyStats::meanMs),
  SERVICE_P50("service_p50", Kind.SERVICE_TIME, LatencyStats::p50Ms),
  SERVICE_P90("service_p90", Kind.SERVICE_TIME, LatencyStats::p90Ms),
  SERVICE_P95("service_p95", Kind.SERVICE_TIME, LatencyStats::p95Ms),
  SERVICE_P99("service_p99", Kind.SERVICE_TIME, LatencyStats::p99Ms),
  SERVICE_P99_9("service_p99.9", Kind.SERVICE_TIME, LatencyStats::p999Ms),
  SERVICE_P99_99("service_p99.99", Kind.SERVICE_TIME, LatencyStats::p9999Ms),
  SERVICE_MAX("service_max", Kind.SERVICE_TIME, LatencyStats::maxMs),
  /** Failed / completed operations. */
  ERROR_RATE("error_rate", Kind.ERROR_RATE),
  /** Completed operations per second of measured time. */
  THROUGHPUT("throughput", Kind.THROUGHPUT),
  /**
   * Completed operations as a share of the arrivals the open-model profiles asked for; written
   * {@code throughput >= 95%} or {@code throughput_of_target >= 0.95}.
   */
  THROUGHPUT_OF_TARGET("throughput_of_target", Kind.THROUGHPUT_OF_TARGET),
  /** Open-model arrivals not started because the in-flight bound was reached. */
  DROPPED("dropped", Kind.DROPPED),
  /** This process's mean CPU, as a share of the whole machine. */
  CPU_AVG("cpu_avg", Kind.CPU_AVG),
  /** This process's highest interval CPU, as a share of the whole machine. */
  CPU_PEAK("cpu_peak", Kind.CPU_PEAK),
  /**
   * The trend of heap after garbage collection, MB/min; not judged on a run too short to show one
   * (see {@link dev.plimsoll.core.metrics.MemoryGrowth}).
   */
  MEMORY_GROWTH("memory_growth", Kind.MEMORY_GROWTH),
  /** This process's largest resident set size. */
  PEAK_RSS("peak_rss", Kind.PEAK_RSS);

  /** Where a metric's value comes from; decides how it is measured and written. */
  enum Kind {
    RESPONSE_TIME("ms", Dimension.TIME, false),
    SERVICE_TIME("ms", Dimension.TIME, false),
    ERROR_RATE("fraction", Dimension.FRACTION, false),
    THROUGHPUT("ops/s", Dimension.RATE, false),
    THROUGHPUT_OF_TARGET("fraction", Dimension.FRACTION, true),
    DROPPED("count", Dimension.COUNT, false),
    CPU_AVG("fraction", Dimension.FRACTION, true),
    CPU_PEAK("fraction", Dimension.FRACTION, true),
    MEMORY_GROWTH("MB/min", Dimension.BYTES_PER_MINUTE, true),
    PEAK_RSS("bytes", Dimension.BYTES, true);

    final String unit;
    final Dimension dimension;
    final boolean wholeRunOnly;

    Kind(String unit, Dimension dimension, boolean wholeRunOnly) {
      this.unit = unit;
      this.dimension = dimension;
      this.wholeRunOnly = wholeRunOnly;
    }
  }

  private final String token;
  private final Kind kind;
  private final ToDoubleFunction<LatencyStats> latency;

  Metric(String token, Kind kind) {
    this(token, kind, null);
  }

  Metric(String token, Kind kind, ToDoubleFunction<LatencyStats> latency) {
    this.token = token;
    this.kind = kind;
    this.latency = latency;
  }

  /** The name criteria use, e.g. {@code p99.9} or {@code error_rate}. */
  public String token() {
    return token;
  }

  /** The canonical unit thresholds and measured values are held in. */
  public String unit() {
    return kind.unit;
  }

  /**
   * Whether the metric describes the run as a whole and so takes no operation scope: CPU, memory
   * growth, peak RSS, and throughput as a share of the target.
   */
  public boolean wholeRunOnly() {
    return kind.wholeRunOnly;
  }

  /** Whether this is a latency: a response-time or service-time statistic, in ms. */
  public boolean isLatency() {
    return latency != null;
  }

  /**
   * This latency metric's value in {@code stats}, in ms: taken from its response-time or
   * service-time distribution; empty when that holds no completed operation.
   *
   * @throws IllegalStateException if this is not a {@linkplain #isLatency() latency}
   */
  public OptionalDouble latencyMs(OperationStats stats) {
    if (latency == null) {
      throw new IllegalStateException(token + " is not a latency");
    }
    LatencyDistribution latencies = kind == Kind.RESPONSE_TIME ? stats.responseTime() : stats.serviceTime();
    return latencies.count() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(latency.applyAsDouble(latencies.stats()));
  }

  Kind kind() {
    return kind;
  }

  /** For latency metrics, picks the value out of a distribution's summary; otherwise null. */
  ToDoubleFunction<LatencyStats> latency() {
    return latency;
  }

  /** The metric named {@code token}, case-insensitively, or null. */
  static Metric find(String token) {
    String wanted = token.toLowerCase(Locale.ROOT);
    for (Metric metric : values()) {
      if (metric.token.equals(wanted)) {
        return metric;
      }
    }
    return null;
  }

  /** Every token, in declaration order, for error messages. */
  static String allowedTokens() {
    return Stream.of(values()).map(Metric::token).collect(Collectors.joining(", "));
  }
}
