package dev.plimsoll.scenario.driver;

import dev.plimsoll.core.text.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hides secrets in anything a driver prints: dry runs, logs, error messages. The rule of what is
 * secret is {@link Secrets}'s, the one list for headers, query parameters and variables alike:
 * {@code Authorization}, {@code Cookie}, {@code Set-Cookie}, and any name with a word such as
 * token, key, secret, password, signature, auth or session in it, ignoring case.
 */
public final class Redaction {

  /** What a sensitive value is printed as. */
  public static final String MASK = Secrets.MASK;

  private Redaction() {}

  /** Whether values of the header (or variable, or query parameter) called {@code name} must not be printed. */
  public static boolean isSensitive(String name) {
    return Secrets.isSecretName(name);
  }

  /** {@value #MASK} for a sensitive header, else the value unchanged. */
  public static String redact(String headerName, String value) {
    return isSensitive(headerName) ? MASK : value;
  }

  /** A copy of the headers with sensitive values masked, in the same order. */
  public static Map<String, String> redact(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> copy.put(name, redact(name, value)));
    return copy;
  }

  /**
   * A URL as it may be shown: its user information ({@code alice:pass@}) and the values of
   * secret query parameters ({@code ?token=...}) masked.
   */
  public static String url(String url) {
    return Secrets.redactUrl(url);
  }

  /** Free text (a message) with every secret {@link Secrets#redactText} recognises masked. */
  public static String text(String text) {
    return Secrets.redactText(text);
  }
}
