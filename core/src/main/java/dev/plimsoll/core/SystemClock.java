package dev.plimsoll.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The machine's clock. */
final class SystemClock implements Clock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }

  @Override
  public void parkUntil(long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (left > 0) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public void park() {
    LockSupport.park();
  }

  @Override
  public void unpark(Thread thread) {
    LockSupport.unpark(thread);
  }

  @Override
  public Thread start(ThreadFactory factory, Runnable task) {
    Thread thread = factory.newThread(task);
    thread.start();
    return thread;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration);
  }

  /**
   * What runs after a delay goes on in a new virtual thread: the common pool has one thread on a
   * two-core machine, and whole flows (the next request, checks, extraction) continue from here.
   */
  private static final Executor AFTER_DELAY = task -> Thread.ofVirtual().name("plimsoll-after-delay").start(task);

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS, AFTER_DELAY));
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
