package dev.plimsoll.core;

import dev.plimsoll.core.units.Units;
import java.time.Duration;

/**
 * One stage of a staged profile: over {@code duration}, move linearly from the previous stage's
 * target (or the profile's start) to {@code target}. A stage with the previous target holds.
 *
 * @param target a rate per second (rate profiles) or a number of users (user profiles)
 */
public record Stage(Duration duration, double target) {

  public static Stage rampTo(double target, Duration over) {
    return new Stage(over, target);
  }

  static void validate(String field, double start, Iterable<Stage> stages) {
    InvalidConfigurationException.require(
        start >= 0 && Double.isFinite(start), field + ".start", "must be >= 0 (was " + start + ")");
    int i = 0;
    boolean any = false;
    for (Stage s : stages) {
      String at = field + ".stages[" + i++ + "]";
      InvalidConfigurationException.require(
          s.duration() != null && s.duration().compareTo(Duration.ZERO) > 0,
          at + ".duration",
          "must be positive (was " + Durations.text(s.duration()) + ")");
      InvalidConfigurationException.require(
          s.target() >= 0 && Double.isFinite(s.target()),
          at + ".target",
          "must be >= 0 (was " + s.target() + ")");
      any = true;
    }
    InvalidConfigurationException.require(any, field + ".stages", "is empty (give at least one stage)");
  }
}
