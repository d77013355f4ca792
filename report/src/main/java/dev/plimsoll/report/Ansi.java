package dev.plimsoll.report;

/** The few ANSI styles the console report uses; applied only when colour was asked for. */
enum Ansi {
  BOLD("\u001b[1m"),
  RED("\u001b[31m"),
  GREEN("\u001b[32m"),
  YELLOW("\u001b[33m");

  private static final String RESET = "\u001b[0m";

  private final String code;

  Ansi(String code) {
    this.code = code;
  }

  /** {@code text} in this style when {@code enabled}, otherwise unchanged. */
  String apply(String text, boolean enabled) {
    return enabled ? code + text + RESET : text;
  }
}
