package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.metrics.LatencyDistribution;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One of the recorder's stripes: a lock and two sets of cells, one being written and one spare.
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
  /** Dates failures. */
  private final Clock clock;
  private OperationCells[] active;
  private OperationCells[] spare;
  private GeneratorCells generator = new GeneratorCells(true);
  private GeneratorCells spareGenerator = new GeneratorCells(true);

  Stripe(String[] operations, Clock clock) {
    this.clock = clock;
    active = cells(operations);
    spare = cells(operations);
  }

  private static OperationCells[] cells(String[] operations) {
    OperationCells[] cells = new OperationCells[operations.length];
    for (int i = 0; i < operations.length; i++) {
      cells[i] = new OperationCells(operations[i], true);
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
   * Records one completed operation; {@code error} is null for a success. {@code lagNanos} is
   * negative when the operation had no schedule to be late for, {@code toWireNanos} and
   * {@code afterAnswerNanos} when it reported no request on the wire or no answer.
   */
  void record(int operation, long responseNanos, long serviceNanos, long lagNanos, long toWireNanos,
      long afterAnswerNanos, Throwable error) {
    record(operation, responseNanos, serviceNanos, lagNanos, toWireNanos, afterAnswerNanos,
        error == null ? null : ErrorTable.classify(error));
  }

  /** Records one completed operation, its failure (null for a success) already classified. */
  void record(int operation, long responseNanos, long serviceNanos, long lagNanos, long toWireNanos,
      long afterAnswerNanos, ErrorTable.Failure failure) {
    long now = failure == null ? 0 : clock.millis();
    lock();
    try {
      OperationCells c = active[operation];
      c.responseTime.recordValue(responseNanos);
      c.serviceTime.recordValue(serviceNanos);
      if (lagNanos >= 0) {
        generator.lag.recordValue(lagNanos);
      }
      if (toWireNanos >= 0) {
        generator.toWire.recordValue(toWireNanos);
      }
      if (afterAnswerNanos >= 0) {
        generator.afterAnswer.recordValue(afterAnswerNanos);
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

  void recordLag(long lagNanos) {
    lock();
    try {
      generator.lag.recordValue(lagNanos);
    } finally {
      unlock();
    }
  }

  /**
   * Adds everything recorded since the last drain into {@code into} and {@code generatorInto},
   * leaving this stripe recording into clean cells.
   */
  void drainInto(OperationCells[] into, GeneratorCells generatorInto) {
    OperationCells[] taken;
    GeneratorCells takenGenerator;
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
    for (int i = 0; i < taken.length; i++) {
      into[i].addAll(taken[i]);
      taken[i].reset();
    }
    generatorInto.addAll(takenGenerator);
    takenGenerator.reset();
  }
}
