package dev.plimsoll.sim;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.sim.Latency.Constant;
import dev.plimsoll.sim.Latency.Exponential;
import dev.plimsoll.sim.Latency.Normal;
import dev.plimsoll.sim.Latency.Pareto;
import dev.plimsoll.sim.Latency.Uniform;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parser behind {@link Latency#parse}. */
final class LatencyText {
  private static final Pattern CALL = Pattern.compile("([a-z]+)\\(([^,()]*)(?:,([^,()]*))?\\)");

  private LatencyText() {}

  static Latency parse(String text) {
    String source = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    try {
      Matcher call = CALL.matcher(source);
      if (!call.matches()) {
        return new Constant(Units.parseDuration(source));
      }
      String kind = call.group(1);
      String first = call.group(2);
      String second = call.group(3);
      Latency latency = switch (kind) {
        case "constant" -> second == null ? new Constant(Units.parseDuration(first)) : null;
        case "uniform" -> second == null ? null : new Uniform(Units.parseDuration(first), Units.parseDuration(second));
        case "normal" -> second == null ? null : new Normal(Units.parseDuration(first), Units.parseDuration(second));
        case "exponential" -> second == null ? new Exponential(Units.parseDuration(first)) : null;
        case "pareto" -> second == null ? null : new Pareto(Units.parseDuration(first), Double.parseDouble(second));
        default -> null;
      };
      if (latency == null) {
        throw new IllegalArgumentException("unknown form");
      }
      return latency;
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("latency", "cannot read '" + text + "' (forms: " + Latency.FORMS + ")");
    }
  }
}
