package dev.plimsoll.dashboard;

import dev.plimsoll.core.Steering;
import dev.plimsoll.core.result.ProfileChange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A change of the load asked for by a dashboard's form ({@code workload=checkout&rate=250}, or
 * {@code users=40}), read strictly: a plain decimal rate, a whole number of users, one of them,
 * and nothing else. What is wrong is said in a sentence that goes back to the browser.
 */
record SteerRequest(String workload, ProfileChange.Setting setting, double value) {

  /** The largest form read: a workload's name and a number need far less. */
  static final int MAX_BYTES = 4096;

  private static final Pattern RATE = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,6})?");
  private static final Pattern USERS = Pattern.compile("[0-9]{1,9}");

  /** Reads the form; throws {@link IllegalArgumentException} with the reason it cannot. */
  static SteerRequest parse(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
      if (fields.put(key, value) != null) {
        throw new IllegalArgumentException("'" + shown(key) + "' is given twice");
      }
    }
    String workload = fields.remove("workload");
    if (workload == null || workload.isEmpty()) {
      throw new IllegalArgumentException("say which workload to change (workload=NAME)");
    }
    String rate = fields.remove("rate");
    String users = fields.remove("users");
    if (!fields.isEmpty()) {
      throw new IllegalArgumentException("unknown field '" + shown(fields.keySet().iterator().next())
          + "': give workload and either rate or users");
    }
    if ((rate == null) == (users == null)) {
      throw new IllegalArgumentException("give either rate (per second) or users, not " + (rate == null ? "neither" : "both"));
    }
    if (rate != null) {
      if (!RATE.matcher(rate.strip()).matches()) {
        throw new IllegalArgumentException("the rate must be a number of arrivals per second such as 250 or 12.5"
            + " (was '" + shown(rate) + "')");
      }
      return new SteerRequest(workload, ProfileChange.Setting.RATE, Double.parseDouble(rate.strip()));
    }
    if (!USERS.matcher(users.strip()).matches()) {
      throw new IllegalArgumentException("the users must be a whole number such as 40 (was '" + shown(users) + "')");
    }
    return new SteerRequest(workload, ProfileChange.Setting.USERS, Long.parseLong(users.strip()));
  }

  /** Makes the change; {@link Steering}'s own checks (range, workload, model) still apply. */
  ProfileChange applyTo(Steering steering, String by) {
    if (setting == ProfileChange.Setting.RATE) {
      return steering.setRate(workload, value, by);
    }
    if (value > Steering.MAX_USERS) {
      throw new IllegalArgumentException("the users must be a whole number from 0 to " + Steering.MAX_USERS
          + " (was " + (long) value + ")");
    }
    return steering.setUsers(workload, (int) value, by);
  }

  /**
   * The settings as the page reads them: {@code [{"workload":"shop","setting":"rate","value":200}]}.
   * Names are escaped for JSON and, like the report's data, with {@code <}, {@code >} and {@code &}
   * as {@code \}{@code u} escapes.
   */
  static String json(List<Steering.Knob> knobs) {
    StringBuilder out = new StringBuilder("[");
    for (Steering.Knob k : knobs) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append("{\"workload\":\"").append(escape(k.workload())).append("\",\"setting\":\"")
          .append(k.setting().word()).append("\",\"value\":")
          .append(Double.isFinite(k.value()) ? String.format(Locale.ROOT, "%.2f", k.value()) : "null").append('}');
    }
    return out.append("]\n").toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A value as the answer repeats it: short, whatever was sent. */
  private static String shown(String value) {
    return value.length() > 24 ? value.substring(0, 24) + "…" : value;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
