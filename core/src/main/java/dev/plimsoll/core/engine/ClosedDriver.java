package dev.plimsoll.core.engine;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.UserProfile;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The closed model: one virtual thread per active user. A controller follows the user profile,
 * starting users as the count rises; users above the count finish their iteration and leave.
 */
final class ClosedDriver implements Driver {
  private static final long CONTROL_PERIOD_NANOS = 10_000_000;

  private final WorkloadRun run;
  private final ClosedModel model;
  private final Caller[] users;
  private final Thread[] threads;
  private final AtomicLong sharedIterations = new AtomicLong();
  private final long pacingNanos;
  private volatile int target;
  private volatile Thread controller;

  ClosedDriver(WorkloadRun run, ClosedModel model) {
    this.run = run;
    this.model = model;
    int max = model.users().maxUsers();
    this.users = new Caller[max];
    this.threads = new Thread[max];
    this.pacingNanos = model.pacing().toNanos();
  }

  @Override
  public void start() {
    controller = Thread.ofVirtual().name("plimsoll-users-" + run.workload.name()).start(this::control);
  }

  private void control() {
    UserProfile profile = model.users();
    boolean constant = profile instanceof UserProfile.Constant;
    while (run.state.running()) {
      long now = System.nanoTime();
      int wanted = Math.min(users.length, profile.usersAt(run.state.secondsSinceStart(now)));
      target = wanted;
      for (int id = 0; id < wanted; id++) {
        Thread t = threads[id];
        if (t == null || !t.isAlive()) {
          if (users[id] == null) {
            users[id] = run.newCaller(id);
          }
          Caller user = users[id];
          threads[id] = Thread.ofVirtual().start(() -> runUser(user));
        }
      }
      if (constant) {
        return;
      }
      Waits.sleepUntil(now + CONTROL_PERIOD_NANOS, run.state);
    }
  }

  private void runUser(Caller user) {
    RunState state = run.state;
    long perUser = model.iterationsPerUser();
    long shared = model.sharedIterations();
    boolean paced = pacingNanos > 0;
    long nextPaced = System.nanoTime();
    while (state.running() && user.id < target) {
      if (perUser > 0 && user.iteration >= perUser) {
        return;
      }
      if (shared > 0 && sharedIterations.getAndIncrement() >= shared) {
        return;
      }
      long intended = 0;
      if (paced) {
        intended = nextPaced;
        nextPaced += pacingNanos;
        if (intended > System.nanoTime()) {
          if (!Waits.sleepUntil(intended, state)) {
            return;
          }
          user.stripe.recordLag(System.nanoTime() - intended);
        }
      }
      int pick = run.pick();
      Mix.Entry entry = run.entries[pick];
      int operation = run.firstOperation + pick;
      user.starting(operation, entry.name());
      long start = System.nanoTime();
      Throwable error = user.callToCompletion(entry);
      long end = System.nanoTime();
      Recorder.record(user.stripe, operation, paced ? intended : start, start, end, error);
      user.iteration++;
      if (!paced) {
        long pause = model.thinkTime().nextNanos(user.random());
        if (pause > 0 && !Waits.sleepUntil(end + pause, state)) {
          return;
        }
      }
    }
  }

  @Override
  public long started(int operationIndex) {
    long sum = 0;
    for (Caller user : users) {
      if (user != null) {
        sum += user.started(operationIndex);
      }
    }
    return sum;
  }

  @Override
  public long dropped(int operationIndex) {
    return 0;
  }

  @Override
  public boolean idle() {
    Thread c = controller;
    if (c != null && c.isAlive()) {
      return false;
    }
    for (Thread t : threads) {
      if (t != null && t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void wake() {
    Thread c = controller;
    if (c != null) {
      LockSupport.unpark(c);
    }
    for (Thread t : threads) {
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  @Override
  public void interrupt() {
    for (Thread t : threads) {
      if (t != null && t.isAlive()) {
        t.interrupt();
      }
    }
  }
}
