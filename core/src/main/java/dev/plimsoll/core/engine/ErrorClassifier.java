package dev.plimsoll.core.engine;

import dev.plimsoll.core.text.Secrets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Turns a failure into an error class: its exception type and its message with the parts that vary
 * between occurrences (numbers, hex ids, UUIDs, quoted values) replaced, so that one kind of error
 * is one class however many distinct values its messages carry.
 */
final class ErrorClassifier {
  static final int MAX_MESSAGE = 300;

  private static final Pattern UUID =
      Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  /** Hex-looking tokens: 0x-prefixed, or six or more hex digits mixing digits and letters. */
  private static final Pattern HEX =
      Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

  private ErrorClassifier() {}

  /** The failure that matters: wrappers added by futures are removed. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static String type(Throwable error) {
    return error.getClass().getName();
  }

  /** The raw message, secrets masked ({@link Secrets#redactText}) before it is shortened; never null. */
  static String message(Throwable error) {
    String m = Secrets.redactText(error.getMessage());
    if (m == null) {
      return "";
    }
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "…" : m;
  }

  static String normalise(String message) {
    String m = UUID.matcher(message).replaceAll("<uuid>");
    m = QUOTED.matcher(m).replaceAll("<value>");
    m = HEX.matcher(m).replaceAll("<hex>");
    m = NUMBER.matcher(m).replaceAll("<n>");
    return m;
  }
}
