package dev.plimsoll.core;

import dev.plimsoll.core.units.Units;
import java.time.Duration;

/** Arithmetic and checks on durations; their text forms are {@link Units}'. */
final class Durations {
  private Durations() {}

  static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  static void requirePositive(Duration d, String field) {
    InvalidConfigurationException.require(d != null && d.compareTo(Duration.ZERO) > 0, field,
        "must be positive (was " + text(d) + ")");
    InvalidConfigurationException.require(d.compareTo(Units.MAX_DURATION) <= 0, field,
        "must be at most " + text(Units.MAX_DURATION) + " (was " + text(d) + ")");
  }

  /** A duration as users write it ({@code 800ms}), never {@code Duration.toString()}'s PT0.8S. */
  static String text(Duration d) {
    return d == null ? "none" : Units.formatDuration(d);
  }
}
