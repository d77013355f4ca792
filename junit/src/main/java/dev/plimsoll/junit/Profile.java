package dev.plimsoll.junit;

import java.util.Locale;

/**
 * Which variants of the load tests a build runs, chosen with {@code PLIMSOLL_PROFILE} (or
 * {@code -Dplimsoll.profile}): the {@link Quick} ones on every build, the {@link Full} ones when
 * asked for. Tests marked neither run in both.
 */
enum Profile {
  /** The default: {@link Quick} variants run, {@link Full} ones are skipped. */
  QUICK,
  /** {@link Full} variants run, {@link Quick} ones are skipped. */
  FULL;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Profile named(String text, String origin) {
    for (Profile p : values()) {
      if (p.label().equalsIgnoreCase(text.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException(origin + ": '" + text + "' is not a profile (allowed: quick, full)");
  }
}
