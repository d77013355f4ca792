package dev.plimsoll.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * Where a run reads time and waits. The engine, its drivers and the waits between operations all
 * go through the scenario's clock ({@link Scenario.Builder#clock}), and operations see it as
 * {@link OperationContext#clock()}. {@link #system()} is the machine's own time; a
 * {@link VirtualClock} runs the same code on virtual time, so a ten-minute profile can be tested
 * in milliseconds and a simulation can run many nodes deterministically.
 *
 * <p>The waiting methods follow {@link java.util.concurrent.locks.LockSupport}: a park returns at
 * its deadline, on {@link #unpark}, on interrupt, or spuriously, so callers check their condition
 * in a loop. A virtual clock can only move time on when it knows every thread that could act is
 * waiting: threads that wait through a clock are started with {@link #start}.
 */
public interface Clock {

  /** The machine's clock: {@link System#nanoTime()}, {@link Instant#now()} and real parking. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }

  /** Monotonic nanoseconds for measuring elapsed time; the origin is arbitrary. */
  long nanoTime();

  /** The wall-clock time now. */
  Instant instant();

  /** The wall-clock time now, in milliseconds since the epoch. */
  default long millis() {
    return instant().toEpochMilli();
  }

  /**
   * Parks the calling thread until {@link #nanoTime()} reaches {@code deadlineNanos}, another
   * thread {@link #unpark unparks} it, it is interrupted, or spuriously.
   */
  void parkUntil(long deadlineNanos);

  /** Parks the calling thread until it is unparked or interrupted (or spuriously). */
  void park();

  /**
   * Makes {@code thread}'s current park return, or its next one if it is not parked. Threads
   * parked through this clock must be woken through it too, so that a virtual clock knows they
   * are running again.
   */
  void unpark(Thread thread);

  /**
   * Starts a thread made by {@code factory} to run {@code task}. A virtual clock counts the thread
   * as running from this call until it waits through the clock or ends, so time does not move on
   * under it.
   */
  Thread start(ThreadFactory factory, Runnable task);

  /**
   * Under virtual time, returns once every other thread of this clock is waiting: whatever was due
   * at this instant has happened. The engine's collector settles before it cuts an interval, so an
   * interval's content does not depend on which thread ran first. Only an interrupt ends a settle
   * early: an {@link #unpark} meanwhile is kept for the next park. Real clocks return at once.
   */
  default void settle() {}

  /** Sleeps for {@code duration} on this clock. */
  default void sleep(Duration duration) throws InterruptedException {
    long deadline = nanoTime() + duration.toNanos();
    while (nanoTime() < deadline) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      parkUntil(deadline);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  /**
   * A future completed once {@code duration} has passed on this clock, for asynchronous operations
   * that wait (a simulated network delay, a timeout). Its dependent actions run on a thread of the
   * clock's.
   */
  CompletableFuture<Void> delay(Duration duration);
}
