package dev.plimsoll.examples.support;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * ANSI colour for a status line, on a terminal only: never when standard output is redirected or
 * the {@code NO_COLOR} environment variable is set (https://no-color.org).
 */
public final class Colours {
  private static final String RESET = "\u001b[0m";

  /** The colours a status uses. */
  public enum Colour {
    GREEN("\u001b[32m"), YELLOW("\u001b[33m"), RED("\u001b[31m");

    final String code;

    Colour(String code) {
      this.code = code;
    }
  }

  private final boolean enabled;

  private Colours(boolean enabled) {
    this.enabled = enabled;
  }

  /** Colours when standard output is a terminal and {@code environment} has no NO_COLOR. */
  public static Colours forStandardOutput(Map<String, String> environment) {
    return new Colours(terminal() && !environment.containsKey("NO_COLOR"));
  }

  public static Colours none() {
    return new Colours(false);
  }

  public static Colours always() {
    return new Colours(true);
  }

  public String paint(String text, Colour colour) {
    return enabled ? colour.code + text + RESET : text;
  }

  private static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From Java 22, System.console() exists even when redirected; isTerminal() then tells.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
