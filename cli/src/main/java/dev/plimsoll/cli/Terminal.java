package dev.plimsoll.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal, which decides progress bars and colour. */
final class Terminal {
  private Terminal() {}

  static boolean interactive() {
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

  static boolean colour() {
    return interactive() && System.getenv("NO_COLOR") == null;
  }
}
