package dev.plimsoll.core.engine;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RatePlan;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.ProfileChange;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload's load as planned, with every change made to it, for a run whose load other machines
 * generate ({@link RemoteEngine}): what its steering reads as the setting at a moment, and changes.
 * Only its {@link RunSteering} calls it, under that one's lock.
 */
final class PlannedKnob implements Steerable {
  private final long startNanos;
  private final UserProfile users;
  private RatePlan plan;
  /** A closed model's changes: the whole load's users by moment. */
  private final TreeMap<Long, Integer> changes = new TreeMap<>();

  private PlannedKnob(long startNanos, RatePlan plan, UserProfile users) {
    this.startNanos = startNanos;
    this.plan = plan;
    this.users = users;
  }

  static PlannedKnob of(Workload workload, Duration length, long startNanos) {
    if (workload.load() instanceof OpenModel open) {
      return new PlannedKnob(startNanos, open.profile().plan(length), null);
    }
    return new PlannedKnob(startNanos, null, ((ClosedModel) workload.load()).users());
  }

  @Override
  public ProfileChange.Setting setting() {
    return plan != null ? ProfileChange.Setting.RATE : ProfileChange.Setting.USERS;
  }

  @Override
  public double current(long atNanos) {
    // Before the start, the setting it starts with.
    double seconds = Math.max(0, (atNanos - startNanos) / 1e9);
    if (plan != null) {
      return plan.ratePerSecond(seconds);
    }
    Map.Entry<Long, Integer> change = changes.floorEntry(atNanos);
    return change != null ? change.getValue() : Math.min(users.maxUsers(), users.usersAt(seconds));
  }

  @Override
  public void steer(double value, long atNanos) {
    if (plan != null) {
      plan = plan.withRateFrom((atNanos - startNanos) / 1e9, value);
    } else {
      changes.put(atNanos, (int) value);
    }
  }
}
