package dev.plimsoll.report.html;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Words and numbers of the report, written as the console and Markdown reports write them (core's
 * {@link Units}, unknown values as {@value Units#NOT_AVAILABLE}).
 */
final class Facts {

  private Facts() {}

  static String criterion(Verdict verdict) {
    Criterion criterion = verdict.criterion();
    if (criterion == null) {
      return Units.NOT_AVAILABLE;
    }
    return criterion.source() != null ? criterion.source() : criterion.metric().token();
  }

  /** The limit with its comparison, in the metric's unit: {@code < 25 ms}. */
  static String threshold(Verdict verdict) {
    Criterion criterion = verdict.criterion();
    if (criterion == null) {
      return Units.NOT_AVAILABLE;
    }
    return criterion.comparison().symbol() + " " + withUnit(criterion.threshold(),
        criterion.metric().unit());
  }

  /** The measured value in the metric's unit, or the verdict's note when nothing was measured. */
  static String measured(Verdict verdict) {
    if (Double.isNaN(verdict.measured())) {
      return verdict.detail() == null ? Units.NOT_AVAILABLE : verdict.detail();
    }
    Criterion criterion = verdict.criterion();
    return withUnit(verdict.measured(), criterion == null ? "" : criterion.metric().unit());
  }

  static String decimal(double value) {
    return Double.isNaN(value) ? Units.NOT_AVAILABLE : Units.decimal(value);
  }

  /** A fraction as a percentage; negative is unknown. */
  static String percent(double fraction) {
    return fraction < 0 || Double.isNaN(fraction) ? Units.NOT_AVAILABLE : Units.percent(fraction);
  }

  static String bytes(long bytes) {
    return bytes < 0 ? Units.NOT_AVAILABLE : Units.bytes(bytes);
  }

  static String instant(Instant instant) {
    return instant == null ? Units.NOT_AVAILABLE : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String withUnit(double value, String unit) {
    if (unit == null || unit.isEmpty()) {
      return decimal(value);
    }
    return switch (unit) {
      case "fraction" -> percent(value);
      case "bytes" -> bytes((long) value);
      case "count" -> Units.count((long) value);
      case "ops/s" -> decimal(value) + "/s";
      default -> decimal(value) + (unit.startsWith("%") || unit.startsWith("/") ? "" : " ") + unit;
    };
  }
}
