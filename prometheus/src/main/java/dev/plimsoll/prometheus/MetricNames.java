package dev.plimsoll.prometheus;

/**
 * The names of the metrics Plimsoll serves, in one place: the Grafana dashboard under docs/ and
 * docs/outputs.md use them. Counters are named without the {@code _total} that the exposition adds.
 */
final class MetricNames {
  private MetricNames() {}

  static final String PREFIX = "plimsoll_";
  static final String OPERATION = "operation";
  static final String QUANTILE = "quantile";
  static final String SCENARIO = "scenario";

  static final String STARTED = PREFIX + "operations_started";
  static final String SUCCEEDED = PREFIX + "operations_succeeded";
  static final String FAILED = PREFIX + "operations_failed";
  static final String DROPPED = PREFIX + "operations_dropped";
  static final String IN_FLIGHT = PREFIX + "operations_in_flight";
  static final String THROUGHPUT = PREFIX + "throughput_per_second";
  static final String TARGET_RATE = PREFIX + "target_rate_per_second";
  static final String RESPONSE_TIME = PREFIX + "response_time_seconds";
  static final String SERVICE_TIME = PREFIX + "service_time_seconds";
  static final String RESPONSE_TIME_INTERVAL = PREFIX + "response_time_interval_seconds";
  static final String SERVICE_TIME_INTERVAL = PREFIX + "service_time_interval_seconds";
  static final String SCHEDULING_LAG_P99 = PREFIX + "generator_scheduling_lag_p99_seconds";
  static final String BOTTLENECK = PREFIX + "generator_bottleneck";
  static final String RUN_INFO = PREFIX + "run_info";
  static final String INTERVALS = PREFIX + "intervals";
  static final String ELAPSED = PREFIX + "run_elapsed_seconds";
  static final String PLANNED = PREFIX + "run_planned_seconds";
  static final String WARM_UP = PREFIX + "run_in_warm_up";
  static final String STOPPING = PREFIX + "run_stopping";
  static final String PROCESS_CPU = PREFIX + "process_cpu_ratio";
  static final String MACHINE_CPU = PREFIX + "machine_cpu_ratio";
  static final String HEAP_USED = PREFIX + "heap_used_bytes";
  static final String HEAP_COMMITTED = PREFIX + "heap_committed_bytes";
  static final String RSS = PREFIX + "resident_memory_bytes";
  static final String THREADS = PREFIX + "threads";
  static final String GC_COLLECTIONS = PREFIX + "gc_collections";
  static final String GC_PAUSE = PREFIX + "gc_pause_seconds";
}
