package dev.plimsoll.core.criteria;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A unit a threshold can be written in, and how to turn it into its metric's canonical unit.
 * Byte units are binary: 1 KB = 1024 B.
 */
enum Unit {
  NANOSECONDS(Dimension.TIME, "0.000001", 1, "ns"),
  MICROSECONDS(Dimension.TIME, "0.001", 1, "us", "\u00b5s"),
  MILLISECONDS(Dimension.TIME, "1", 1, "ms"),
  SECONDS(Dimension.TIME, "1000", 1, "s"),
  MINUTES(Dimension.TIME, "60000", 1, "m"),
  PERCENT(Dimension.FRACTION, "0.01", 1, "%"),
  PER_SECOND(Dimension.RATE, "1", 1, "/s"),
  PER_MINUTE(Dimension.RATE, "1", 60, "/min"),
  BYTES(Dimension.BYTES, "1", 1, "B"),
  KILOBYTES(Dimension.BYTES, "1024", 1, "KB"),
  MEGABYTES(Dimension.BYTES, "1048576", 1, "MB"),
  GIGABYTES(Dimension.BYTES, "1073741824", 1, "GB"),
  KILOBYTES_PER_MINUTE(Dimension.BYTES_PER_MINUTE, "1", 1024, "KB/min"),
  MEGABYTES_PER_MINUTE(Dimension.BYTES_PER_MINUTE, "1", 1, "MB/min"),
  GIGABYTES_PER_MINUTE(Dimension.BYTES_PER_MINUTE, "1024", 1, "GB/min");

  /** What a unit measures; each metric accepts the units of one dimension. */
  enum Dimension {
    TIME,
    /** A share, written as a plain fraction or with %. */
    FRACTION,
    RATE,
    /** A plain count: no unit at all. */
    COUNT,
    BYTES,
    BYTES_PER_MINUTE;

    List<Unit> units() {
      return Stream.of(Unit.values()).filter(u -> u.dimension == this).toList();
    }

    /** The spellings a user may write, for error messages. */
    String allowed() {
      return units().stream().flatMap(u -> u.spellings.stream()).collect(Collectors.joining(", "));
    }
  }

  private final Dimension dimension;
  private final BigDecimal multiplier;
  private final BigDecimal divisor;
  private final List<String> spellings;

  Unit(Dimension dimension, String multiplier, int divisor, String... spellings) {
    this.dimension = dimension;
    this.multiplier = new BigDecimal(multiplier);
    this.divisor = BigDecimal.valueOf(divisor);
    this.spellings = List.of(spellings);
  }

  Dimension dimension() {
    return dimension;
  }

  /**
   * Converts with decimal arithmetic, so that {@code 0.1%} becomes the double nearest 0.001, the
   * same double a measured rate of 1/1000 is.
   */
  double toCanonical(BigDecimal value) {
    return value.multiply(multiplier).divide(divisor, MathContext.DECIMAL64).doubleValue();
  }

  /** The unit written as {@code text} (case-insensitive, whitespace ignored), or null. */
  static Unit find(String text) {
    // The Greek mu looks the same as the micro sign; accept either.
    String wanted =
        text.replaceAll("\\s+", "").replace('\u03bc', '\u00b5').toLowerCase(Locale.ROOT);
    for (Unit unit : values()) {
      for (String spelling : unit.spellings) {
        if (spelling.toLowerCase(Locale.ROOT).equals(wanted)) {
          return unit;
        }
      }
    }
    return null;
  }
}
