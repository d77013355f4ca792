package dev.plimsoll.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A running merge of {@link OperationStats}, and the one place their combining rules are written:
 * counts add, distributions add, error classes merge; the in-flight gauge is the latest over time
 * and the sum across sources. Keeps live histograms, so a merge that lives for a whole run decodes
 * each stretch once and encodes only when asked for its result. Not thread-safe.
 */
final class StatsMerger {
  private final String name;
  private final Sum responseTime;
  private final Sum serviceTime;
  private final Map<String, ErrorClass> errors = new LinkedHashMap<>();
  private long started;
  private long succeeded;
  private long failed;
  private long dropped;
  private long inFlight;

  /** Where distributions are added: a {@link CountsSum}, or a histogram given. */
  private record Sum(CountsSum counts, Histogram histogram) {
    void add(LatencyDistribution d) {
      if (counts != null) {
        counts.add(d);
      } else {
        d.addInto(histogram);
      }
    }

    LatencyDistribution result() {
      return counts != null ? counts.result() : LatencyDistribution.of(histogram);
    }
  }

  /** A merge under {@code name} that lives for one result: distributions add into {@link CountsSum}s. */
  StatsMerger(String name) {
    this.name = name;
    this.responseTime = new Sum(new CountsSum(), null);
    this.serviceTime = new Sum(new CountsSum(), null);
  }

  /**
   * A merge under {@code name}, adding distributions into histograms from {@code histograms}: for
   * a merge that lives for a whole run and is asked for its result again and again, in a
   * histogram whose size does not change.
   */
  StatsMerger(String name, Supplier<Histogram> histograms) {
    this.name = name;
    this.responseTime = new Sum(null, histograms.get());
    this.serviceTime = new Sum(null, histograms.get());
  }

  /** Adds the next stretch of time; its in-flight gauge replaces the one so far. */
  StatsMerger add(OperationStats later) {
    addCounts(later);
    inFlight = later.inFlight();
    return this;
  }

  /** Adds the same stretch of time from another source; the in-flight gauges add. */
  StatsMerger addAlongside(OperationStats other) {
    addCounts(other);
    inFlight += other.inFlight();
    return this;
  }

  private void addCounts(OperationStats stats) {
    started += stats.started();
    succeeded += stats.succeeded();
    failed += stats.failed();
    dropped += stats.dropped();
    responseTime.add(stats.responseTime());
    serviceTime.add(stats.serviceTime());
    for (ErrorClass e : stats.errors()) {
      errors.merge(e.key(), e, ErrorClass::merge);
    }
  }

  OperationStats result() {
    return new OperationStats(name, started, succeeded, failed, dropped, inFlight,
        responseTime.result(), serviceTime.result(),
        ErrorClasses.merge(List.of(new ArrayList<>(errors.values()))));
  }
}
