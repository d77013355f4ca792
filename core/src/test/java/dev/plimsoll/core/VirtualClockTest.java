package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private static final ThreadFactory VIRTUAL = Thread.ofVirtual().factory();
  private static final long MS = 1_000_000;

  private final VirtualClock clock = VirtualClock.create();

  private static void join(Thread... threads) throws InterruptedException {
    for (Thread t : threads) {
      assertThat(t.join(Duration.ofSeconds(10))).as("thread ended").isTrue();
    }
  }

  /**
   * Runs {@code setup} on a thread of the clock's, so that time stands still until it has started
   * (and maybe scheduled) everything: from the test's own thread, time would run on between calls.
   */
  private void onClock(Runnable setup) throws InterruptedException {
    join(clock.start(VIRTUAL, setup));
  }

  private static void sleep(Clock clock, long ms) {
    try {
      clock.sleep(Duration.ofMillis(ms));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void timeJumpsToEachDeadlineWhileEveryThreadSleeps() throws Exception {
    List<Long> wokeAt = new CopyOnWriteArrayList<>();
    long realStart = System.nanoTime();
    Thread[] threads = new Thread[2];
    onClock(() -> {
      threads[0] = clock.start(VIRTUAL, () -> {
        sleep(clock, 60_000);
        wokeAt.add(clock.nanoTime());
      });
      threads[1] = clock.start(VIRTUAL, () -> {
        for (int i = 0; i < 3; i++) {
          sleep(clock, 1_000);
          wokeAt.add(clock.nanoTime());
        }
      });
    });
    join(threads);

    assertThat(wokeAt).containsExactly(1_000 * MS, 2_000 * MS, 3_000 * MS, 60_000 * MS);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(1));
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(60));
    assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aRunningThreadHoldsTimeStill() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    AtomicLong sleeperWokeAt = new AtomicLong();
    Thread busy = clock.start(VIRTUAL, release::join); // blocks outside the clock: counts as running
    Thread sleeper = clock.start(VIRTUAL, () -> {
      sleep(clock, 10);
      sleeperWokeAt.set(clock.nanoTime());
    });
    // Started from the test's thread one after the other, but the first never waits on the clock.
    Thread.sleep(50);
    assertThat(clock.nanoTime()).isZero();
    assertThat(sleeper.isAlive()).isTrue();

    release.complete(null);
    join(busy, sleeper);
    assertThat(sleeperWokeAt.get()).isEqualTo(10 * MS);
  }

  /** An unparked thread counts as running at once, so time cannot pass before its turn. */
  @RepeatedTest(20)
  void anUnparkedThreadRunsBeforeTimeMovesOn() throws Exception {
    AtomicLong wokeAt = new AtomicLong(-1);
    Thread[] threads = new Thread[2];
    onClock(() -> {
      threads[0] = clock.start(VIRTUAL, () -> {
        while (wokeAt.get() < 0) {
          clock.park();
          if (clock.nanoTime() > 0) {
            wokeAt.set(clock.nanoTime());
          }
        }
      });
      threads[1] = clock.start(VIRTUAL, () -> {
        sleep(clock, 7);
        clock.unpark(threads[0]);
        sleep(clock, 1_000);
      });
    });
    join(threads);

    assertThat(wokeAt.get()).isEqualTo(7 * MS);
  }

  @Test
  void anUnparkBeforeTheParkIsKept() throws Exception {
    AtomicLong returnedAt = new AtomicLong(-1);
    CompletableFuture<Thread> self = new CompletableFuture<>();
    Thread t = clock.start(VIRTUAL, () -> {
      clock.unpark(self.join());
      clock.parkUntil(5_000 * MS);
      returnedAt.set(clock.nanoTime());
    });
    self.complete(t);
    join(t);

    assertThat(returnedAt.get()).isZero();
  }

  /** Threads due at the same instant run in no set order; a settling thread runs after them all. */
  @RepeatedTest(20)
  void aSettlingThreadSeesEverythingDueAtItsInstant() throws Exception {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger seen = new AtomicInteger(-1);
    Thread[] workers = new Thread[8];
    Thread[] observer = new Thread[1];
    onClock(() -> {
      for (int i = 0; i < workers.length; i++) {
        workers[i] = clock.start(VIRTUAL, () -> {
          sleep(clock, 100);
          done.incrementAndGet();
          sleep(clock, 100); // the next deadline, which the observer must not wait for
        });
      }
      observer[0] = clock.start(VIRTUAL, () -> {
        clock.parkUntil(100 * MS);
        clock.settle();
        seen.set(clock.nanoTime() == 100 * MS ? done.get() : -2);
      });
    });
    join(observer);
    join(workers);

    assertThat(seen.get()).isEqualTo(8);
  }

  /**
   * The engine's collector is nudged by the threads it settles for: an unpark must not end its
   * settle while the unparking thread still runs, and is kept for its next park instead.
   */
  @Test
  void anUnparkDoesNotEndASettleButIsKeptForTheNextPark() throws Exception {
    CompletableFuture<Void> settled = new CompletableFuture<>();
    AtomicBoolean settledWhileTheOtherRan = new AtomicBoolean();
    AtomicLong nextParkReturnedAt = new AtomicLong(-1);
    Thread[] threads = new Thread[2];
    onClock(() -> {
      threads[0] = clock.start(VIRTUAL, () -> {
        clock.parkUntil(10 * MS);
        clock.settle();
        settled.complete(null);
        clock.parkUntil(5_000 * MS);
        nextParkReturnedAt.set(clock.nanoTime());
      });
      threads[1] = clock.start(VIRTUAL, () -> {
        sleep(clock, 10);
        clock.unpark(threads[0]);
        // Waiting outside the clock, this thread still runs: the settle cannot end meanwhile.
        try {
          settled.get(200, TimeUnit.MILLISECONDS);
          settledWhileTheOtherRan.set(true);
        } catch (TimeoutException expected) {
          // the settle waits for this thread
        } catch (InterruptedException | ExecutionException e) {
          throw new AssertionError(e);
        }
        sleep(clock, 1_000);
      });
    });
    join(threads);

    assertThat(settledWhileTheOtherRan).isFalse();
    assertThat(nextParkReturnedAt.get()).isEqualTo(10 * MS);
  }

  @Test
  void delaysCompleteAtTheirVirtualTimeOnAThreadOfTheClock() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
    onClock(() -> {
      futures.add(clock.delay(Duration.ofMillis(20))
          .thenRun(() -> events.add("a@" + clock.nanoTime() / MS))
          .thenCompose(v -> clock.delay(Duration.ofMillis(30)))
          .thenRun(() -> events.add("b@" + clock.nanoTime() / MS)));
      futures.add(clock.delay(Duration.ofMillis(40))
          .thenRun(() -> events.add("c@" + clock.nanoTime() / MS)));
    });

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertThat(events).containsExactly("a@20", "c@40", "b@50");
  }

  @Test
  void anAsyncWaitInsideAThreadLetsTimeMove() throws Exception {
    AtomicLong finishedAt = new AtomicLong();
    Thread t = clock.start(VIRTUAL, () -> {
      CompletableFuture<Void> later = clock.delay(Duration.ofSeconds(3));
      Thread me = Thread.currentThread();
      later.whenComplete((v, e) -> clock.unpark(me));
      while (!later.isDone()) {
        clock.park();
      }
      finishedAt.set(clock.nanoTime());
    });
    join(t);

    assertThat(finishedAt.get()).isEqualTo(3_000 * MS);
  }

  @Test
  void interruptingAndUnparkingEndsASleep() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[2];
    onClock(() -> {
      threads[0] = clock.start(VIRTUAL, () -> {
        try {
          clock.sleep(Duration.ofHours(1));
        } catch (InterruptedException e) {
          failure.set(e);
        }
      });
      threads[1] = clock.start(VIRTUAL, () -> {
        sleep(clock, 250);
        threads[0].interrupt();
        clock.unpark(threads[0]);
      });
    });
    join(threads);

    assertThat(failure.get()).isInstanceOf(InterruptedException.class);
    assertThat(clock.nanoTime()).isEqualTo(250 * MS);
  }

  @Test
  void aThreadNotOfTheClockWaitsWithoutHoldingTime() throws Exception {
    clock.sleep(Duration.ofMinutes(5));

    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void timeDoesNotWaitForAThreadNotOfTheClock() throws Exception {
    Thread sleeper = clock.start(VIRTUAL, () -> sleep(clock, 60_000));
    join(sleeper); // the test's thread did not hold time: the sleeper's minute passed at once

    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aThreadThatEndsStopsCountingAsRunning() throws Exception {
    Thread quick = clock.start(VIRTUAL, () -> {});
    join(quick);
    AtomicLong at = new AtomicLong();
    Thread sleeper = clock.start(VIRTUAL, () -> {
      sleep(clock, 42);
      at.set(clock.nanoTime());
    });
    join(sleeper);

    assertThat(at.get()).isEqualTo(42 * MS);
  }
}
