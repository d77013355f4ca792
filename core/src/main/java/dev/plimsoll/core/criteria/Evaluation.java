package dev.plimsoll.core.criteria;

import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.units.Units;
import java.util.stream.Collectors;

/** Measures a criterion's metric in a run's measurements and judges it; see {@link Criterion#evaluate}. */
final class Evaluation {
  private Evaluation() {}

  static final String NOT_MEASURED = "not measured on this platform";

  static Verdict evaluate(Criterion criterion, Measurements measurements) {
    return switch (criterion.metric().kind()) {
      case RESPONSE_TIME, SERVICE_TIME, ERROR_RATE, THROUGHPUT, DROPPED ->
          ofOperation(criterion, measurements);
      case THROUGHPUT_OF_TARGET -> throughputOfTarget(criterion, measurements);
      case CPU_AVG, CPU_PEAK, MEMORY_GROWTH, PEAK_RSS -> ofSystem(criterion, measurements.system());
    };
  }

  private static Verdict ofOperation(Criterion criterion, Measurements measurements) {
    OperationStats stats;
    if (criterion.scope() == null) {
      stats = measurements.total();
    } else {
      stats = measurements.operation(criterion.scope()).orElse(null);
      if (stats == null) {
        String known = measurements.operations().isEmpty()
            ? "none"
            : measurements.operations().stream()
                .map(OperationStats::name)
                .collect(Collectors.joining(", "));
        return unmeasured(criterion,
            "no operation '" + criterion.scope() + "' (operations: " + known + ")");
      }
    }
    Metric metric = criterion.metric();
    return switch (metric.kind()) {
      case RESPONSE_TIME, SERVICE_TIME -> {
        LatencyDistribution latencies = metric.kind() == Metric.Kind.RESPONSE_TIME
            ? stats.responseTime()
            : stats.serviceTime();
        if (latencies.count() == 0) {
          yield unmeasured(criterion, nothingCompleted(criterion));
        }
        double ms = metric.latency().applyAsDouble(latencies.stats());
        yield judge(criterion, ms, "measured " + Units.decimal(ms) + " ms");
      }
      case ERROR_RATE -> {
        // With nothing completed the rate is 0 by definition, which would pass any limit.
        if (stats.completed() == 0) {
          yield unmeasured(criterion, nothingCompleted(criterion));
        }
        yield judge(criterion, stats.errorRate(), "measured " + Units.percent(stats.errorRate())
            + " (" + stats.failed() + " of " + stats.completed() + " failed)");
      }
      case THROUGHPUT -> {
        double perSecond = stats.throughputPerSecond(measurements.measuredDuration());
        yield judge(criterion, perSecond, "measured " + Units.decimal(perSecond) + "/s");
      }
      case DROPPED -> judge(criterion, stats.dropped(), "measured " + stats.dropped() + " dropped");
      default -> throw new AssertionError(metric);
    };
  }

  private static Verdict throughputOfTarget(Criterion criterion, Measurements measurements) {
    double expected = measurements.expectedArrivals();
    long completed = measurements.total().completed();
    if (expected <= 0) {
      return unmeasured(criterion, "throughput as a percent of target needs an open-model"
          + " workload (no arrivals were scheduled)");
    }
    double share = completed / expected;
    return judge(criterion, share, "measured " + Units.percent(share) + " of target (" + completed
        + " completed of " + Math.round(expected) + " expected)");
  }

  private static Verdict ofSystem(Criterion criterion, SystemSummary summary) {
    SystemSummary system = summary == null ? SystemSummary.UNKNOWN : summary;
    return switch (criterion.metric().kind()) {
      case CPU_AVG -> fraction(criterion, system.processCpuAverage());
      case CPU_PEAK -> fraction(criterion, system.processCpuPeak());
      case MEMORY_GROWTH -> memoryGrowth(criterion, system);
      case PEAK_RSS -> system.rssPeakBytes() < 0
          ? unmeasured(criterion, NOT_MEASURED)
          : judge(criterion, system.rssPeakBytes(),
              "measured " + Units.bytes(system.rssPeakBytes()));
      default -> throw new AssertionError(criterion.metric());
    };
  }

  /**
   * Judged only on enough evidence: a run too short to show a trend is not judged, nor is one
   * whose 95 % confidence interval lies on both sides of the limit. Otherwise the interval lies
   * wholly on one side, and the slope is the measured value.
   */
  private static Verdict memoryGrowth(Criterion criterion, SystemSummary system) {
    MemoryGrowth growth = system.memoryGrowth();
    if (growth.basis() == MemoryGrowth.Basis.NONE && system.heapUsedPeakBytes() < 0) {
      return unmeasured(criterion, NOT_MEASURED);
    }
    if (!growth.judgeable()) {
      return Verdict.notJudged(criterion, MemoryGrowthText.describe(growth));
    }
    boolean lowHolds = holds(criterion, growth.lowerMbPerMinute());
    boolean highHolds = holds(criterion, growth.upperMbPerMinute());
    if (lowHolds != highHolds) {
      return Verdict.notJudged(criterion, MemoryGrowthText.describe(growth)
          + "; the interval spans the limit");
    }
    return new Verdict(criterion, growth.mbPerMinute(), lowHolds, "measured " + MemoryGrowthText.describe(growth));
  }

  private static Verdict fraction(Criterion criterion, double value) {
    return value < 0
        ? unmeasured(criterion, NOT_MEASURED)
        : judge(criterion, value, "measured " + Units.percent(value));
  }

  private static String nothingCompleted(Criterion criterion) {
    return criterion.scope() == null
        ? "no completed operations to measure"
        : "no completed '" + criterion.scope() + "' operations to measure";
  }

  private static Verdict judge(Criterion criterion, double measured, String detail) {
    return new Verdict(criterion, measured, holds(criterion, measured), detail);
  }

  /** A verdict with nothing measured: NaN, and failed, since the limit could not be shown kept. */
  private static Verdict unmeasured(Criterion criterion, String detail) {
    return new Verdict(criterion, Double.NaN, false, detail);
  }

  static boolean holds(Criterion criterion, double measured) {
    double limit = criterion.threshold();
    return switch (criterion.comparison()) {
      case LESS -> measured < limit;
      case LESS_OR_EQUAL -> measured <= limit;
      case GREATER -> measured > limit;
      case GREATER_OR_EQUAL -> measured >= limit;
      case EQUAL -> measured == limit;
      case NOT_EQUAL -> measured != limit;
    };
  }
}
