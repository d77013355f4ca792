package dev.plimsoll.core.criteria;

import dev.plimsoll.core.criteria.Unit.Dimension;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the text form of a criterion; see {@link Criterion#parse(String)} for the grammar. */
final class CriterionParser {

  static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private static final String COMPARATOR_CHARS = "<>=!";
  private static final Pattern NUMBER =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)(.*)", Pattern.DOTALL);
  private static final Pattern ABORT_SUFFIX =
      Pattern.compile("(.*?)\\s+abort", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final String text;

  private CriterionParser(String text) {
    this.text = text;
  }

  static Criterion parse(String text) {
    return new CriterionParser(text).parse();
  }

  private Criterion parse() {
    String source = text.strip();
    if (source.isEmpty()) {
      throw error(
          "empty text (expected [operation.]metric comparator value[unit], e.g. p95 < 25ms)");
    }
    int opStart = indexOfComparator(source);
    if (opStart < 0) {
      throw error("missing comparator (allowed: " + allowedComparators() + ")");
    }
    int opEnd = opStart;
    while (opEnd < source.length() && COMPARATOR_CHARS.indexOf(source.charAt(opEnd)) >= 0) {
      opEnd++;
    }
    String symbol = source.substring(opStart, opEnd);
    Comparison comparison = comparison(symbol);
    if (comparison == null) {
      throw error("unknown comparator '" + symbol + "' (allowed: " + allowedComparators() + ")");
    }

    String left = source.substring(0, opStart).strip();
    if (left.isEmpty()) {
      throw error(
          "missing metric before '" + symbol + "' (allowed: " + Metric.allowedTokens() + ")");
    }
    String scope = null;
    Metric metric = Metric.find(left);
    if (metric == null) {
      // The whole left side is not a metric, so a dot (if any) separates an operation name; a
      // metric's own dot, as in p99.9, never gets here.
      int dot = left.indexOf('.');
      String metricText = dot < 0 ? left : left.substring(dot + 1).strip();
      metric = Metric.find(metricText);
      if (metric == null) {
        throw error(
            "unknown metric '" + metricText + "' (allowed: " + Metric.allowedTokens() + ")");
      }
      scope = left.substring(0, dot).strip();
      if (!OPERATION_NAME.matcher(scope).matches()) {
        throw error("invalid operation name '" + scope + "' (expected " + OPERATION_NAME + ")");
      }
    }

    String right = source.substring(opEnd).strip();
    boolean abort = false;
    Matcher abortMatcher = ABORT_SUFFIX.matcher(right);
    if (abortMatcher.matches()) {
      abort = true;
      right = abortMatcher.group(1).strip();
    }
    if (right.isEmpty()) {
      throw error("missing value after '" + symbol + "'");
    }
    Matcher number = NUMBER.matcher(right);
    if (!number.matches()) {
      throw error("value '" + right + "' is not a number");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(number.group(1));
    } catch (NumberFormatException e) {
      // Only an exponent beyond int range gets here: the pattern admits nothing else.
      throw error("value '" + right + "' is out of range");
    }
    if (value.signum() < 0) {
      throw error("negative threshold '" + right + "' (thresholds are 0 or more)");
    }
    String unitText = number.group(2).strip();

    Threshold threshold = threshold(metric, value, unitText);
    if (Double.isInfinite(threshold.canonical)) {
      throw error("value '" + right + "' is out of range");
    }
    metric = threshold.metric;
    if (scope != null && metric.wholeRunOnly()) {
      throw error(wholeRunName(metric) + " is measured for the whole run and takes no operation"
          + " scope (remove '" + scope + ".')");
    }
    if (metric.kind().dimension == Dimension.FRACTION
        && metric != Metric.THROUGHPUT_OF_TARGET
        && threshold.canonical > 1) {
      throw error(metric.token() + " must be between 0 and 1 as a fraction, or 0% and 100%,"
          + " was '" + right + "'");
    }
    return new Criterion(source, scope, metric, comparison, threshold.canonical, abort);
  }

  private record Threshold(Metric metric, double canonical) {}

  /**
   * Applies the unit. {@code throughput} with {@code %} becomes
   * {@link Metric#THROUGHPUT_OF_TARGET}: the unit, not the name, tells the two apart.
   */
  private Threshold threshold(Metric metric, BigDecimal value, String unitText) {
    Dimension dimension = metric.kind().dimension;
    if (unitText.isEmpty()) {
      if (dimension == Dimension.FRACTION || dimension == Dimension.COUNT) {
        return new Threshold(metric, value.doubleValue());
      }
      throw error(metric.token() + " needs a unit (allowed: " + allowedUnits(metric) + ")");
    }
    if (dimension == Dimension.COUNT) {
      throw error(metric.token() + " is a count and takes no unit, was '" + unitText + "'");
    }
    Unit unit = Unit.find(unitText);
    if (metric == Metric.THROUGHPUT && unit == Unit.PERCENT) {
      return new Threshold(Metric.THROUGHPUT_OF_TARGET, unit.toCanonical(value));
    }
    if (unit == null || unit.dimension() != dimension) {
      throw error("unit '" + unitText + "' does not fit " + metric.token()
          + " (allowed: " + allowedUnits(metric) + ")");
    }
    return new Threshold(metric, unit.toCanonical(value));
  }

  private static String allowedUnits(Metric metric) {
    String units = metric.kind().dimension.allowed();
    if (metric == Metric.THROUGHPUT) {
      return units + ", % (of the target rate)";
    }
    if (metric.kind().dimension == Dimension.FRACTION) {
      return units + " or a plain fraction";
    }
    return units;
  }

  /** Percent-of-target is written as throughput, so say so rather than name the hidden token. */
  private static String wholeRunName(Metric metric) {
    return metric == Metric.THROUGHPUT_OF_TARGET
        ? "throughput as a percent of target"
        : metric.token();
  }

  private static int indexOfComparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (COMPARATOR_CHARS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static Comparison comparison(String symbol) {
    for (Comparison c : Comparison.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    return null;
  }

  private static String allowedComparators() {
    return Stream.of(Comparison.values()).map(Comparison::symbol).collect(Collectors.joining(", "));
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("criterion '" + text.strip() + "': " + problem);
  }
}
