package dev.plimsoll.core.testing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The property every fuzz test checks: bad input is rejected with one of the documented exceptions
 * and a message a user can act on, never with another exception or with the program's insides
 * (exception class names, {@code Duration.toString()}, parser internals, stack traces).
 *
 * <p>Text the input itself contains is not held against the message: a message may quote what
 * the user wrote, and a fuzzer writes {@code Exception} or {@code PT0S} too.
 */
public final class CleanRejection {

  /** Internals no message may show; checked case-sensitively. */
  private static final List<String> INTERNAL = List.of(
      "Exception", "[Source:", "StreamReadConstraints", "\tat ", "java.lang.",
      "java.util.", "java.time.", "java.nio.", "dev.plimsoll.", "com.fasterxml.", "org.yaml.",
      "io.netty.", "picocli.", "NaN", "Infinity");

  /**
   * A null printed where text was expected ({@code "null: ..."}), as a word of its own: a key the
   * user wrote that ends in "null" ({@code urnull}, named as {@code request.urnull: unknown key}) is
   * the user's word, found by fuzzing.
   */
  private static final Pattern PRINTED_NULL = Pattern.compile("(?<![\\w$])null:");

  /** How {@link java.time.Duration#toString()} writes a duration: PT0S, PT1M30S, PT0.5S, PT-1S. */
  private static final Pattern ISO_DURATION = Pattern.compile("\\bPT-?[0-9][0-9.HMS-]*");

  private CleanRejection() {}

  /**
   * Passes when {@code thrown} is one of {@code allowed} with a clean message; otherwise throws an
   * {@link AssertionError} whose cause is {@code thrown}, so that the fuzzer reports its stack.
   *
   * @param input the text that was read, as a whole (all the arguments, the whole file)
   */
  @SafeVarargs
  public static void check(RuntimeException thrown, String input,
      Class<? extends RuntimeException>... allowed) {
    if (!isOneOf(thrown, allowed)) {
      throw new AssertionError("not a clean rejection: " + thrown, thrown);
    }
    String problem = problemWith(thrown.getMessage(), input);
    if (problem != null) {
      throw new AssertionError(problem + " in the message: " + thrown.getMessage(), thrown);
    }
  }

  /** What is wrong with {@code message} as a user's answer to {@code input}, or null. */
  public static String problemWith(String message, String input) {
    if (message == null || message.isBlank()) {
      return "no text";
    }
    for (String internal : INTERNAL) {
      if (message.contains(internal) && !input.contains(internal)) {
        return "'" + internal.strip() + "'";
      }
    }
    if (PRINTED_NULL.matcher(message).find() && !input.contains("null:")) {
      return "'null:'";
    }
    var duration = ISO_DURATION.matcher(message);
    while (duration.find()) {
      // A quoted token may be cut short with "...": the dots are the message's, not the input's.
      String found = duration.group().replaceAll("\\.+$", "");
      if (!input.toUpperCase(Locale.ROOT).contains(found)) {
        return "an ISO-8601 duration '" + duration.group() + "'";
      }
    }
    return null;
  }

  private static boolean isOneOf(RuntimeException thrown, Class<?>[] allowed) {
    for (Class<?> type : allowed) {
      if (type.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }
}
