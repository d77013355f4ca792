package dev.plimsoll.sim;

/**
 * Why a delivery was lost, as the result's error table shows it: not delivered within the delivery
 * timeout, or no node could send at all. A lost delivery counts as a failed {@code delivery}
 * without a latency ({@link dev.plimsoll.core.OperationRecorder#recordLost}), so the error rate is
 * the share lost and the latency percentiles are over the deliveries made. One instance per reason
 * for the whole run, without a stack trace: a trace per lost message would cost more than the
 * simulation.
 */
final class LostMessage extends Exception {
  private static final long serialVersionUID = 1L;

  LostMessage(String message) {
    super(message, null, false, false);
  }
}
