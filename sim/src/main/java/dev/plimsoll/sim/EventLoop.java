package dev.plimsoll.sim;

import dev.plimsoll.core.Clock;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The simulation's one scheduler: events in time order on one thread, which waits through the
 * run's clock, so on a virtual clock time moves straight to the next event.
 *
 * <p>Events scheduled from other threads (the load's arrivals, and in real time the nodes'
 * sends) come in through an inbox, taken one at a time and only when no queued event is due. That
 * rule makes the order independent of thread timing on a virtual clock: an arrival due at the same
 * instant as queued events always runs after them and before whatever it schedules itself.
 */
final class EventLoop implements Runnable {

  /** Something that happens at a time; ordered by time, then by when it was queued. */
  abstract static class Event implements Comparable<Event> {
    long at;
    long sequence;

    Event(long at) {
      this.at = at;
    }

    abstract void run();

    @Override
    public int compareTo(Event o) {
      int byTime = Long.compare(at, o.at);
      return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
    }
  }

  private final Clock clock;
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final ConcurrentLinkedQueue<Event> inbox = new ConcurrentLinkedQueue<>();
  private long sequence;
  /** Events after this time are never run: the run is over by then. */
  private volatile long horizon = Long.MAX_VALUE;
  private volatile boolean stopped;
  private volatile Thread thread;
  private volatile boolean started;

  private final java.util.function.Consumer<RuntimeException> failures;

  EventLoop(Clock clock, java.util.function.Consumer<RuntimeException> failures) {
    this.clock = clock;
    this.failures = failures;
  }

  /** Queues {@code event}; from any thread (before the loop starts, only from the thread that starts it). */
  void schedule(Event event) {
    if (Thread.currentThread() == thread || !started) {
      event.sequence = sequence++;
      queue.add(event);
    } else {
      inbox.add(event);
      Thread t = thread;
      if (t != null) {
        clock.unpark(t);
      }
    }
  }

  boolean onLoopThread() {
    return Thread.currentThread() == thread;
  }

  void horizon(long lastNanos) {
    horizon = lastNanos;
  }

  /** Ends the loop; from any thread. */
  void stop() {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      clock.unpark(t);
    }
  }

  /**
   * Starts the loop on a thread of {@code clock}'s; what was scheduled before is queued already.
   * Called as the run's clock starts, on the engine's collector thread: on a virtual clock time
   * cannot move until that thread and the load's have started and wait, so the loop may wait for
   * its first deadline at once.
   */
  Thread start(java.util.concurrent.ThreadFactory threads) {
    started = true;
    return clock.start(threads, this);
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    while (!stopped) {
      long now = clock.nanoTime();
      Event head = queue.peek();
      if (head != null && head.at <= now) {
        queue.poll();
        try {
          head.run();
        } catch (RuntimeException e) {
          failures.accept(e); // a protocol's exception never stops the run
        }
        continue;
      }
      Event incoming = inbox.poll();
      if (incoming != null) {
        incoming.sequence = sequence++;
        queue.add(incoming);
        continue;
      }
      if (head != null && head.at <= horizon) {
        clock.parkUntil(head.at);
      } else {
        clock.park();
      }
    }
  }
}
