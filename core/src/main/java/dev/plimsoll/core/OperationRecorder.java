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

  /**
   * Records one operation that failed without ever ending: a message that never arrived, a job
   * never picked up. It counts as started and failed, in {@code error}'s class and in the window of
   * its intended start, like any failure; but it has no end to measure, so it adds no sample to the
   * response- and service-time distributions, whose percentiles stay over the operations that
   * ended. An operation that did end in a failure (an error answer, a timeout that fired) is
   * recorded with {@link #record(long, long, long, Throwable)} and keeps its latency.
   *
   * @param intendedStartNanos when it should have started, which decides its window
   * @param error why it failed (not null); classified like an operation's exception
   */
  void recordLost(long intendedStartNanos, Throwable error);

  /**
   * Keeps the run's drain going, once its load has stopped, while {@code owed} returns true: while
   * operations of this name are still to be recorded (messages still on the wire, deliveries whose
   * timeout has not passed), so they are recorded rather than cut off by the end of the run. The
   * run ends when every such condition is false and nothing else is in flight, or when the
   * graceful stop ({@link Scenario.Builder#gracefulStop}) ends, whichever comes first; whatever
   * is still owed then is in no count, and whoever owes it should say so. {@code owed} is called
   * from the engine's collector thread, often: it must be quick and must not wait on the clock.
   */
  void drainWhile(java.util.function.BooleanSupplier owed);

  /** Records one successful operation. */
  default void record(long intendedStartNanos, long startNanos, long endNanos) {
    record(intendedStartNanos, startNanos, endNanos, null);
  }
}
