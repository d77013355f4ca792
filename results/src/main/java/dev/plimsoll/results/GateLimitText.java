package dev.plimsoll.results;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One gate limit written as text, {@code [OPERATION=]PERCENT}: {@code 90%} for all operations
 * together and each one, {@code login=85%} for one operation ({@code total=95%} for all together
 * alone). The percent sign is optional. The command line's {@code --gate-throughput} and
 * {@code --gate-latency} and JUnit's {@code @LoadTest} take this form; {@link #applyTo} hands it to
 * a {@link RegressionGate.Builder}.
 *
 * @param operation the operation it applies to, or null for every one without its own
 * @param ratio the percent as a ratio: {@code 90%} is 0.9
 */
public record GateLimitText(String operation, double ratio) {
  private static final Pattern OPERATION = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  public GateLimitText {
    if (!(ratio >= 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("ratio must be a finite number, 0 or more, was " + ratio);
    }
  }

  /** Which limit a text sets. */
  public enum Kind {
    /** The least throughput, as a percent of the baseline's: 100 % or less. */
    THROUGHPUT,
    /** The most latency, as a percent of the baseline's: 100 % or more. */
    LATENCY
  }

  /**
   * Reads {@code 90%}, {@code 90}, {@code login=85%}.
   *
   * @throws IllegalArgumentException quoting the text, e.g. {@code 'login=x' is not a percent (e.g.
   *     login=85%)}
   */
  public static GateLimitText parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    String operation = null;
    int equals = t.indexOf('=');
    if (equals >= 0) {
      operation = t.substring(0, equals).strip();
      if (!OPERATION.matcher(operation).matches()) {
        throw new IllegalArgumentException("'" + text + "': '" + operation + "' is not an operation name");
      }
      t = t.substring(equals + 1).strip();
    }
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    try {
      double value = new BigDecimal(t).movePointLeft(2).doubleValue();
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return new GateLimitText(operation, value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a percent (e.g. " + (operation == null ? "90%" : "login=85%") + ")");
    }
  }

  /**
   * Sets this limit of {@code kind} on {@code gate}.
   *
   * @throws IllegalArgumentException when the percent is out of the kind's range: a throughput
   *     above 100 %, a latency below 100 %
   */
  public RegressionGate.Builder applyTo(RegressionGate.Builder gate, Kind kind) {
    if (kind == Kind.THROUGHPUT && ratio > 1) {
      throw new IllegalArgumentException(text() + ": the least throughput must be 100% or less");
    }
    if (kind == Kind.LATENCY && ratio < 1) {
      throw new IllegalArgumentException(text() + ": the most latency must be 100% or more");
    }
    return kind == Kind.THROUGHPUT ? gate.minThroughputRatio(operation, ratio) : gate.maxLatencyRatio(operation, ratio);
  }

  /** The text form, {@code login=85%}. */
  public String text() {
    String percent = BigDecimal.valueOf(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    return operation == null ? percent : operation + "=" + percent;
  }
}
