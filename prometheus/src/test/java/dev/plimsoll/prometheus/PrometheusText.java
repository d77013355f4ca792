package dev.plimsoll.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of Prometheus' text exposition format 0.0.4, as Prometheus' own scraper reads it:
 * {@code # HELP} and {@code # TYPE} lines, then samples {@code name{label="value",...} value
 * [timestamp]}, label values with {@code \\}, {@code \"} and {@code \n} escapes, values as Go
 * floats ({@code +Inf}, {@code -Inf}, {@code NaN}). It refuses what Prometheus would: a malformed
 * line, a bad name, a sample of a family declared elsewhere, a repeated series, a TYPE after its
 * samples, a histogram whose buckets are not cumulative or whose +Inf bucket is not its count.
 */
final class PrometheusText {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  record Sample(String name, Map<String, String> labels, double value) {}

  record Family(String name, String type, String help, List<Sample> samples) {}

  private PrometheusText() {}

  static Map<String, Family> parse(String text) {
    Map<String, Family> families = new LinkedHashMap<>();
    Set<String> series = new HashSet<>();
    Map<String, String> help = new LinkedHashMap<>();
    Family current = null;
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      String where = "line " + lineNumber + ": " + line;
      if (line.startsWith("#")) {
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && parts[1].equals("HELP")) {
          require(METRIC_NAME.matcher(parts[2]).matches(), where);
          help.put(parts[2], parts.length == 4 ? parts[3] : "");
        } else if (parts.length == 4 && parts[1].equals("TYPE")) {
          require(METRIC_NAME.matcher(parts[2]).matches() && TYPES.contains(parts[3]), where);
          require(!families.containsKey(parts[2]), "a second TYPE for " + where);
          current = new Family(parts[2], parts[3], help.get(parts[2]), new ArrayList<>());
          families.put(parts[2], current);
        }
        continue;
      }
      Sample sample = sample(line, where);
      require(current != null && belongs(sample.name(), current), "a sample outside its family, " + where);
      require(series.add(sample.name() + sample.labels()), "a repeated series, " + where);
      current.samples().add(sample);
    }
    families.values().stream().filter(f -> f.type().equals("histogram")).forEach(PrometheusText::checkHistogram);
    return families;
  }

  private static boolean belongs(String sample, Family family) {
    String base = family.name();
    return switch (family.type()) {
      case "counter" -> sample.equals(base + "_total") || sample.equals(base + "_created") || sample.equals(base);
      case "histogram" -> sample.equals(base + "_bucket") || sample.equals(base + "_count")
          || sample.equals(base + "_sum") || sample.equals(base + "_created");
      case "summary" -> sample.equals(base) || sample.equals(base + "_count") || sample.equals(base + "_sum")
          || sample.equals(base + "_created");
      default -> sample.equals(base);
    };
  }

  private static Sample sample(String line, String where) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    require(METRIC_NAME.matcher(name).matches(), "a bad metric name, " + where);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        require(eq > i, where);
        String label = line.substring(i, eq);
        require(LABEL_NAME.matcher(label).matches() && !label.startsWith("__"), "a bad label name, " + where);
        require(line.charAt(eq + 1) == '"', where);
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            require(next == '\\' || next == '"' || next == 'n', "a bad escape, " + where);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
        }
        require(labels.put(label, value.toString()) == null, "a repeated label, " + where);
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    require(i < line.length() && line.charAt(i) == ' ', where);
    String[] rest = line.substring(i + 1).split(" ");
    require(rest.length == 1 || rest.length == 2, where);
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    return new Sample(name, labels, value(rest[0], where));
  }

  private static double value(String text, String where) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        require(text.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?"), "a bad value, " + where);
        yield Double.parseDouble(text);
      }
    };
  }

  private static void checkHistogram(Family histogram) {
    Map<Map<String, String>, List<Sample>> bySeries = new LinkedHashMap<>();
    for (Sample s : histogram.samples()) {
      if (s.name().endsWith("_bucket")) {
        Map<String, String> series = new LinkedHashMap<>(s.labels());
        require(series.remove("le") != null, "a bucket without le in " + histogram.name());
        bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
      }
    }
    for (var entry : bySeries.entrySet()) {
      double last = -1;
      double bound = Double.NEGATIVE_INFINITY;
      for (Sample bucket : entry.getValue()) {
        double le = value(bucket.labels().get("le"), histogram.name());
        require(le > bound && bucket.value() >= last, "buckets not cumulative in " + histogram.name());
        bound = le;
        last = bucket.value();
      }
      require(bound == Double.POSITIVE_INFINITY, "no +Inf bucket in " + histogram.name());
      double count = histogram.samples().stream()
          .filter(s -> s.name().equals(histogram.name() + "_count") && s.labels().equals(entry.getKey()))
          .findFirst().orElseThrow().value();
      require(count == last, "the +Inf bucket is not the count in " + histogram.name());
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("not the Prometheus text format: " + what);
    }
  }
}
