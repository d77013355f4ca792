package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.LatencyDistribution;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one stripe records for one operation during one interval. Guarded by the stripe's lock.
 * Counts are ints (one stripe cannot record 2³¹ equal values in one interval), which halves the
 * memory of these fixed-size, full-range histograms.
 */
final class OperationCells {
  final AbstractHistogram responseTime;
  final AbstractHistogram serviceTime;
  final ErrorTable errors;
  long succeeded;
  long failed;

  OperationCells(String operation, boolean fixedSize) {
    this.responseTime = fixedSize ? Stripe.newIntervalHistogram() : LatencyDistribution.newHistogram();
    this.serviceTime = fixedSize ? Stripe.newIntervalHistogram() : LatencyDistribution.newHistogram();
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
