package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.LatencyDistribution;
import org.HdrHistogram.Histogram;

/** What one stripe records for one operation during one interval. Guarded by the stripe's lock. */
final class OperationCells {
  final Histogram responseTime = LatencyDistribution.newHistogram();
  final Histogram serviceTime = LatencyDistribution.newHistogram();
  final ErrorTable errors;
  long succeeded;
  long failed;

  OperationCells(String operation) {
    this.errors = new ErrorTable(operation, ErrorClass.MAX_SAMPLES);
  }

  void reset() {
    responseTime.reset();
    serviceTime.reset();
    errors.clear();
    succeeded = 0;
    failed = 0;
  }

  /** Adds another stripe's cells into these. */
  void addAll(OperationCells other) {
    responseTime.add(other.responseTime);
    serviceTime.add(other.serviceTime);
    errors.addAll(other.errors);
    succeeded += other.succeeded;
    failed += other.failed;
  }
}
