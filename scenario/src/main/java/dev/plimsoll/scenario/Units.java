package dev.plimsoll.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of durations, rates and sizes used in scenario files, environment variables and
 * command-line options. Each parser throws {@link IllegalArgumentException} whose message quotes
 * the text and gives examples, ready to be prefixed with a location.
 */
public final class Units {

  /** Examples of durations, for messages. */
  public static final String DURATION_EXAMPLES = "examples: 500ms, 30s, 5m, 1h30m";
  /** Examples of rates, for messages. */
  public static final String RATE_EXAMPLES = "examples: 200/s, 12000/min";
  /** Examples of sizes, for messages. */
  public static final String SIZE_EXAMPLES = "examples: 512B, 64KB, 1MB";

  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final Pattern DECIMAL_DURATION = Pattern.compile("(\\d*\\.\\d+)(ms|s|m|h)");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*/\\s*(s|min)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)", Pattern.CASE_INSENSITIVE);

  private Units() {}

  /**
   * Reads {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or a combination from largest to
   * smallest unit such as {@code 1h30m} or {@code 1m30s}, or one decimal number with a unit such as
   * {@code 0.5s} or {@code 1.5m}. A unit is always required.
   */
  public static Duration parseDuration(String text) {
    String t = text == null ? "" : text.strip();
    Matcher decimal = DECIMAL_DURATION.matcher(t);
    if (decimal.matches()) {
      java.math.BigDecimal nanosPerUnit = java.math.BigDecimal.valueOf(switch (decimal.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      });
      try {
        return Duration.ofNanos(new java.math.BigDecimal(decimal.group(1)).multiply(nanosPerUnit).longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("'" + text + "' is not a duration in whole nanoseconds, or too long");
      }
    }
    Matcher m = DURATION.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (" + DURATION_EXAMPLES + ")");
    }
    try {
      Duration d = Duration.ZERO;
      d = d.plusHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3)).plusMillis(group(m, 4));
      return d;
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
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
    return m.group(2).equals("min") ? n / 60 : n;
  }

  /** Reads a size in bytes: {@code 512B}, {@code 64KB}, {@code 1MB}, {@code 1GB} (binary: 1KB = 1024B). */
  public static long parseSize(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size (" + SIZE_EXAMPLES + ")");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too large a size");
    }
    int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "KB" -> 10;
      case "MB" -> 20;
      case "GB" -> 30;
      default -> 0;
    };
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("'" + text + "' is too large a size");
    }
    return n << shift;
  }

  /** The shortest exact text form {@link #parseDuration} reads back: {@code 1m30s}, {@code 500ms}. */
  public static String formatDuration(Duration d) {
    if (d.toNanos() % 1_000_000 != 0 && d.compareTo(Duration.ofHours(1)) < 0) {
      return formatNumber(d.toNanos() / 1e6) + "ms";
    }
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long h = ms / 3_600_000;
    long m = ms / 60_000 % 60;
    long s = ms / 1000 % 60;
    long rest = ms % 1000;
    if (h > 0) {
      text.append(h).append('h');
    }
    if (m > 0) {
      text.append(m).append('m');
    }
    if (s > 0) {
      text.append(s).append('s');
    }
    if (rest > 0) {
      text.append(rest).append("ms");
    }
    return text.toString();
  }

  /** {@code 200/s}, {@code 0.5/s}. */
  public static String formatRate(double perSecond) {
    return formatNumber(perSecond) + "/s";
  }

  /** {@code 64KB} when exact, else bytes: {@code 1500B}. */
  public static String formatSize(long bytes) {
    String[] units = {"B", "KB", "MB", "GB"};
    int i = 0;
    long n = bytes;
    while (i < units.length - 1 && n != 0 && n % 1024 == 0) {
      n /= 1024;
      i++;
    }
    return n + units[i];
  }

  static String formatNumber(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    String text = String.format(Locale.ROOT, "%.3f", value);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static long group(Matcher m, int i) {
    String g = m.group(i);
    return g == null ? 0 : Long.parseLong(g);
  }
}
