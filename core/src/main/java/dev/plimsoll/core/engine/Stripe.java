package dev.plimsoll.core.engine;

import dev.plimsoll.core.metrics.LatencyDistribution;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One of the recorder's stripes: a lock and two sets of cells, one being written and one spare.
 * Users are spread over the stripes by id, so the lock is rarely contended; the collector swaps the
 * sets at each interval boundary, holding the lock only for the swap.
 */
final class Stripe {
  private final ReentrantLock lock = new ReentrantLock();
  private OperationCells[] active;
  private OperationCells[] spare;
  private AbstractHistogram lag = newIntervalHistogram();
  private AbstractHistogram spareLag = newIntervalHistogram();

  Stripe(String[] operations) {
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

  /** Records one completed operation; {@code error} is null for a success. */
  void record(int operation, long responseNanos, long serviceNanos, Throwable error) {
    long now = error == null ? 0 : System.currentTimeMillis();
    lock.lock();
    try {
      OperationCells c = active[operation];
      c.responseTime.recordValue(responseNanos);
      c.serviceTime.recordValue(serviceNanos);
      if (error == null) {
        c.succeeded++;
      } else {
        c.failed++;
        c.errors.add(error, now);
      }
    } finally {
      lock.unlock();
    }
  }

  void recordLag(long lagNanos) {
    lock.lock();
    try {
      lag.recordValue(lagNanos);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds everything recorded since the last drain into {@code into} and {@code lagInto}, leaving
   * this stripe recording into clean cells.
   */
  void drainInto(OperationCells[] into, Histogram lagInto) {
    OperationCells[] taken;
    AbstractHistogram takenLag;
    lock.lock();
    try {
      taken = active;
      active = spare;
      spare = taken;
      takenLag = lag;
      lag = spareLag;
      spareLag = takenLag;
    } finally {
      lock.unlock();
    }
    // The taken cells are now only touched here: the next swap happens on this thread.
    for (int i = 0; i < taken.length; i++) {
      into[i].addAll(taken[i]);
      taken[i].reset();
    }
    lagInto.add(takenLag);
    takenLag.reset();
  }
}
