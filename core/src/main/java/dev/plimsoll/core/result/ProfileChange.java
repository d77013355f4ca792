package dev.plimsoll.core.result;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A change made to a workload's load while the run went ({@code Steering}): from {@code at} on,
 * the workload ran at {@code to} instead of its profile's plan.
 *
 * @param at time since the run started (warm-up included) when the change took effect
 * @param workload the workload changed
 * @param setting what changed: an open model's rate or a closed model's users
 * @param from the setting just before the change (a rate per second, or a number of users)
 * @param to the setting from the change on
 * @param by who made it, in words: {@code "dashboard"}, {@code "api"}, ...
 */
public record ProfileChange(
    Duration at, String workload, ProfileChange.Setting setting, double from, double to, String by) {

  /** What a profile change changes. */
  public enum Setting {
    /** An open model's arrival rate, per second. */
    RATE,
    /** A closed model's number of virtual users. */
    USERS;

    /** The setting's name in text: {@code rate} or {@code users}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ProfileChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(by, "by");
  }

  /** The change in words, e.g. {@code "checkout: rate 100/s → 250/s (dashboard)"}. */
  public String describe() {
    return workload + ": " + change() + " (" + by + ")";
  }

  /** What changed, in words, e.g. {@code "rate 100/s → 250/s"}. */
  public String change() {
    return setting.word() + " " + value(from) + " → " + value(to);
  }

  /** A rate to the thousandth per second (a ramp's rate at a moment has many digits), or users. */
  private String value(double v) {
    if (setting == Setting.RATE) {
      return Units.formatRate(Math.rint(v * 1000) / 1000);
    }
    return Long.toString(Math.round(v));
  }
}
