package dev.plimsoll.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
