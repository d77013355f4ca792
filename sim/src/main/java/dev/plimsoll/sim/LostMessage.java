package dev.plimsoll.sim;

/**
 * Why a delivery failed, as the result's error table shows it: not delivered within the timeout,
 * or no node could send at all. One instance per reason for the whole run, without a stack trace:
 * a trace per lost message would cost more than the simulation.
 */
final class UndeliveredException extends Exception {
  private static final long serialVersionUID = 1L;

  UndeliveredException(String message) {
    super(message, null, false, false);
  }
}
