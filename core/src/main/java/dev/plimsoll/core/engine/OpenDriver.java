package dev.plimsoll.core.engine;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.ArrivalSchedule;
import dev.plimsoll.core.RatePlan;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open model: a scheduler thread walks the arrival schedule and starts each arrival on a
 * virtual thread, in a free slot. With no free slot (the in-flight bound reached) the arrival is
 * counted as dropped — never delayed.
 */
final class OpenDriver implements Driver {
  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

  private final WorkloadRun run;
  private final OpenModel model;
  private final RatePlan plan;
  private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();
  private final List<Slot> slots = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final long[] dropped;
  private final ThreadFactory virtualThreads = Thread.ofVirtual().name("plimsoll-arrival").factory();
  private volatile Slot[] slotsView = new Slot[0];
  private volatile Thread scheduler;

  OpenDriver(WorkloadRun run, OpenModel model, Duration length) {
    this.run = run;
    this.model = model;
    this.plan = model.profile().plan(length);
    this.dropped = new long[run.operationCount];
  }

  RatePlan plan() {
    return plan;
  }

  @Override
  public void start() {
    Thread t = new Thread(this::schedule, "plimsoll-arrivals-" + run.workload.name());
    t.setDaemon(true);
    t.setPriority(Thread.MAX_PRIORITY);
    scheduler = t;
    t.start();
  }

  private void schedule() {
    RunState state = run.state;
    ArrivalSchedule schedule = new ArrivalSchedule(plan, model.arrivals(), run.seed ^ run.workload.name().hashCode());
    while (state.running()) {
      double at = schedule.next();
      if (Double.isNaN(at)) {
        return;
      }
      long intended = state.startNanos + (long) (at * 1e9);
      if (intended >= state.endNanos || !Waits.preciseUntil(intended, state)) {
        return;
      }
      int pick = run.pick();
      int operation = run.firstOperation + pick;
      Slot slot = acquire();
      if (slot == null) {
        COUNTS.setOpaque(dropped, operation, dropped[operation] + 1);
        continue;
      }
      Mix.Entry entry = run.entries[pick];
      slot.caller.starting(operation, entry.name());
      slot.prepare(entry, operation, intended);
      virtualThreads.newThread(slot).start();
    }
  }

  private Slot acquire() {
    Slot slot = free.poll();
    if (slot == null && slots.size() < model.maxInFlight()) {
      slot = new Slot(run.newCaller(slots.size()));
      slots.add(slot);
      slotsView = slots.toArray(Slot[]::new);
    }
    if (slot != null) {
      inFlight.incrementAndGet();
    }
    return slot;
  }

  private void release(Slot slot) {
    slot.caller.iteration++;
    inFlight.decrementAndGet();
    free.offer(slot);
  }

  /** One in-flight place: its caller context and the arrival it is serving. */
  private final class Slot implements Runnable {
    final Caller caller;
    private Mix.Entry entry;
    private int operation;
    private long intended;
    private volatile Thread thread;

    Slot(Caller caller) {
      this.caller = caller;
    }

    void prepare(Mix.Entry next, int operationIndex, long intendedNanos) {
      entry = next;
      operation = operationIndex;
      intended = intendedNanos;
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      long start = System.nanoTime();
      caller.stripe.recordLag(start - intended);
      if (!entry.async()) {
        Throwable error = caller.callToCompletion(entry);
        complete(start, error);
        return;
      }
      try {
        entry.asyncOperation().call(caller).whenComplete((value, error) -> complete(start, error));
      } catch (Throwable t) {
        complete(start, t);
      }
    }

    private void complete(long start, Throwable error) {
      long end = System.nanoTime();
      thread = null;
      Recorder.record(caller.stripe, operation, intended, start, end, error);
      release(this);
    }
  }

  @Override
  public long started(int operationIndex) {
    long sum = 0;
    for (Slot slot : slotsView) {
      sum += slot.caller.started(operationIndex);
    }
    return sum;
  }

  @Override
  public long dropped(int operationIndex) {
    return (long) COUNTS.getOpaque(dropped, operationIndex);
  }

  @Override
  public boolean idle() {
    Thread s = scheduler;
    return (s == null || !s.isAlive()) && inFlight.get() == 0;
  }

  @Override
  public void wake() {
    Thread s = scheduler;
    if (s != null) {
      java.util.concurrent.locks.LockSupport.unpark(s);
    }
  }

  @Override
  public void interrupt() {
    for (Slot slot : slotsView) {
      Thread t = slot.thread;
      if (t != null) {
        t.interrupt();
      }
    }
  }
}
