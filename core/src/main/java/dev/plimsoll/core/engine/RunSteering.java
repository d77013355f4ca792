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
 * The run's {@link Steering}: checks each change, hands it to the workload's driver at the clock's
 * present moment, and records it. Changes are made one at a time (this object's lock), so their
 * record is in the order they took effect.
 */
final class RunSteering implements Steering {
  /** The longest text a change's author may be recorded by. */
  private static final int MAX_BY = 64;

  private final RunState state;
  private final Map<String, Steerable> drivers = new LinkedHashMap<>();
  private final List<ProfileChange> changes = new ArrayList<>();
  private int told;
  /** Set once the drivers have started: a change before then would have no schedule to change. */
  private volatile boolean started;

  RunSteering(RunState state) {
    this.state = state;
  }

  void add(String workload, Steerable driver) {
    drivers.put(workload, driver);
  }

  void driversStarted() {
    started = true;
  }

  @Override
  public synchronized List<Knob> knobs() {
    long now = state.clock.nanoTime();
    List<Knob> knobs = new ArrayList<>(drivers.size());
    drivers.forEach((name, d) -> knobs.add(new Knob(name, d.setting(), d.current(now))));
    return knobs;
  }

  @Override
  public ProfileChange setRate(String workload, double perSecond, String by) {
    if (!(perSecond >= 0 && perSecond <= MAX_RATE_PER_SECOND)) {
      throw new IllegalArgumentException("the rate must be a number from 0 to "
          + Units.formatRate(MAX_RATE_PER_SECOND) + " per second (was " + perSecond + ")");
    }
    return change(workload, ProfileChange.Setting.RATE, perSecond, by);
  }

  @Override
  public ProfileChange setUsers(String workload, int users, String by) {
    if (users < 0 || users > MAX_USERS) {
      throw new IllegalArgumentException("the users must be a whole number from 0 to " + MAX_USERS
          + " (was " + users + ")");
    }
    return change(workload, ProfileChange.Setting.USERS, users, by);
  }

  private synchronized ProfileChange change(String workload, ProfileChange.Setting setting, double value, String by) {
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
    long now = state.clock.nanoTime();
    if (!started || !state.running() || now >= state.endNanos) {
      throw new IllegalStateException(started ? "the run has ended or is stopping" : "the run has not started yet");
    }
    double from = driver.current(now);
    driver.steer(value, now);
    ProfileChange change = new ProfileChange(Duration.ofNanos(now - state.startNanos), workload, setting,
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
