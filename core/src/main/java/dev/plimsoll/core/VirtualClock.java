package dev.plimsoll.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A clock whose time moves only when nothing can happen before the next deadline: while every
 * thread started through it ({@link #start}) is waiting through it, time jumps to the earliest
 * deadline and wakes whoever waits for it. Run on this clock, a ten-minute load profile takes as
 * long as its operations' own work, and the same scenario gives the same timings every time.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.create();
 * Scenario scenario = Scenario.builder("ramp")
 *     .workload(Workload.of("w", ctx -> ctx.clock().sleep(Duration.ofMillis(20)), OpenModel.rate(100)))
 *     .duration(Duration.ofMinutes(10))
 *     .clock(clock)
 *     .build();
 * RunResult result = Plimsoll.run(scenario); // returns after milliseconds of real time
 * }</pre>
 *
 * <p>The rules that keep it exact:
 *
 * <ul>
 *   <li>Everything that takes time waits through the clock: {@link #sleep}, {@link #parkUntil},
 *       {@link #park} with {@link #unpark}, or a {@link #delay} future for asynchronous work. A
 *       thread of the clock's that blocks on anything else (a monitor, a queue, real I/O,
 *       {@code Thread.sleep}) is running as far as the clock can tell: time stands still until it
 *       returns, and if it waits for something only virtual time would bring, it waits forever.
 *   <li>Threads that act on virtual time are started with {@link #start}; the engine starts all of
 *       its threads so. A thread of the clock's counts as running from {@code start} until it
 *       waits, and again from the moment another thread {@link #unpark unparks} it, so time cannot
 *       move on between a wake-up and the woken thread's turn.
 *   <li>Other threads (a test's own thread, say) may read the clock and wait on it, but time does
 *       not wait for them while they run: for a deterministic result, act from a thread of the
 *       clock's, for example in a {@link #delay} future's callback.
 *   <li>Threads due at the same instant run concurrently, in no set order; a thread that
 *       {@link #settle settles} runs after all of them have waited again. An {@link #unpark}
 *       meanwhile does not end the settle: it is kept for the thread's next park.
 * </ul>
 *
 * <p>Safe for use by many threads. Parking and waking go through one lock, which suits tests and
 * simulations, not a production load.
 */
public final class VirtualClock implements Clock {
  private static final ThreadFactory TIMER_THREADS =
      Thread.ofVirtual().name("plimsoll-virtual-timer").factory();
  private static final long NEVER = Long.MAX_VALUE;
  private static final Comparator<Wait> ORDER = Comparator.comparingLong((Wait w) -> w.deadline)
      .thenComparing(w -> w.late)
      .thenComparingLong(w -> w.sequence);

  private final ReentrantLock lock = new ReentrantLock();
  private final Instant origin;
  private volatile long now;
  /** Threads of this clock that are not waiting through it. */
  private int running;
  private long sequence;
  /** Waits with a deadline, earliest first; a thread woken early leaves its wait behind, stale. */
  private final PriorityQueue<Wait> waits = new PriorityQueue<>(ORDER);
  /** Threads of this clock, and other threads while they wait. */
  private final Map<Thread, Member> members = new HashMap<>();

  private VirtualClock(Instant origin) {
    this.origin = origin;
  }

  /** A clock at nanoTime 0, whose wall-clock time starts at the epoch. */
  public static VirtualClock create() {
    return startingAt(Instant.EPOCH);
  }

  /** A clock at nanoTime 0, whose wall-clock time starts at {@code origin}. */
  public static VirtualClock startingAt(Instant origin) {
    return new VirtualClock(java.util.Objects.requireNonNull(origin, "origin"));
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(now);
  }

  /** Time since this clock was made. */
  public Duration elapsed() {
    return Duration.ofNanos(now);
  }

  @Override
  public void parkUntil(long deadlineNanos) {
    await(deadlineNanos, false);
  }

  @Override
  public void park() {
    await(NEVER, false);
  }

  @Override
  public void settle() {
    await(Long.MIN_VALUE, true);
  }

  @Override
  public void unpark(Thread thread) {
    lock.lock();
    try {
      Member member = members.get(thread);
      if (member == null) {
        LockSupport.unpark(thread); // neither ours nor waiting: nothing to account for
      } else if (member.current != null && !member.current.late) {
        wake(member);
      } else if (member.registered) {
        // Kept for its next park, also while it settles: a settle ends only once every other
        // thread waits. A collector nudged while it settled at an interval's boundary would
        // otherwise cut the interval before the threads due at that instant had recorded.
        member.permit = true;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Thread start(ThreadFactory factory, Runnable task) {
    Participant participant = new Participant(task);
    Thread thread = factory.newThread(participant);
    lock.lock();
    try {
      register(participant, thread);
      try {
        thread.start();
      } catch (RuntimeException | Error e) {
        leave(participant.member);
        throw e;
      }
    } finally {
      lock.unlock();
    }
    return thread;
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!duration.isPositive()) {
      done.complete(null);
      return done;
    }
    lock.lock();
    try {
      waits.add(new Wait(null, () -> done.complete(null), now + duration.toNanos(), false, sequence++));
      advanceWhileIdle();
    } finally {
      lock.unlock();
    }
    return done;
  }

  /**
   * Runs {@code action} on the calling thread as a thread of this clock's: time does not move on
   * while it runs, except while it waits through the clock. For setting a run up from a test's
   * own thread, so that what it starts and schedules begins at one instant.
   */
  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** As {@link #run}, returning the action's result. */
  public <T> T call(Supplier<T> action) {
    Thread me = Thread.currentThread();
    Member member;
    lock.lock();
    try {
      Member known = members.get(me);
      if (known != null && known.registered) {
        member = null; // already one of ours
      } else {
        member = new Member(me, true);
        members.put(me, member);
        running++;
      }
    } finally {
      lock.unlock();
    }
    try {
      return action.get();
    } finally {
      if (member != null) {
        lock.lock();
        try {
          leave(member);
        } finally {
          lock.unlock();
        }
      }
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "VirtualClock[now=" + Duration.ofNanos(now) + ", running=" + running + ", members="
          + members.size() + ", waits=" + waits.size() + "]";
    } finally {
      lock.unlock();
    }
  }

  private void await(long deadline, boolean late) {
    Thread me = Thread.currentThread();
    Member member;
    Wait wait;
    lock.lock();
    try {
      member = members.get(me);
      if (member == null) {
        member = new Member(me, false);
      }
      if (member.permit && !late) {
        member.permit = false;
        return;
      }
      long at = late ? Math.max(deadline, now) : deadline;
      if ((!late && at <= now) || me.isInterrupted()) {
        return;
      }
      wait = new Wait(member, null, at, late, sequence++);
      member.current = wait;
      member.woken = false;
      if (!member.registered) {
        members.put(me, member);
      }
      if (at != NEVER) {
        waits.add(wait); // an endless park can only be ended by unpark: it needs no place in line
      }
      if (member.registered) {
        running--;
      }
      advanceWhileIdle();
    } finally {
      lock.unlock();
    }
    while (!member.woken) {
      LockSupport.park(this);
      if (me.isInterrupted()) {
        stopWaiting(member, wait);
        break;
      }
    }
    if (!member.registered) {
      lock.lock();
      try {
        if (member.current == null) {
          members.remove(me, member);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** An interrupted thread stops waiting by itself, unless it was woken meanwhile. */
  private void stopWaiting(Member member, Wait wait) {
    lock.lock();
    try {
      if (member.current == wait) {
        member.current = null;
        member.woken = true;
        if (member.registered) {
          running++;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** While nothing runs, moves time to the earliest deadline and wakes what is due; under the lock. */
  private void advanceWhileIdle() {
    while (running == 0) {
      Wait head = liveHead();
      if (head == null) {
        return; // everything waits for an unpark: only another thread can move things on
      }
      if (head.deadline > now) {
        now = head.deadline;
      }
      // The earliest wait decides which kind is due: ordinary waits first, settling ones after.
      boolean late = head.late;
      while ((head = liveHead()) != null && head.deadline <= now && head.late == late) {
        waits.poll();
        fire(head);
      }
    }
  }

  private Wait liveHead() {
    Wait head;
    while ((head = waits.peek()) != null && head.member != null && head.member.current != head) {
      waits.poll();
    }
    return head;
  }

  private void fire(Wait due) {
    if (due.timer == null) {
      wake(due.member);
      return;
    }
    Participant participant = new Participant(due.timer);
    Thread thread = TIMER_THREADS.newThread(participant);
    register(participant, thread);
    thread.start();
  }

  private void wake(Member member) {
    member.current = null;
    if (member.registered) {
      running++;
    }
    member.woken = true;
    LockSupport.unpark(member.thread);
  }

  private void register(Participant participant, Thread thread) {
    Member member = new Member(thread, true);
    participant.member = member;
    members.put(thread, member);
    running++;
  }

  private void leave(Member member) {
    members.remove(member.thread, member);
    running--;
    advanceWhileIdle();
  }

  /** A thread of this clock's: counted as running until it waits or ends. */
  private final class Participant implements Runnable {
    private final Runnable task;
    private volatile Member member;

    Participant(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      try {
        task.run();
      } finally {
        lock.lock();
        try {
          leave(member);
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /** A thread known to the clock; guarded by the lock except {@link #woken}. */
  private static final class Member {
    final Thread thread;
    final boolean registered;
    Wait current;
    boolean permit;
    volatile boolean woken;

    Member(Thread thread, boolean registered) {
      this.thread = thread;
      this.registered = registered;
    }
  }

  /** A thread's wait for a deadline, or a timer (member null) that completes a delay. */
  private record Wait(Member member, Runnable timer, long deadline, boolean late, long sequence) {}
}
