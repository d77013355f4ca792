package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.LatencyDistribution;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One of the recorder's stripes: a lock and two sets of cells, one being written and one spare,
 * each with cells for the warm-up (if the run has one) and for the measured window: an operation is
 * recorded in the window of its intended start, whenever it ends.
 * Users are spread over the stripes by id, so the lock is rarely contended; the collector swaps the
 * sets at each interval boundary, holding the lock only for the swap.
 *
 * <p>The lock is a word taken with a CAS and released with a plain release store: on the hot path
 * that costs a few nanoseconds less than a {@code ReentrantLock}, whose release is a full fence.
 * Critical sections never block, so a waiter spins briefly, then yields (its carrier thread may
 * have been descheduled by the OS while holding the lock).
 */
final class Stripe {
  private static final VarHandle LOCK;
  private static final int SPINS_BEFORE_YIELD = 64;

  static {
    try {
      LOCK = MethodHandles.lookup().findVarHandle(Stripe.class, "locked", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // through LOCK
  private volatile int locked;
  /** Dates failures, and tells each operation's window. */
  private final RunState state;
  /** Cells being written, by window ({@link RunState#WARM_UP}, {@link RunState#MEASURED}) and operation. */
  private OperationCells[][] active;
  private OperationCells[][] spare;
  private GeneratorCells[] generator;
  private GeneratorCells[] spareGenerator;

  Stripe(String[] operations, RunState state) {
    this.state = state;
    active = cells(operations, state.hasWarmUp());
    spare = cells(operations, state.hasWarmUp());
    generator = generatorCells(state.hasWarmUp());
    spareGenerator = generatorCells(state.hasWarmUp());
  }

  /** Cells for each window; none for a warm-up the run does not have. */
  private static OperationCells[][] cells(String[] operations, boolean warmUp) {
    OperationCells[][] cells = new OperationCells[RunState.WINDOWS][];
    for (int w = warmUp ? RunState.WARM_UP : RunState.MEASURED; w < RunState.WINDOWS; w++) {
      cells[w] = new OperationCells[operations.length];
      for (int i = 0; i < operations.length; i++) {
        cells[w][i] = new OperationCells(operations[i], true);
      }
    }
    return cells;
  }

  private static GeneratorCells[] generatorCells(boolean warmUp) {
    GeneratorCells[] cells = new GeneratorCells[RunState.WINDOWS];
    for (int w = warmUp ? RunState.WARM_UP : RunState.MEASURED; w < RunState.WINDOWS; w++) {
      cells[w] = new GeneratorCells(true);
    }
    return cells;
  }

  /** Fixed-size (so the recorder's memory never grows during a run), full-range, int counts. */
  static AbstractHistogram newIntervalHistogram() {
    return new IntCountsHistogram(1, LatencyDistribution.HIGHEST_TRACKABLE_NANOS, LatencyDistribution.SIGNIFICANT_DIGITS);
  }

  private void lock() {
    int spins = 0;
    while (!LOCK.compareAndSet(this, 0, 1)) {
      if (++spins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  private void unlock() {
    LOCK.setRelease(this, 0);
  }

  /**
   * Records one completed operation, meant to start at {@code intendedNanos}; {@code error} is null
   * for a success. {@code responseNanos} and {@code serviceNanos} are negative for a lost operation,
   * which is counted without a latency sample. {@code lagNanos} is negative when the operation had no schedule to be late for,
   * {@code toWireNanos} and {@code afterAnswerNanos} when it reported no request on the wire or no
   * answer.
   */
  void record(int operation, long intendedNanos, long responseNanos, long serviceNanos, long lagNanos,
      long toWireNanos, long afterAnswerNanos, Throwable error) {
    record(operation, intendedNanos, responseNanos, serviceNanos, lagNanos, toWireNanos, afterAnswerNanos,
        error == null ? null : ErrorTable.classify(error));
  }

  /** Records one completed operation, its failure (null for a success) already classified. */
  void record(int operation, long intendedNanos, long responseNanos, long serviceNanos, long lagNanos,
      long toWireNanos, long afterAnswerNanos, ErrorTable.Failure failure) {
    long now = failure == null ? 0 : state.clock.millis();
    int window = state.window(intendedNanos);
    lock();
    try {
      OperationCells c = active[window][operation];
      GeneratorCells g = generator[window];
      // Negative for an operation that never ended (OperationRecorder.recordLost): no time to record.
      if (responseNanos >= 0) {
        c.responseTime.recordValue(responseNanos);
        c.serviceTime.recordValue(serviceNanos);
      }
      if (lagNanos >= 0) {
        g.lag.recordValue(lagNanos);
      }
      if (toWireNanos >= 0) {
        g.toWire.recordValue(toWireNanos);
      }
      if (afterAnswerNanos >= 0) {
        g.afterAnswer.recordValue(afterAnswerNanos);
      }
      if (failure == null) {
        c.succeeded++;
      } else {
        c.failed++;
        c.errors.add(failure, now);
      }
    } finally {
      unlock();
    }
  }

  void recordLag(long intendedNanos, long lagNanos) {
    int window = state.window(intendedNanos);
    lock();
    try {
      generator[window].lag.recordValue(lagNanos);
    } finally {
      unlock();
    }
  }

  /**
   * Adds everything recorded since the last drain into {@code into} and {@code generatorInto}, by
   * window, leaving this stripe recording into clean cells.
   */
  void drainInto(OperationCells[][] into, GeneratorCells[] generatorInto) {
    OperationCells[][] taken;
    GeneratorCells[] takenGenerator;
    lock();
    try {
      taken = active;
      active = spare;
      spare = taken;
      takenGenerator = generator;
      generator = spareGenerator;
      spareGenerator = takenGenerator;
    } finally {
      unlock();
    }
    // The taken cells are now only touched here: the next swap happens on this thread.
    for (int w = 0; w < RunState.WINDOWS; w++) {
      if (taken[w] == null) {
        continue;
      }
      for (int i = 0; i < taken[w].length; i++) {
        into[w][i].addAll(taken[w][i]);
        taken[w][i].reset();
      }
      generatorInto[w].addAll(takenGenerator[w]);
      takenGenerator[w].reset();
    }
  }
}
