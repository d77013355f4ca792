package dev.plimsoll.core;

/**
 * Records an operation the run does not start itself, whose timing was taken elsewhere: a message
 * sent by one node and received by another, a job finished by a worker, a reply that arrives on
 * another connection. Each record counts like any operation of its name: started and succeeded or
 * failed, with its response time (from the intended start) and service time (from the actual
 * start), in the interval in which it is recorded and in the result.
 *
 * <p>Declare the name with {@link Scenario.Builder#recordedOperation}; get the recorder from
 * {@link RunHandle#recorder} or, inside an operation, {@link OperationContext#recorder}. Times
 * are the run clock's {@link Clock#nanoTime()}. Safe for use by many threads; cheap enough to
 * call for every message. Records made after the run has ended are ignored.
 */
public interface OperationRecorder {

  /** The recorded operation's name. */
  String operation();

  /**
   * Records one operation.
   *
   * @param intendedStartNanos when it should have started (a message's scheduled send); response
   *     time is measured from here
   * @param startNanos when it actually started (the message was sent); service time is measured
   *     from here
   * @param endNanos when it ended (the message was received)
   * @param error why it failed, or null for a success; classified like an operation's exception
   */
  void record(long intendedStartNanos, long startNanos, long endNanos, Throwable error);

  /** Records one successful operation. */
  default void record(long intendedStartNanos, long startNanos, long endNanos) {
    record(intendedStartNanos, startNanos, endNanos, null);
  }
}
