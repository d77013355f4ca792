package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.LatencyDistribution;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one stripe records about the generator itself during one interval, over all operations:
 * how late operations started, how long the client took to put a request on the wire, and how long
 * it took from an answer's last byte to recording the operation. Guarded by the stripe's lock.
 */
final class GeneratorCells {
  final AbstractHistogram lag;
  final AbstractHistogram toWire;
  final AbstractHistogram afterAnswer;

  /** Fixed-size cells for a stripe, or growing ones for the collector to merge into. */
  GeneratorCells(boolean fixedSize) {
    lag = fixedSize ? Stripe.newIntervalHistogram() : LatencyDistribution.newHistogram();
    toWire = fixedSize ? Stripe.newIntervalHistogram() : LatencyDistribution.newHistogram();
    afterAnswer = fixedSize ? Stripe.newIntervalHistogram() : LatencyDistribution.newHistogram();
  }

  /** Adds another stripe's cells into these. */
  void addAll(GeneratorCells other) {
    lag.add(other.lag);
    toWire.add(other.toWire);
    afterAnswer.add(other.afterAnswer);
  }

  void reset() {
    lag.reset();
    toWire.reset();
    afterAnswer.reset();
  }
}
