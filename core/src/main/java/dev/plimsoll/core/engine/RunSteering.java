package dev.plimsoll.core.engine;

import dev.plimsoll.core.Steering;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's {@link Steering}: checks each change, hands it to the workload's driver (or, for a run
 * measured elsewhere, its record of the plan) at its moment, and records it. Changes are made one
 * at a time (this object's lock), so their record is in the order they take effect.
 *
 * <p>A change made here takes effect {@code leadNanos} after it is asked for: at once in a local
 * run, a moment ahead in a distributed one, so that every machine has it before it is due. One
 * passed to {@link #apply} takes effect at its own moment, or at once if that has passed.
 */
final class RunSteering implements Steering {
  /** The longest text a change's author may be recorded by. */
  private static final int MAX_BY = 64;

  /** What steering needs of its run: its clock, its moments (on that clock), and whether it goes on. */
  interface Run {
    long nowNanos();

    long startNanos();

    long endNanos();

    /** False once the run is stopping or has ended. */
    boolean going();
  }

  private final Run run;
  private final long leadNanos;
  private final Map<String, Steerable> drivers = new LinkedHashMap<>();
  private final List<ProfileChange> changes = new ArrayList<>();
  private int told;
  /** The moment of the latest change: a later one never takes effect before it. */
  private long lastAtNanos = Long.MIN_VALUE;
  /** Set once the drivers have started: a change before then would have no schedule to change. */
  private volatile boolean started;

  RunSteering(Run run, long leadNanos) {
    this.run = run;
    this.leadNanos = leadNanos;
  }

  /** The steering of a run on this process's engine: changes take effect at once. */
  static RunSteering local(RunState state) {
    return new RunSteering(new Run() {
      @Override
      public long nowNanos() {
        return state.clock.nanoTime();
      }

      @Override
      public long startNanos() {
        return state.startNanos;
      }

      @Override
      public long endNanos() {
        return state.endNanos;
      }

      @Override
      public boolean going() {
        return state.running();
      }
    }, 0);
  }

  void add(String workload, Steerable driver) {
    drivers.put(workload, driver);
  }

  void driversStarted() {
    started = true;
  }

  @Override
  public synchronized List<Knob> knobs() {
    long now = run.nowNanos();
    List<Knob> knobs = new ArrayList<>(drivers.size());
    drivers.forEach((name, d) -> knobs.add(new Knob(name, d.setting(), d.current(now))));
    return knobs;
  }

  @Override
  public ProfileChange setRate(String workload, double perSecond, String by) {
    checkRate(perSecond);
    return change(workload, ProfileChange.Setting.RATE, perSecond, by, Long.MIN_VALUE);
  }

  @Override
  public ProfileChange setUsers(String workload, int users, String by) {
    checkUsers(users);
    return change(workload, ProfileChange.Setting.USERS, users, by, Long.MIN_VALUE);
  }

  @Override
  public ProfileChange apply(ProfileChange change) {
    if (change.setting() == ProfileChange.Setting.RATE) {
      checkRate(change.to());
    } else {
      checkUsers(change.to());
    }
    return change(change.workload(), change.setting(), change.to(), change.by(),
        run.startNanos() + change.at().toNanos());
  }

  private static void checkRate(double perSecond) {
    if (!(perSecond >= 0 && perSecond <= MAX_RATE_PER_SECOND)) {
      throw new IllegalArgumentException("the rate must be a number from 0 to "
          + Units.formatRate(MAX_RATE_PER_SECOND) + " per second (was " + perSecond + ")");
    }
  }

  private static void checkUsers(double users) {
    if (!(users >= 0 && users <= MAX_USERS && users == Math.rint(users))) {
      throw new IllegalArgumentException("the users must be a whole number from 0 to " + MAX_USERS
          + " (was " + (users == Math.rint(users) ? Long.toString((long) users) : Double.toString(users)) + ")");
    }
  }

  /** Makes a checked change at the later of {@code atNanos}, now plus the lead, and the last change. */
  private synchronized ProfileChange change(String workload, ProfileChange.Setting setting, double value, String by,
      long atNanos) {
    Steerable driver = workload == null ? null : drivers.get(workload);
    if (driver == null) {
      throw new IllegalArgumentException("there is no workload '" + workload + "' (the workloads: "
          + String.join(", ", drivers.keySet()) + ")");
    }
    if (driver.setting() != setting) {
      throw new IllegalArgumentException("workload '" + workload + "' runs "
          + (driver.setting() == ProfileChange.Setting.RATE ? "an open model: set its rate" : "a closed model: set its users")
          + ", not its " + setting.word());
    }
    if (by == null || by.isBlank() || by.length() > MAX_BY) {
      throw new IllegalArgumentException("who makes the change must be said in 1 to " + MAX_BY + " characters");
    }
    long now = run.nowNanos();
    boolean begun = started && now >= run.startNanos();
    if (!begun || !run.going() || now >= run.endNanos()) {
      throw new IllegalStateException(begun ? "the run has ended or is stopping" : "the run has not started yet");
    }
    long at = Math.max(Math.max(now + leadNanos, atNanos), lastAtNanos);
    if (at >= run.endNanos()) {
      throw new IllegalStateException("the run ends before the change could take effect");
    }
    double from = driver.current(at);
    driver.steer(value, at);
    lastAtNanos = at;
    ProfileChange change = new ProfileChange(Duration.ofNanos(at - run.startNanos()), workload, setting,
        from, value, by.strip());
    changes.add(change);
    return change;
  }

  /** The changes not yet handed out here, in order; for telling the listeners. */
  synchronized List<ProfileChange> untold() {
    List<ProfileChange> fresh = List.copyOf(changes.subList(told, changes.size()));
    told = changes.size();
    return fresh;
  }

  /** Every change so far, in order. */
  synchronized List<ProfileChange> all() {
    return List.copyOf(changes);
  }
}
