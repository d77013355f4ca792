package dev.plimsoll.report;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Number, size and time formatting shared by the human-readable reports, so that console and
 * Markdown show the same value the same way. Numbers, counts, percentages and sizes are written by
 * core's {@link Units}, as verdicts and descriptions are; what is here is the reports' own
 * presentation (units in table columns, unknown values, durations and clocks for a reader).
 *
 * <p>Everything is formatted with {@link Locale#ROOT} on purpose: a report pasted into an issue
 * reads the same whatever the machine's locale, and tests do not depend on it.
 */
final class Formats {

  /** Shown for values the model marks as unknown (-1, NaN or null). */
  static final String NOT_AVAILABLE = Units.NOT_AVAILABLE;

  private Formats() {}

  /** A latency in milliseconds, without its unit (table columns carry it). */
  static String ms(double millis) {
    return Units.decimal(millis);
  }

  /** A latency in milliseconds, with its unit: {@code 12.3 ms}. */
  static String msWithUnit(double millis) {
    return Double.isNaN(millis) ? NOT_AVAILABLE : Units.decimal(millis) + " ms";
  }

  /**
   * A fraction (0–1) as a whole percentage, for progress: {@code 0.425} is {@code 43%}. NaN is
   * unknown.
   */
  static String wholePercent(double fraction) {
    return Double.isNaN(fraction) ? NOT_AVAILABLE : Math.round(fraction * 100) + "%";
  }

  /** A fraction (0–1) as a percentage: {@code 0.0012} is {@code 0.12%}. Negative is unknown. */
  static String percent(double fraction) {
    return fraction < 0 ? NOT_AVAILABLE : Units.percent(fraction);
  }

  /** A byte count in binary units: {@code 512 MiB}, {@code 1.25 GiB}. Negative is unknown. */
  static String bytes(long bytes) {
    return bytes < 0 ? NOT_AVAILABLE : Units.bytes(bytes);
  }

  /** A measured value in a criterion metric's unit: {@code 31.2 ms}, {@code 0.12%}. */
  static String withUnit(double value, String unit) {
    if (Double.isNaN(value)) {
      return NOT_AVAILABLE;
    }
    if (unit == null || unit.isEmpty()) {
      return Units.decimal(value);
    }
    // The metrics' canonical units, shown the way people write them.
    switch (unit) {
      case "fraction":
        return percent(value);
      case "bytes":
        return bytes((long) value);
      case "count":
        return Units.count((long) value);
      case "ops/s":
        return Units.decimal(value) + "/s";
      default:
        break;
    }
    // Symbols that read as part of the number get no space: "0.12%", "1,200/s".
    boolean attached = unit.startsWith("%") || unit.startsWith("/");
    return Units.decimal(value) + (attached ? "" : " ") + unit;
  }

  /**
   * A duration for a reader: {@code 850 ms}, {@code 45.2 s}, {@code 2m 05s}, {@code 1h 02m 03s}.
   */
  static String duration(Duration duration) {
    if (duration == null) {
      return NOT_AVAILABLE;
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return Units.decimal(duration.toNanos() / 1_000_000.0) + " ms";
    }
    if (duration.compareTo(Duration.ofSeconds(60)) < 0) {
      return Units.decimal(duration.toNanos() / 1_000_000_000.0) + " s";
    }
    long seconds = Math.round(duration.toNanos() / 1_000_000_000.0);
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(
        Locale.ROOT, "%dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** A clock-style duration for progress lines: {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
  static String clock(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** An instant to the second, in ISO-8601 UTC: {@code 2025-03-01T10:00:00Z}. */
  static String instant(Instant instant) {
    return instant == null ? NOT_AVAILABLE : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code text} on one line, then cut to {@code max} characters, with an ellipsis when cut. */
  static String truncate(String text, int max) {
    String line = oneLine(text);
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }

  /**
   * {@code text} with each line break, and the white space around it, turned into one space:
   * messages from the run reach table rows, which must stay on one line. Null is empty.
   */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
  }
}
