package dev.plimsoll.core.engine;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.UserProfile;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import dev.plimsoll.core.Steering;
import dev.plimsoll.core.result.ProfileChange;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed model: virtual users, each running one iteration after another. A controller follows
 * the user profile, starting users as the count rises; users above the count finish their
 * iteration and leave. A {@linkplain #steer change} of the count while the run goes replaces the
 * profile from then on, the same way.
 *
 * <p>A user runs on a virtual thread of its own, except while its operations are asynchronous and
 * nothing needs to wait between them (no think time, no pacing): then no thread waits for the
 * operation — its completion records it and starts the user's next iteration on the completing
 * thread. Parking and waking a thread per operation would otherwise cost microseconds of CPU each,
 * more than a fast protocol driver spends on the request itself. A synchronous pick hands the user
 * back to a virtual thread.
 */
final class ClosedDriver implements Driver, Steerable {
  private static final long CONTROL_PERIOD_NANOS = 10_000_000;
  private static final int NO_PICK = -1;
  private static final ThreadFactory USER_THREADS = Thread.ofVirtual().factory();

  private final WorkloadRun run;
  private final Clock clock;
  private final ClosedModel model;
  /**
   * The users so far, by id, each made on first need by the controller, the only one that writes
   * here; it grows the array (a new one, published whole) when a change asks for more users than
   * the profile ever does.
   */
  private volatile User[] users;
  private final int profileUsers;
  private final AtomicLong sharedIterations = new AtomicLong();
  private final long pacingNanos;
  private final boolean completionDriven;
  /** Whether the collector needs telling when users leave while the run goes on: limits can end it. */
  private final boolean limited;
  private volatile int target;
  private volatile boolean controlling;
  private volatile Thread controller;
  /** Set once a constant profile's users have all been started: only then can they all be done. */
  private volatile boolean allUsersStarted;
  /** The whole load's count the last change in effect set, or -1 while the profile decides; under this driver's lock. */
  private volatile int steeredUsers = -1;
  /** Every change, the whole load's count by its moment; under this driver's lock. */
  private final TreeMap<Long, Integer> changes = new TreeMap<>();
  /** The moment of the first change not yet in effect (none: MAX_VALUE), and this segment's part of its count. */
  private volatile long nextChangeAt = Long.MAX_VALUE;
  private volatile int nextChangeTarget;
  /** Set by a change until the controller has followed it. */
  private volatile boolean steerPending;

  ClosedDriver(WorkloadRun run, ClosedModel model) {
    this.run = run;
    this.clock = run.state.clock;
    this.model = model;
    // This process's users: of user numbers 0, 1, ..., those its segment owns.
    this.profileUsers = run.segment.partOf(model.users().maxUsers());
    this.users = new User[profileUsers];
    this.pacingNanos = model.pacing().toNanos();
    this.completionDriven = pacingNanos == 0 && model.thinkTime() instanceof ThinkTime.None;
    this.limited = model.iterationsPerUser() > 0 || model.sharedIterations() > 0;
  }

  @Override
  public void start() {
    controlling = true;
    controller = clock.start(
        Thread.ofVirtual().name("plimsoll-users-" + run.workload.name()).factory(), this::control);
  }

  private void control() {
    try {
      followProfile();
    } finally {
      controlling = false;
      if (!run.state.running() || limited) {
        run.state.nudgeCollector();
      }
    }
  }

  private void followProfile() {
    UserProfile profile = model.users();
    boolean constant = profile instanceof UserProfile.Constant;
    while (run.state.running()) {
      steerPending = false;
      long now = clock.nanoTime();
      int wanted;
      boolean steered;
      long changeAt;
      synchronized (this) {
        changesAt(now);
        steered = steeredUsers >= 0;
        wanted = steered ? run.segment.partOf(steeredUsers)
            : Math.min(profileUsers, run.segment.partOf(profile.usersAt(run.state.secondsSinceStart(now))));
        target = wanted;
        changeAt = nextChangeAt;
      }
      User[] all = usersFor(wanted);
      for (int id = 0; id < wanted; id++) {
        User user = all[id];
        if (user.active.compareAndSet(false, true)) {
          if (reachedItsLimit(user.caller)) {
            // Done for the run: restarted, it would only leave again (and nudge the collector).
            user.active.set(false);
            continue;
          }
          startThread(user, NO_PICK);
        }
      }
      if (constant || steered) {
        // Nothing to follow until a change: idle meanwhile, so that users done with their
        // iterations can end the run.
        allUsersStarted = true;
        controlling = false;
        if (limited) {
          run.state.nudgeCollector();
        }
        boolean toChange = changeAt < run.state.endNanos;
        boolean slept = Waits.sleepUntil(Math.min(run.state.endNanos, changeAt), run.state, () -> steerPending);
        if ((!slept && steerPending) || (slept && toChange)) {
          controlling = true;
          continue;
        }
        // The run's end (no user starts anything at or after it) or its stop.
        return;
      } else {
        Waits.sleepUntil(Math.min(now + CONTROL_PERIOD_NANOS, changeAt), run.state, () -> steerPending);
      }
    }
  }

  /** The users with ids below {@code count}, made as needed; only the controller calls it. */
  private User[] usersFor(int count) {
    User[] all = users;
    if (count > all.length) {
      all = Arrays.copyOf(all, Math.min(Steering.MAX_USERS, Math.max(count, 2 * all.length)));
    }
    for (int id = 0; id < count; id++) {
      if (all[id] == null) {
        all[id] = new User(run.newCaller(id));
      }
    }
    users = all;
    return all;
  }

  @Override
  public ProfileChange.Setting setting() {
    return ProfileChange.Setting.USERS;
  }

  /** The whole load's users wanted at {@code atNanos}: the last change's count by then, else the profile's. */
  @Override
  public synchronized double current(long atNanos) {
    Map.Entry<Long, Integer> change = changes.floorEntry(atNanos);
    return change != null ? change.getValue()
        : Math.min(model.users().maxUsers(), model.users().usersAt(run.state.secondsSinceStart(atNanos)));
  }

  /**
   * Runs the segment's part of {@code count} users from {@code atNanos} on: the controller starts
   * more, or those above it leave. A change due now takes effect at once.
   */
  @Override
  public synchronized void steer(double count, long atNanos) {
    changes.put(atNanos, (int) count);
    changesAt(clock.nanoTime());
    steerPending = true;
    Thread c = controller;
    if (c != null) {
      clock.unpark(c);
    }
  }

  /**
   * Brings the count of the changes in effect at {@code nowNanos} into force and notes the next
   * one; under this driver's lock. The target moves at once, so that no user above a lower count
   * starts another iteration.
   */
  private void changesAt(long nowNanos) {
    Map.Entry<Long, Integer> inEffect = changes.floorEntry(nowNanos);
    if (inEffect != null) {
      steeredUsers = inEffect.getValue();
      target = run.segment.partOf(steeredUsers);
    }
    Map.Entry<Long, Integer> next = changes.higherEntry(nowNanos);
    nextChangeTarget = next == null ? 0 : run.segment.partOf(next.getValue());
    nextChangeAt = next == null ? Long.MAX_VALUE : next.getKey();
  }

  /** This segment's users at {@code nowNanos}: a change due by then counts, even before the controller has seen it. */
  private int targetAt(long nowNanos) {
    return nowNanos >= nextChangeAt ? nextChangeTarget : target;
  }

  private void startThread(User user, int pick) {
    user.thread = clock.start(USER_THREADS, () -> runOnThread(user, pick));
  }

  /** The user stops: it has left the run, or reached its limit. */
  private void leave(User user) {
    user.active.set(false);
    if (limited || !run.state.running()) {
      run.state.nudgeCollector();
    }
  }

  /**
   * Whether the user may start another iteration at {@code now}; if so, it counts against the
   * shared limit. Nothing starts at or after the run's end, even before the collector has marked
   * it: on a virtual clock a user and the collector are often due at the very same instant.
   */
  private boolean mayStartIteration(Caller user, long now) {
    if (!run.state.running() || now >= run.state.endNanos || user.id >= targetAt(now)) {
      return false;
    }
    if (reachedItsLimit(user)) {
      return false;
    }
    long shared = run.segment.partOf(model.sharedIterations());
    return shared == 0 || sharedIterations.getAndIncrement() < shared;
  }

  /**
   * Whether the user has run all the iterations it may. Read by the controller only after taking
   * the user's {@link #active} flag, which the user released after its last count.
   */
  private boolean reachedItsLimit(Caller user) {
    long perUser = model.iterationsPerUser();
    return perUser > 0 && user.iteration >= perUser;
  }

  /** The user's loop on a virtual thread; {@code pendingPick} is an iteration already begun. */
  private void runOnThread(User self, int pendingPick) {
    Caller user = self.caller;
    RunState state = run.state;
    boolean paced = pacingNanos > 0;
    long now = clock.nanoTime();
    long nextPaced = now;
    int pick = pendingPick;
    while (pick != NO_PICK || mayStartIteration(user, now)) {
      long intended = 0;
      if (paced) {
        intended = nextPaced;
        nextPaced += pacingNanos;
        if (intended > clock.nanoTime()) {
          if (!Waits.sleepUntil(intended, state) || intended >= state.endNanos) {
            break;
          }
          user.stripe.recordLag(intended, clock.nanoTime() - intended);
        }
      }
      if (pick == NO_PICK) {
        pick = run.pick();
      }
      Mix.Entry entry = run.entries[pick];
      int operation = run.firstOperation + pick;
      pick = NO_PICK;
      if (completionDriven && entry.async()) {
        if (startAsync(self, entry, operation)) {
          return;
        }
        now = clock.nanoTime();
        continue;
      }
      long start = clock.nanoTime();
      user.starting(operation, entry.name(), paced ? intended : start);
      Throwable error = user.callToCompletion(entry);
      long end = clock.nanoTime();
      // Unless it was already recorded as unfinished at the stop.
      if (user.finish()) {
        Recorder.record(user, operation, paced ? intended : start, start, end, -1, error);
      }
      user.iteration++;
      now = end;
      if (!paced) {
        long pause = model.thinkTime().nextNanos(user.random());
        if (pause > 0) {
          if (!Waits.sleepUntil(end + pause, state)) {
            break;
          }
          now = end + pause;
        }
      }
    }
    leave(self);
  }

  /**
   * Starts an asynchronous operation. Returns true when it is still running: its completion then
   * carries the user on. Returns false when it finished at once (recorded here).
   */
  private boolean startAsync(User self, Mix.Entry entry, int operation) {
    Caller user = self.caller;
    long start = clock.nanoTime();
    user.starting(operation, entry.name(), start);
    CompletableFuture<?> future;
    try {
      future = entry.asyncOperation().call(user).toCompletableFuture();
    } catch (Throwable t) {
      completed(user, operation, start, t);
      return false;
    }
    if (future.isDone()) {
      completed(user, operation, start, failureOf(future));
      return false;
    }
    future.whenComplete((value, error) -> continueInCompletion(self, completed(user, operation, start, error)));
    return true;
  }

  /** Runs the user's next iterations on the thread that completed its last operation. */
  private void continueInCompletion(User self, long now) {
    while (mayStartIteration(self.caller, now)) {
      int pick = run.pick();
      Mix.Entry entry = run.entries[pick];
      if (!entry.async()) {
        startThread(self, pick);
        return;
      }
      if (startAsync(self, entry, run.firstOperation + pick)) {
        return;
      }
      now = clock.nanoTime();
    }
    leave(self);
  }

  /** Records an asynchronous operation's completion; returns when it completed. */
  private long completed(Caller user, int operation, long start, Throwable error) {
    long end = clock.nanoTime();
    if (user.finish()) { // unless it was already recorded as unfinished at the stop
      Recorder.record(user, operation, start, start, end, -1, error);
    }
    user.iteration++;
    return end;
  }

  private static Throwable failureOf(CompletableFuture<?> done) {
    try {
      done.join();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  @Override
  public long started(int window, int operationIndex) {
    long sum = 0;
    for (User user : users) {
      if (user != null) {
        sum += user.caller.started(window, operationIndex);
      }
    }
    return sum;
  }

  @Override
  public int abandonInFlight(ErrorTable.Failure failure, long nowNanos) {
    int abandoned = 0;
    for (User user : users) {
      if (user != null && user.caller.abandon(failure, nowNanos)) {
        abandoned++;
      }
    }
    return abandoned;
  }

  @Override
  public boolean limited() {
    return limited;
  }

  @Override
  public boolean exhausted() {
    long shared = run.segment.partOf(model.sharedIterations());
    if (shared > 0 && sharedIterations.get() >= shared) {
      return true;
    }
    // With a constant count, users below it leave only at their per-user limit (or the run's end);
    // a count of 0, set by a change, is a pause, not the end.
    return model.iterationsPerUser() > 0 && allUsersStarted && target > 0 && idle();
  }

  @Override
  public long dropped(int window, int operationIndex) {
    return 0;
  }

  @Override
  public boolean idle() {
    if (controlling || steerPending) {
      return false;
    }
    for (User user : users) {
      if (user != null && user.active.get()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void wake() {
    Thread c = controller;
    if (c != null) {
      clock.unpark(c);
    }
    for (User user : users) {
      Thread t = user == null ? null : user.thread;
      if (t != null) {
        clock.unpark(t);
      }
    }
  }

  @Override
  public void interrupt() {
    for (User user : users) {
      Thread t = user == null ? null : user.thread;
      if (t != null && t.isAlive()) {
        t.interrupt();
        clock.unpark(t); // so a virtual clock counts it running again
      }
    }
  }

  /** A virtual user: its context, the thread it last ran on, and whether it is running. */
  private static final class User {
    final Caller caller;
    volatile Thread thread;
    /** True while the user runs, on a thread or in completions; the controller restarts only idle users. */
    final AtomicBoolean active = new AtomicBoolean();

    User(Caller caller) {
      this.caller = caller;
    }
  }
}
