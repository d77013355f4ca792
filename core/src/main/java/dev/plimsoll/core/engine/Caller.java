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
  private static final VarHandle PHASE;
  /** No operation in progress, or its end recorded. */
  private static final int IDLE = 0;
  /** An operation started and not yet recorded. */
  private static final int RUNNING = 1;
  /** The operation in progress was recorded as unfinished at the stop: its own end is not recorded. */
  private static final int ABANDONED = 2;

  static {
    try {
      PHASE = MethodHandles.lookup().findVarHandle(Caller.class, "phase", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final int id;
  final Stripe stripe;
  private final String workload;
  private final Map<String, Object> state = new HashMap<>();
  private final SplittableRandom random;
  private final Clock clock;
  private final RecordedOperations recordings;
  /**
   * Started operations per window of their intended start and scenario-wide operation index
   * ({@code window * operations + index}): written by the caller, read by the collector.
   */
  private final long[] started;
  private final int operations;
  private final RunState run;
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
  /**
   * Whether an operation is in progress, and whether its end is still to be recorded: the caller
   * and the collector (which fails what is still running when the graceful stop ends) race for it,
   * and only the winner records, so an operation is counted once however late it ends.
   */
  @SuppressWarnings("unused") // through PHASE
  private volatile int phase;
  /** The operation in progress, for the collector to record if it is unfinished at the stop. */
  private volatile int runningOperation;
  private volatile long runningIntended;
  private volatile long runningStart;

  static final long NOT_REPORTED = Long.MIN_VALUE;

  Caller(int id, String workload, Stripe stripe, int operations, long seed, RunState state,
      RecordedOperations recordings) {
    this.id = id;
    this.workload = workload;
    this.stripe = stripe;
    this.operations = operations;
    this.started = new long[RunState.WINDOWS * operations];
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
    this.run = state;
    this.clock = state.clock;
    this.recordings = recordings;
  }

  /**
   * Marks the start of an operation meant to start at {@code intendedNanos}; single writer, so a
   * plain read and an opaque write suffice for the count. From here until {@link #finish} the
   * operation is in progress.
   */
  void starting(int operationIndex, String operationName, long intendedNanos) {
    operation = operationName;
    sentNanos = NOT_REPORTED;
    receivedNanos = NOT_REPORTED;
    runningOperation = operationIndex;
    runningIntended = intendedNanos;
    runningStart = intendedNanos;
    int cell = run.window(intendedNanos) * operations + operationIndex;
    COUNTS.setOpaque(started, cell, started[cell] + 1);
    // After the count: a collector that sees the operation running sees it counted.
    phase = RUNNING;
  }

  /** When the operation in progress actually started, if later than intended (the open model's workers). */
  void startedAt(long startNanos) {
    runningStart = startNanos;
  }

  /**
   * Claims the end of the operation in progress for recording: true, unless the collector already
   * recorded it as unfinished at the stop — then its end must not be counted again.
   */
  boolean finish() {
    return PHASE.compareAndSet(this, RUNNING, IDLE);
  }

  /**
   * Records the operation in progress, if any, as failed with {@code failure} at {@code nowNanos}:
   * the collector's call when the graceful stop ends. Returns whether there was one.
   */
  boolean abandon(ErrorTable.Failure failure, long nowNanos) {
    if (!PHASE.compareAndSet(this, RUNNING, ABANDONED)) {
      return false;
    }
    Recorder.recordUnfinished(this, runningOperation, runningIntended, runningStart, nowNanos, failure);
    return true;
  }

  /** Operations started so far whose intended start lies in {@code window}. */
  long started(int window, int operationIndex) {
    return (long) COUNTS.getOpaque(started, window * operations + operationIndex);
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
  public long intendedStartNanos() {
    return runningIntended;
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
