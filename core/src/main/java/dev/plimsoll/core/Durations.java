package dev.plimsoll.core;

import java.time.Duration;

/** Conversions and wording for durations. */
final class Durations {
  private Durations() {}

  static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  /** "500ms", "30s", "2m", "1m30s": the shortest exact wording. */
  static String words(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0 || ms == 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s % 60 != 0) {
      return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
    return (s / 60) + "m";
  }

  static String rate(double perSecond) {
    return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
  }

  static void requirePositive(Duration d, String field) {
    InvalidConfigurationException.require(
        d != null && d.compareTo(Duration.ZERO) > 0, field, "must be positive (was " + d + ")");
  }
}
