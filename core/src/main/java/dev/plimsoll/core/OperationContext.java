package dev.plimsoll.core;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What an operation knows about the call it is serving. A context belongs to one virtual user
 * (closed model) or one in-flight slot (open model) and is only used by one operation at a time,
 * so its state map and random source need no locking.
 */
public interface OperationContext {

  /** The workload this call belongs to. */
  String workload();

  /** The operation being called. */
  String operation();

  /** The virtual user's id (closed model) or the in-flight slot's id (open model), from 0. */
  int userId();

  /** This user's (or slot's) iteration number, from 0. */
  long iteration();

  /** State kept between this user's iterations, e.g. a session token taken at log-in. */
  Map<String, Object> state();

  /** A random source seeded from the scenario's seed and the user id, so runs can be repeated. */
  RandomGenerator random();

  /**
   * The run's clock. An operation that waits (a think step, a simulated delay) waits through it,
   * so that the same operation runs on the machine's time or on a test's virtual time.
   */
  default Clock clock() {
    return Clock.system();
  }

  /**
   * When the operation in progress should have started according to the load model, in
   * {@link #clock()}'s {@code nanoTime}: its response time is measured from here. An operation that
   * hands its work on (a message whose delivery another thread records) passes it along, so the
   * latency recorded there counts from the intended start too. A context that belongs to no run
   * answers the clock's time now.
   */
  default long intendedStartNanos() {
    return clock().nanoTime();
  }

  /**
   * Tells the engine when the operation's request reached the wire: the moment its bytes were
   * handed to the network (a socket write completed), in {@link #clock()}'s {@code nanoTime}. The
   * engine measures the generator's own cost before the request, from the operation's intended
   * start to this moment ({@link dev.plimsoll.core.result.GeneratorHealth#toWire}). An operation
   * that sends several requests reports each; the first one counts. Times outside the operation
   * (before it started, after it completed) are ignored, so a time from another clock does no harm.
   * Optional: an operation that reports nothing is simply not counted there.
   */
  default void requestSent(long nanoTime) {}

  /**
   * Tells the engine when the last byte of the operation's answer arrived, in {@link #clock()}'s
   * {@code nanoTime}. The engine measures the generator's own cost after the answer, from this
   * moment to recording the operation ({@link dev.plimsoll.core.result.GeneratorHealth#afterAnswer}).
   * An operation that receives several answers reports each; the last one counts. Report before
   * the operation completes (before an asynchronous operation's stage completes).
   */
  default void responseReceived(long nanoTime) {}

  /**
   * The recorder of an operation the scenario declared with
   * {@link Scenario.Builder#recordedOperation}: an operation that sends a message can hand it the
   * recorder its receiver will record the delivery with.
   *
   * @throws IllegalArgumentException if the scenario declared no such recorded operation
   * @throws UnsupportedOperationException from a context that belongs to no run (a test double)
   */
  default OperationRecorder recorder(String operation) {
    throw new UnsupportedOperationException("this context records no operations");
  }
}
