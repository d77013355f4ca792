package dev.plimsoll.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place durations, rates, sizes and measured numbers are read from and written as text,
 * so a value means the same in a scenario file, an environment variable, a command-line option, a
 * description, a verdict and a report.
 *
 * <h2>Exact forms</h2>
 * {@link #parseDuration}, {@link #parseRate} and {@link #parseSize} read what people write in
 * settings; {@link #formatDuration}, {@link #formatRate} and {@link #formatSize} write a value so
 * that the parser reads back the same value ({@code 1m30s}, {@code 200/s}, {@code 64KB}). Each
 * parser throws an {@link IllegalArgumentException} whose message quotes the text and gives
 * examples, ready to be prefixed with where the text came from.
 *
 * <h2>Display forms</h2>
 * {@link #decimal}, {@link #count}, {@link #percent} and {@link #bytes} write measured values for a
 * reader: three significant digits below 1,000, whole numbers with thousands separators from there
 * on, binary units with their IEC names ({@code 1.5 KiB}). They round, so they are not read back.
 *
 * <p>Everything is written with {@link Locale#ROOT}: a report pasted into an issue reads the same
 * whatever the machine's locale, and {@code 3.2 ms} never becomes {@code 3,2 ms}.
 */
public final class Units {

  /** Examples of durations, for messages. */
  public static final String DURATION_EXAMPLES = "examples: 500ms, 30s, 5m, 1h30m";
  /**
   * The longest duration any setting accepts (a year, written {@code 8760h}): longer ones are typing
   * mistakes, and would overflow the engine's nanosecond clock arithmetic.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(365);
  /** Examples of rates, for messages. */
  public static final String RATE_EXAMPLES = "examples: 200/s, 12000/min";
  /** Examples of sizes, for messages. */
  public static final String SIZE_EXAMPLES = "examples: 512B, 64KB, 1MB";
  /** What the display forms write for an unknown value (NaN). */
  public static final String NOT_AVAILABLE = "n/a";

  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final Pattern DECIMAL_DURATION = Pattern.compile("(\\d*\\.\\d+)(ms|s|m|h)");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*/\\s*(s|min)");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(B|KB|MB|GB|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final String[] SIZE_UNITS = {"B", "KB", "MB", "GB"};
  private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  // Three significant digits matches HdrHistogram's own precision (SIGNIFICANT_DIGITS = 3):
  // printing more digits would claim a precision the histogram does not have.
  private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
  /** A rate at most this far from a whole number per minute is written per minute. */
  private static final double PER_MINUTE_TOLERANCE = 1e-9;

  private Units() {}

  /**
   * Reads {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or a combination from largest to
   * smallest unit such as {@code 1h30m} or {@code 1m30s}, or one decimal number with a unit such as
   * {@code 0.5s} or {@code 1.5m}. A unit is always required.
   */
  public static Duration parseDuration(String text) {
    Duration d = parseAnyDuration(text);
    if (d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration (at most " + formatDuration(MAX_DURATION) + ")");
    }
    return d;
  }

  private static Duration parseAnyDuration(String text) {
    String t = text == null ? "" : text.strip();
    Matcher decimal = DECIMAL_DURATION.matcher(t);
    if (decimal.matches()) {
      BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (decimal.group(2)) {
        case "ms" -> NANOS_PER_MILLI;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      });
      try {
        return Duration.ofNanos(new BigDecimal(decimal.group(1)).multiply(nanosPerUnit).longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("'" + text + "' is not a duration in whole nanoseconds, or too long a duration"
            + " (at most " + formatDuration(MAX_DURATION) + ")");
      }
    }
    Matcher m = DURATION.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (" + DURATION_EXAMPLES + ")");
    }
    try {
      Duration d = Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3)).plusMillis(group(m, 4));
      // Every duration is counted in long nanoseconds somewhere (timers, plans): about 292 years.
      d.toNanos();
      return d;
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration (at most " + formatDuration(MAX_DURATION) + ")");
    }
  }

  /** Reads a rate, {@code 200/s} or {@code 12000/min}, as arrivals per second. */
  public static double parseRate(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = RATE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a rate (" + RATE_EXAMPLES + ")");
    }
    double n = Double.parseDouble(m.group(1));
    if (!Double.isFinite(n)) {
      throw new IllegalArgumentException("'" + text + "' is too large a rate");
    }
    return m.group(2).equals("min") ? n / 60 : n;
  }

  /**
   * Reads a size in bytes: {@code 512B}, {@code 64KB}, {@code 1.5MB}, {@code 1GB}. Units are
   * binary (1KB = 1024B) and case-insensitive; {@code KiB}, {@code MiB} and {@code GiB} mean the
   * same, so the display form of {@link #bytes} reads back. The result must be whole bytes.
   */
  public static long parseSize(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size (" + SIZE_EXAMPLES + ")");
    }
    int shift = switch (m.group(2).toUpperCase(Locale.ROOT).replace("I", "")) {
      case "KB" -> 10;
      case "MB" -> 20;
      case "GB" -> 30;
      default -> 0;
    };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
    try {
      return bytes.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is "
          + (bytes.stripTrailingZeros().scale() > 0 ? "not a whole number of bytes" : "too large a size"));
    }
  }

  /**
   * The shortest exact text {@link #parseDuration} reads back: {@code 1m30s}, {@code 2h},
   * {@code 500ms}, {@code 0s}; a duration with a part finer than a millisecond is written in
   * milliseconds with decimals ({@code 0.25ms}). A negative duration, which no setting accepts,
   * is written with a minus sign for messages ({@code -1s}).
   */
  public static String formatDuration(Duration d) {
    if (d.isNegative()) {
      return "-" + formatDuration(d.negated());
    }
    if (d.isZero()) {
      return "0s";
    }
    if (d.getNano() % NANOS_PER_MILLI != 0) {
      BigDecimal ms = BigDecimal.valueOf(d.getSeconds()).scaleByPowerOfTen(3).add(BigDecimal.valueOf(d.getNano(), 6));
      return ms.stripTrailingZeros().toPlainString() + "ms";
    }
    long seconds = d.getSeconds();
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3600, "h");
    append(text, seconds / 60 % 60, "m");
    append(text, seconds % 60, "s");
    append(text, d.getNano() / NANOS_PER_MILLI, "ms");
    return text.toString();
  }

  /**
   * A rate {@link #parseRate} reads back: per second when that is a short decimal ({@code 200/s},
   * {@code 0.5/s}), per minute when that is whole ({@code 20/min} for a third per second), and
   * otherwise per second with every digit the double holds.
   */
  public static String formatRate(double perSecond) {
    if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      return perSecond + "/s";
    }
    BigDecimal exact = BigDecimal.valueOf(perSecond).stripTrailingZeros();
    if (exact.scale() <= 3) {
      return plain(exact) + "/s";
    }
    double perMinute = perSecond * 60;
    if (Math.abs(perMinute - Math.rint(perMinute)) <= PER_MINUTE_TOLERANCE * Math.max(1, Math.abs(perMinute))) {
      return plain(BigDecimal.valueOf(Math.rint(perMinute)).stripTrailingZeros()) + "/min";
    }
    return plain(exact) + "/s";
  }

  /** A size {@link #parseSize} reads back: the largest unit it is a whole number of ({@code 64KB}, {@code 1536B}). */
  public static String formatSize(long bytes) {
    int unit = 0;
    long n = bytes;
    while (unit < SIZE_UNITS.length - 1 && n != 0 && n % 1024 == 0) {
      n /= 1024;
      unit++;
    }
    return n + SIZE_UNITS[unit];
  }

  /**
   * A measured number for a reader: three significant digits below 1,000 ({@code 0.0123},
   * {@code 2.68}, {@code 678}), whole numbers with thousands separators from there on
   * ({@code 12,346}), where dropping digits would lose more than it tidies. Halves round up, as
   * the number is written ({@code 2.675} is {@code 2.68}). NaN is {@link #NOT_AVAILABLE}.
   */
  public static String decimal(double value) {
    if (Double.isNaN(value)) {
      return NOT_AVAILABLE;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (Math.abs(value) >= 999.5) {
      return count(Math.round(value));
    }
    if (value == 0) {
      return "0";
    }
    return plain(BigDecimal.valueOf(value).round(THREE_DIGITS).stripTrailingZeros());
  }

  /** A count with thousands separators: {@code 1,234,567}. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A fraction (0–1) as a percentage: {@code 0.0012} is {@code 0.12%}. NaN is {@link #NOT_AVAILABLE}. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? NOT_AVAILABLE : decimal(fraction * 100) + "%";
  }

  /**
   * Bytes for a reader, in the largest binary unit that keeps the number at 1 or more:
   * {@code 512 B}, {@code 1.5 KiB}, {@code 1.25 GiB}. NaN is {@link #NOT_AVAILABLE}.
   */
  public static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return NOT_AVAILABLE;
    }
    double value = bytes;
    int unit = 0;
    while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return decimal(value) + " " + BINARY_UNITS[unit];
  }

  private static String plain(BigDecimal value) {
    // stripTrailingZeros turns 100 into 1E+2; toPlainString writes it out again.
    return value.signum() == 0 ? "0" : value.toPlainString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static long group(Matcher m, int i) {
    String g = m.group(i);
    return g == null ? 0 : Long.parseLong(g);
  }
}
