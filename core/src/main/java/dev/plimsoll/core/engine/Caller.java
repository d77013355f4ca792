package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.OperationRecorder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * A virtual user (closed model) or an in-flight slot (open model): the context its operations see,
 * its stripe, and its count of started operations. Only one operation uses a caller at a time.
 */
final class Caller implements OperationContext {
  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

  final int id;
  final Stripe stripe;
  private final String workload;
  private final Map<String, Object> state = new HashMap<>();
  private final SplittableRandom random;
  private final Clock clock;
  private final RecordedOperations recordings;
  /** Started operations per scenario-wide operation index: written by the caller, read by the collector. */
  private final long[] started;
  long iteration;
  private String operation = "";
  /**
   * When the operation in progress reported its request on the wire and its answer's last byte,
   * or {@link #NOT_REPORTED}. Written by whichever thread runs the operation, read by the one that
   * records it: an asynchronous operation reports before its stage completes, and the stage's
   * completion orders the writes before the read.
   */
  private long sentNanos = NOT_REPORTED;
  private long receivedNanos = NOT_REPORTED;

  static final long NOT_REPORTED = Long.MIN_VALUE;

  Caller(int id, String workload, Stripe stripe, int operations, long seed, Clock clock,
      RecordedOperations recordings) {
    this.id = id;
    this.workload = workload;
    this.stripe = stripe;
    this.started = new long[operations];
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
    this.clock = clock;
    this.recordings = recordings;
  }

  /** Marks the start of an operation; single writer, so a plain read and an opaque write suffice. */
  void starting(int operationIndex, String operationName) {
    operation = operationName;
    sentNanos = NOT_REPORTED;
    receivedNanos = NOT_REPORTED;
    COUNTS.setOpaque(started, operationIndex, started[operationIndex] + 1);
  }

  long started(int operationIndex) {
    return (long) COUNTS.getOpaque(started, operationIndex);
  }

  /** Runs a synchronous entry, or an asynchronous one to completion; returns its failure or null. */
  Throwable callToCompletion(Mix.Entry entry) {
    try {
      if (entry.async()) {
        awaitThroughClock(entry.asyncOperation().call(this).toCompletableFuture()).join();
      } else {
        entry.operation().call(this);
      }
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  /**
   * Waits for {@code future} by parking on the run's clock rather than in {@code join}, so that a
   * virtual clock knows this thread is waiting (and can move time on to whatever completes it).
   * Interruptible, like a synchronous operation: after the graceful stop the wait fails.
   */
  private CompletableFuture<?> awaitThroughClock(CompletableFuture<?> future) throws InterruptedException {
    if (future.isDone()) {
      return future;
    }
    Thread waiter = Thread.currentThread();
    future.whenComplete((value, error) -> clock.unpark(waiter));
    while (!future.isDone()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("still waiting for the operation after the graceful stop");
      }
      clock.park();
    }
    return future;
  }

  /** The operation in progress's first request on the wire, or {@link #NOT_REPORTED}. */
  long sentNanos() {
    return sentNanos;
  }

  /** The operation in progress's last answer received, or {@link #NOT_REPORTED}. */
  long receivedNanos() {
    return receivedNanos;
  }

  @Override
  public void requestSent(long nanoTime) {
    if (sentNanos == NOT_REPORTED) {
      sentNanos = nanoTime;
    }
  }

  @Override
  public void responseReceived(long nanoTime) {
    receivedNanos = nanoTime;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public OperationRecorder recorder(String name) {
    return recordings.recorder(name);
  }

  @Override
  public String workload() {
    return workload;
  }

  @Override
  public String operation() {
    return operation;
  }

  @Override
  public int userId() {
    return id;
  }

  @Override
  public long iteration() {
    return iteration;
  }

  @Override
  public Map<String, Object> state() {
    return state;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }
}
