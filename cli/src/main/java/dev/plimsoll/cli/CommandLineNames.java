package dev.plimsoll.cli;

import dev.plimsoll.scenario.driver.ScenarioException;
import java.util.Map;

/**
 * Messages about values given on the command line, in its words: the scenario module names a
 * value as a file would ({@code warmUp}, {@code criteria[0]}), the user typed {@code --warm-up}.
 */
final class CommandLineNames {
  /** How the commands name the command line as the origin of overrides and quick tests. */
  static final String ORIGIN = "command line";

  private static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry("url", "URL"),
      Map.entry("method", "-X/--method"),
      Map.entry("header", "-H/--header"),
      Map.entry("body", "-d/--data"),
      Map.entry("rate", "--rate"),
      Map.entry("users", "--users"),
      Map.entry("duration", "--duration"),
      Map.entry("warmUp", "--warm-up"),
      Map.entry("connections", "--connections"),
      Map.entry("timeout", "--timeout"),
      Map.entry("target", "--target"),
      Map.entry("criteria", "--criteria"));

  private CommandLineNames() {}

  /** The message, with the option named instead of the field when the value came from the command line. */
  static String message(ScenarioException e) {
    if (!ORIGIN.equals(e.where())) {
      return e.getMessage();
    }
    if (e.path().isEmpty()) {
      return e.problem(); // about the command line as a whole, e.g. a host that does not resolve
    }
    String field = e.path().replaceFirst("\\[\\d+]$", "");
    String option = OPTIONS.get(field);
    return option == null ? e.getMessage() : option + ": " + e.problem();
  }
}
