package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RatePlan;
import dev.plimsoll.core.result.ProfileChange;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * The open model: a scheduler walks the arrival schedule and hands each arrival to a free slot,
 * which runs it on its own virtual thread, or starts it at once when it is asynchronous. The
 * scheduler is a thread of its own, or, when the operations name a {@linkplain
 * dev.plimsoll.core.AsyncOperation#startingExecutor starting executor}, ticks on that executor. With no free slot (the in-flight bound reached) the arrival is
 * counted as dropped — never delayed.
 *
 * <p>A {@linkplain #steer rate change} while the run goes replaces the plan from its moment on
 * ({@link RatePlan#withRateFrom}): arrivals due before it keep their schedule, and the schedule
 * continues from it at the new rate, so every arrival keeps an intended start on the plan that
 * was in force.
 */
final class OpenDriver implements Driver, Steerable {
  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  /**
   * When arrivals come closer together than this, the scheduler wakes at most once per this long
   * and starts every arrival that has come due. Each wake-up costs thread switches (the scheduler's
   * and the protocol driver's I/O thread's), which at tens of thousands of arrivals a second on a
   * small machine cost more than the arrivals; batching bounds that cost, for at most this much
   * added scheduling lag. Only on the machine's clock: on any other, a wake-up costs no time the
   * run can see, and the batch's lateness would be a lag the load never had (on a virtual clock,
   * every arrival exactly on time is what makes a simulation's first send, and each after it, happen
   * when it was planned).
   */
  private static final long BATCH_NANOS = 200_000;

  private final WorkloadRun run;
  /** {@link #BATCH_NANOS} on the machine's clock, 0 (every arrival on its own) on any other. */
  private final long batchNanos;
  private final Clock clock;
  private final OpenModel model;
  /** The plan in force: the profile's, with every rate change since the start. */
  private volatile RatePlan plan;
  /** The changes the schedule has still to follow: their moments, in order (the plan has them all). */
  private final Object steering = new Object();
  private final ArrayDeque<Long> steerMoments = new ArrayDeque<>();
  /** Whether there are changes to follow; read by the walker before every arrival, so not under the lock. */
  private volatile boolean changesAhead;
  /** Set by a change until the walker has looked at it: it ends the walker's wait. */
  private volatile boolean steerPending;
  /** Ends the walker's waits when a change comes; one object, not one per wait. */
  private final BooleanSupplier steered = () -> steerPending;
  private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();
  /** Slots are created as needed, up to the in-flight bound; only the scheduler adds them. */
  private final Slot[] slots;
  private volatile int slotCount;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final long[] dropped;
  private final ThreadFactory virtualThreads = Thread.ofVirtual().name("plimsoll-arrival").factory();
  private volatile Thread scheduler;
  /** The operations' own executor when the schedule is walked there, else null. */
  private volatile ScheduledExecutorService home;
  private volatile boolean scheduling;
  /*
   * The schedule's cursor, used only by whichever walks it (the scheduler thread, or ticks on the
   * operations' executor, which run one at a time).
   */
  private static final long DONE = Long.MAX_VALUE;
  private DoubleSupplier schedule;
  private long upcoming;
  /** The upcoming arrival's number in the whole load's schedule, and the next number to read. */
  private long upcomingNumber;
  private long nextNumber;
  private long previous;
  /** The intended start of the last arrival started or dropped here; none yet: MIN_VALUE. */
  private long lastStarted = Long.MIN_VALUE;
  /**
   * The intended starts of the whole load's arrivals the last {@link #advance} passed over (other
   * segments'), numbered up to {@link #upcomingNumber}: where a change falls among them says which
   * number the changed schedule begins with, the same on every machine.
   */
  private long[] passedOver = new long[8];
  private int passedOverCount;
  private long woke;
  /** Ticks on the operations' executor: only the latest scheduled one runs. */
  private long generation;
  private volatile boolean closed;

  OpenDriver(WorkloadRun run, OpenModel model, Duration length) {
    this.run = run;
    this.clock = run.state.clock;
    this.batchNanos = clock == Clock.system() ? BATCH_NANOS : 0;
    this.model = model;
    this.plan = model.profile().plan(length);
    this.dropped = new long[RunState.WINDOWS * run.operationCount];
    this.slots = new Slot[model.maxInFlight()];
  }

  RatePlan plan() {
    return plan;
  }

  /** The share of the plan's arrivals this process runs. */
  double share() {
    return run.segment.share();
  }

  @Override
  public void start() {
    scheduling = true;
    schedule = plan.arrivalTimes(model.arrivals(), run.seed ^ run.workload.name().hashCode());
    previous = run.state.startNanos;
    woke = run.state.startNanos;
    advance();
    ScheduledExecutorService executor = startingExecutor();
    if (executor != null) {
      // Set before the first tick can run: a tick schedules the next on it.
      home = executor;
      try {
        executor.execute(() -> tick(generation));
        return;
      } catch (RejectedExecutionException e) {
        // the operations' executor is shut down already: walk the schedule on a thread of our own
        home = null;
      }
    }
    scheduler = clock.start(
        run.state.engineThreads("plimsoll-arrivals-" + run.workload.name(), Thread.MAX_PRIORITY), this::scheduleArrivals);
  }

  /**
   * The executor on which every operation of the workload would rather start, when they all name
   * the same one and time is the machine's (a virtual clock cannot drive another's executor).
   */
  private ScheduledExecutorService startingExecutor() {
    if (clock != Clock.system()) {
      return null;
    }
    ScheduledExecutorService common = null;
    for (Mix.Entry entry : run.entries) {
      ScheduledExecutorService own = entry.async() ? entry.asyncOperation().startingExecutor() : null;
      if (own == null || (common != null && own != common)) {
        return null;
      }
      common = own;
    }
    return common;
  }

  @Override
  public ProfileChange.Setting setting() {
    return ProfileChange.Setting.RATE;
  }

  @Override
  public double current(long nowNanos) {
    return plan.ratePerSecond(run.state.secondsSinceStart(nowNanos));
  }

  /** Sets the whole load's rate from {@code atNanos} on, and wakes the schedule's walker to follow it. */
  @Override
  public void steer(double perSecond, long atNanos) {
    synchronized (steering) {
      plan = plan.withRateFrom(run.state.secondsSinceStart(atNanos), perSecond);
      steerMoments.add(atNanos);
      changesAhead = true;
      steerPending = true;
    }
    wakeWalker();
  }

  /**
   * Switches the schedule to the plan in force at each change's moment, once every arrival due
   * before it has been started or dropped: the arrivals from that moment on follow the new plan.
   * Only the schedule's walker calls it.
   *
   * <p>The changed schedule's arrivals are numbered on from the number of the first arrival of
   * the whole load's old schedule at or after the moment, so every machine running a segment of
   * the load, each switching at the same moment, numbers them alike and takes exactly its own:
   * together they start what one process would. A change whose moment is already behind an
   * arrival started here (it came late) takes effect just after that arrival instead.
   */
  private void followSteering() {
    while (changesAhead) {
      RatePlan next;
      long from;
      synchronized (steering) {
        // Looked at: the walker waits for its upcoming arrival again, which comes before the next change.
        steerPending = false;
        Long moment = steerMoments.peek();
        if (moment == null || (upcoming != DONE && upcoming < moment)) {
          return;
        }
        steerMoments.poll();
        changesAhead = !steerMoments.isEmpty();
        next = plan;
        from = lastStarted == Long.MIN_VALUE ? moment : Math.max(moment, lastStarted + 1);
      }
      nextNumber = firstNumberFrom(from);
      long sinceStart = from - run.state.startNanos;
      long seed = run.seed ^ run.workload.name().hashCode() ^ (sinceStart * 0x9E3779B97F4A7C15L);
      schedule = next.arrivalTimesFrom(model.arrivals(), seed, run.state.secondsSinceStart(from));
      advance();
    }
  }

  /**
   * The number of the whole load's first arrival at or after {@code nanos} on the schedule walked
   * so far: one passed over by the last advance, or else the upcoming one (the count of arrivals,
   * once the schedule has none left). Every arrival before those was due before {@code nanos}.
   */
  private long firstNumberFrom(long nanos) {
    for (int i = 0; i < passedOverCount; i++) {
      if (passedOver[i] >= nanos) {
        return upcomingNumber - passedOverCount + i;
      }
    }
    return upcomingNumber;
  }

  /**
   * Moves {@link #upcoming} to the next arrival's intended start, or {@link #DONE}. The schedule is
   * the whole load's: arrivals of other segments are passed over, so this one keeps its share of
   * the arrivals at their intended times.
   */
  private void advance() {
    double at = schedule.getAsDouble();
    passedOverCount = 0;
    while (!Double.isNaN(at) && !run.segment.owns(nextNumber)) {
      if (passedOverCount == passedOver.length) {
        passedOver = Arrays.copyOf(passedOver, 2 * passedOverCount);
      }
      passedOver[passedOverCount++] = run.state.startNanos + (long) (at * 1e9);
      nextNumber++;
      at = schedule.getAsDouble();
    }
    upcomingNumber = nextNumber++;
    long intended = Double.isNaN(at) ? DONE : run.state.startNanos + (long) (at * 1e9);
    upcoming = intended >= run.state.endNanos ? DONE : intended;
  }

  private void scheduleArrivals() {
    try {
      schedule();
    } finally {
      finish();
    }
  }

  /**
   * The schedule's walk on a thread of its own: waits for each arrival, or for a batch of them.
   * With no arrival to come before the run's end (a rate of 0), it waits for a change.
   */
  private void schedule() {
    RunState state = run.state;
    while (true) {
      followSteering();
      if (upcoming == DONE) {
        if (!state.running() || clock.nanoTime() >= state.endNanos
            || Waits.sleepUntil(state.endNanos, state, steered) || !steerPending) {
          return;
        }
        continue;
      }
      long intended = upcoming;
      long gap = intended - previous;
      long wakeAt = gap < batchNanos ? Math.max(intended, woke + batchNanos) : intended;
      if (intended - clock.nanoTime() > 0) {
        if (!state.running()) {
          dropRemaining();
          return;
        }
        if (!Waits.preciseUntil(wakeAt, gap, state, steered)) {
          if (!state.running()) {
            dropRemaining();
            return;
          }
          continue; // the rate changed: the schedule may have too
        }
        woke = clock.nanoTime();
      } else if (!state.running()) {
        dropRemaining();
        return;
      }
      launch();
    }
  }

  /**
   * The schedule's walk on the operations' own executor: starts every arrival that has come due,
   * then schedules itself again for the next (batched as on a thread of its own). A tick whose
   * generation has passed was superseded by a {@link #wake} and does nothing.
   */
  private void tick(long ofGeneration) {
    if (ofGeneration != generation || !scheduling) {
      return;
    }
    try {
      long now = clock.nanoTime();
      woke = now;
      while (true) {
        followSteering();
        if (!run.state.running()) {
          dropRemaining();
          break;
        }
        if (upcoming == DONE) {
          if (clock.nanoTime() < run.state.endNanos) {
            return; // nothing due before the end: a change, or the stop, wakes the walker
          }
          break;
        }
        if (upcoming - now > 0) {
          now = clock.nanoTime();
          if (upcoming - now > 0) {
            long wakeAt = upcoming - previous < batchNanos ? Math.max(upcoming, woke + batchNanos) : upcoming;
            long next = ++generation;
            home.schedule(() -> tick(next), wakeAt - now, TimeUnit.NANOSECONDS);
            return;
          }
        }
        launch();
      }
    } catch (RejectedExecutionException e) {
      dropRemaining(); // the executor shut down under the run: what was due is counted, not lost
    } catch (RuntimeException | Error e) {
      finish();
      throw e;
    }
    finish();
  }

  private void finish() {
    scheduling = false;
    if (!run.state.running()) {
      run.state.nudgeCollector();
    }
  }

  /** Starts the upcoming arrival, or counts it as dropped when no slot is free, and advances. */
  private void launch() {
    long intended = upcoming;
    int pick = run.pickAt(upcomingNumber);
    previous = intended;
    lastStarted = intended;
    advance();
    int operation = run.firstOperation + pick;
    Slot slot = acquire();
    if (slot == null) {
      drop(operation, intended);
      return;
    }
    Mix.Entry entry = run.entries[pick];
    slot.caller.starting(operation, entry.name(), intended);
    if (entry.async()) {
      slot.startHere(entry, operation, intended);
    } else {
      slot.assign(entry, operation, intended);
    }
  }

  /**
   * The run stopped while arrivals were still due: the scheduler was behind, or a stop came early.
   * Every arrival whose intended start had passed is counted as dropped, so that what was planned
   * up to the stop is either run or reported — never silently lost.
   */
  private void dropRemaining() {
    long stoppedAt = Math.min(clock.nanoTime(), run.state.endNanos);
    while (true) {
      followSteering();
      if (upcoming == DONE || upcoming >= stoppedAt) {
        break;
      }
      drop(run.firstOperation + run.pickAt(upcomingNumber), upcoming);
      lastStarted = upcoming;
      advance();
    }
    upcoming = DONE;
  }

  /** Counts an arrival due at {@code intendedNanos} as dropped, in its window; only the scheduler calls it. */
  private void drop(int operation, long intendedNanos) {
    int cell = run.state.window(intendedNanos) * run.operationCount + operation;
    COUNTS.setOpaque(dropped, cell, dropped[cell] + 1);
  }

  private Slot acquire() {
    Slot slot = free.poll();
    int count = slotCount;
    if (slot == null && count < slots.length) {
      slot = new Slot(run.newCaller(count));
      slots[count] = slot;
      slotCount = count + 1;
    }
    if (slot != null) {
      inFlight.incrementAndGet();
    }
    return slot;
  }

  private void release(Slot slot) {
    slot.caller.iteration++;
    free.offer(slot);
    if (inFlight.decrementAndGet() == 0 && !run.state.running()) {
      run.state.nudgeCollector();
    }
  }

  /**
   * One in-flight place: its caller context and, for synchronous operations, a virtual thread of
   * its own (made on first need) that serves the arrivals handed to it. An asynchronous operation
   * is started on the scheduler thread itself: its call only starts the work, and handing it to
   * another thread first would cost two thread wake-ups per arrival, more than the call. Reusing the thread (rather than starting one per arrival) keeps the
   * generator's allocation — and so its GC pauses, which every arrival due during them inherits as
   * lag — small at high rates. The worker leaves when the driver is closed, after the run has
   * drained: leaving any earlier could race with an assignment and strand an arrival.
   */
  private final class Slot implements Runnable {
    final Caller caller;
    private volatile Thread worker;
    private Mix.Entry entry;
    private int operation;
    private long intended;
    /** Written by the scheduler after the fields above, so reading it true publishes them. */
    private volatile boolean assigned;
    private volatile boolean busy;

    Slot(Caller caller) {
      this.caller = caller;
    }

    /** Hands an arrival to this slot; only the scheduler calls it, and only for a free slot. */
    void assign(Mix.Entry next, int operationIndex, long intendedNanos) {
      entry = next;
      operation = operationIndex;
      intended = intendedNanos;
      assigned = true;
      Thread w = worker;
      if (w == null) {
        w = clock.start(virtualThreads, this);
        worker = w;
      }
      clock.unpark(w);
    }

    /** Starts an asynchronous arrival on the calling (scheduler) thread; its completion frees the slot. */
    void startHere(Mix.Entry next, int operationIndex, long intendedNanos) {
      entry = next;
      operation = operationIndex;
      intended = intendedNanos;
      serve();
    }

    @Override
    public void run() {
      while (true) {
        while (!assigned) {
          if (closed) {
            return;
          }
          clock.park();
        }
        assigned = false;
        serve();
      }
    }

    private void serve() {
      busy = true;
      long start = clock.nanoTime();
      caller.startedAt(start);
      if (!entry.async()) {
        complete(start, caller.callToCompletion(entry));
        return;
      }
      try {
        entry.asyncOperation().call(caller).whenComplete((value, error) -> complete(start, error));
      } catch (Throwable t) {
        complete(start, t);
      }
    }

    private void complete(long start, Throwable error) {
      long end = clock.nanoTime();
      busy = false;
      // Unless it was already recorded as unfinished at the stop.
      if (caller.finish()) {
        Recorder.record(caller, operation, intended, start, end, start - intended, error);
      }
      release(this);
    }
  }

  @Override
  public long started(int window, int operationIndex) {
    long sum = 0;
    int count = slotCount;
    for (int i = 0; i < count; i++) {
      sum += slots[i].caller.started(window, operationIndex);
    }
    return sum;
  }

  @Override
  public int abandonInFlight(ErrorTable.Failure failure, long nowNanos) {
    int abandoned = 0;
    int count = slotCount;
    for (int i = 0; i < count; i++) {
      if (slots[i].caller.abandon(failure, nowNanos)) {
        abandoned++;
      }
    }
    return abandoned;
  }

  @Override
  public long dropped(int window, int operationIndex) {
    return (long) COUNTS.getOpaque(dropped, window * run.operationCount + operationIndex);
  }

  @Override
  public boolean idle() {
    return !scheduling && inFlight.get() == 0;
  }

  /** Has the schedule's walker look again: at a change, or at the run's end. */
  private void wakeWalker() {
    ScheduledExecutorService executor = home;
    if (executor != null) {
      try {
        executor.execute(() -> tick(++generation));
      } catch (RejectedExecutionException e) {
        // Shut down: its last tick already counted what was due, and no tick will run again.
        finish();
      }
    }
    Thread s = scheduler;
    if (s != null) {
      clock.unpark(s);
    }
  }

  @Override
  public void wake() {
    wakeWalker();
    int count = slotCount;
    for (int i = 0; i < count; i++) {
      unpark(slots[i].worker);
    }
  }

  @Override
  public void close() {
    closed = true;
    int count = slotCount;
    for (int i = 0; i < count; i++) {
      unpark(slots[i].worker);
    }
  }

  private void unpark(Thread worker) {
    if (worker != null) {
      clock.unpark(worker);
    }
  }

  @Override
  public void interrupt() {
    int count = slotCount;
    for (int i = 0; i < count; i++) {
      Thread worker = slots[i].worker;
      if (slots[i].busy && worker != null) {
        worker.interrupt();
        clock.unpark(worker); // so a virtual clock counts it running again
      }
    }
  }
}
