package dev.plimsoll.sim;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.units.Units;
import java.time.Duration;

/** The checks every setting of a simulation goes through, each with one wording. */
final class Checks {
  private Checks() {}

  static void nonNegative(Duration d, String field) {
    if (d == null || d.isNegative()) {
      throw new InvalidConfigurationException(field, "must be >= 0s (was " + text(d) + ")");
    }
  }

  static void positive(Duration d, String field) {
    if (d == null || !d.isPositive()) {
      throw new InvalidConfigurationException(field, "must be > 0s (was " + text(d) + ")");
    }
  }

  static void probability(double p, String field) {
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidConfigurationException(field, "must be between 0 and 1 (was " + p + ")");
    }
  }

  static void require(boolean condition, String field, String problem) {
    if (!condition) {
      throw new InvalidConfigurationException(field, problem);
    }
  }

  static String text(Duration d) {
    return d == null ? "none" : Units.formatDuration(d);
  }
}
