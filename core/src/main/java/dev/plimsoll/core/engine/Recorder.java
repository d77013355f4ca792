package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.LatencyDistribution;

/**
 * Records completed operations into striped cells. Values are nanoseconds, clamped to the
 * recordable range, so recording never throws.
 */
final class Recorder {
  private static final long NONE = -1;

  private final Stripe[] stripes;

  Recorder(String[] operations, int stripeCount, RunState state) {
    stripes = new Stripe[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new Stripe(operations, state);
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

  /** An operation the engine did not start (a recorded one): no lag, no client costs. */
  static void record(
      Stripe stripe, int operation, long intendedNanos, long startNanos, long endNanos, Throwable error) {
    long response = LatencyDistribution.clamp(endNanos - intendedNanos);
    long service = LatencyDistribution.clamp(endNanos - startNanos);
    stripe.record(operation, intendedNanos, response, service, NONE, NONE, NONE, unwrap(error));
  }

  /** A recorded operation that failed without an end to time: counted, with no latency sample. */
  static void recordLost(Stripe stripe, int operation, long intendedNanos, Throwable error) {
    stripe.record(operation, intendedNanos, NONE, NONE, NONE, NONE, NONE, unwrap(error));
  }

  /**
   * The operation {@code caller} just completed, with the times it reported (see
   * {@link Caller#requestSent}); {@code lagNanos} is how late it started against its schedule, or
   * negative when it had none.
   */
  static void record(Caller caller, int operation, long intendedNanos, long startNanos, long endNanos,
      long lagNanos, Throwable error) {
    long response = LatencyDistribution.clamp(endNanos - intendedNanos);
    long service = LatencyDistribution.clamp(endNanos - startNanos);
    long lag = lagNanos < 0 ? NONE : LatencyDistribution.clamp(lagNanos);
    long sent = caller.sentNanos();
    long received = caller.receivedNanos();
    // A reported time outside the operation is not of this operation, or not of this clock.
    long toWire = within(sent, startNanos, endNanos) ? LatencyDistribution.clamp(sent - intendedNanos) : NONE;
    long afterAnswer = within(received, startNanos, endNanos) ? LatencyDistribution.clamp(endNanos - received) : NONE;
    caller.stripe.record(operation, intendedNanos, response, service, lag, toWire, afterAnswer, unwrap(error));
  }

  /**
   * The operation {@code caller} still had running when the graceful stop ended, failed with
   * {@code failure} at {@code endNanos}: its response time is a lower bound (it ran at least this
   * long), and it has no lag or client costs to report.
   */
  static void recordUnfinished(Caller caller, int operation, long intendedNanos, long startNanos, long endNanos,
      ErrorTable.Failure failure) {
    long response = LatencyDistribution.clamp(endNanos - intendedNanos);
    long service = LatencyDistribution.clamp(endNanos - startNanos);
    caller.stripe.record(operation, intendedNanos, response, service, NONE, NONE, NONE, failure);
  }

  private static boolean within(long nanos, long from, long to) {
    return nanos != Caller.NOT_REPORTED && nanos >= from && nanos <= to;
  }

  private static Throwable unwrap(Throwable error) {
    return error == null ? null : ErrorClassifier.unwrap(error);
  }
}
