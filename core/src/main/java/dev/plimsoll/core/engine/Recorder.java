package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.metrics.LatencyDistribution;

/**
 * Records completed operations into striped cells. Values are nanoseconds, clamped to the
 * recordable range, so recording never throws.
 */
final class Recorder {
  private final Stripe[] stripes;

  Recorder(String[] operations, int stripeCount, Clock clock) {
    stripes = new Stripe[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new Stripe(operations, clock);
    }
  }

  static int defaultStripes() {
    return Math.max(2, Integer.highestOneBit(Runtime.getRuntime().availableProcessors() * 2));
  }

  Stripe stripeFor(int userId) {
    return stripes[userId % stripes.length];
  }

  Stripe[] stripes() {
    return stripes;
  }

  static void record(
      Stripe stripe, int operation, long intendedNanos, long startNanos, long endNanos, Throwable error) {
    record(stripe, operation, intendedNanos, startNanos, endNanos, -1, error);
  }

  /** As above, also recording how late the operation started against its schedule. */
  static void record(Stripe stripe, int operation, long intendedNanos, long startNanos, long endNanos,
      long lagNanos, Throwable error) {
    long response = LatencyDistribution.clamp(endNanos - intendedNanos);
    long service = LatencyDistribution.clamp(endNanos - startNanos);
    long lag = lagNanos < 0 ? -1 : LatencyDistribution.clamp(lagNanos);
    stripe.record(operation, response, service, lag, error == null ? null : ErrorClassifier.unwrap(error));
  }
}
