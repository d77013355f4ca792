package dev.plimsoll.core.criteria;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats measured values for verdict details. */
final class Numbers {
  private Numbers() {}

  private static final MathContext THREE_DIGITS = new MathContext(3);

  /**
   * Three significant digits for small values, whole numbers from 1000 up: the precision latency
   * histograms keep, without the noise of a double's last digits.
   */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (Math.abs(value) >= 1000) {
      return Long.toString(Math.round(value));
    }
    return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
  }

  /** Bytes in the largest binary unit (B, KB, MB, GB) that keeps the value at 1 or more. */
  static String bytes(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (Math.abs(value) >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return format(value) + " " + units[unit];
  }
}
