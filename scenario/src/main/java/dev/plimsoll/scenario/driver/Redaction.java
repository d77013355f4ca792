package dev.plimsoll.scenario.driver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hides secrets in anything printed: dry runs, logs, error samples. A header is sensitive when it is
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} or {@code Set-Cookie}, or when
 * its name contains {@code token}, {@code secret}, {@code api-key} (or {@code api_key},
 * {@code apikey}) or {@code password}, ignoring case. The same rule applies to variable names.
 */
public final class Redaction {

  /** What a sensitive value is printed as. */
  public static final String MASK = "***";

  private static final java.util.Set<String> EXACT =
      java.util.Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final String[] PARTS = {"token", "secret", "api-key", "api_key", "apikey", "password"};

  private Redaction() {}

  /** Whether values of the header (or variable) called {@code name} must not be printed. */
  public static boolean isSensitive(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (EXACT.contains(n)) {
      return true;
    }
    for (String part : PARTS) {
      if (n.contains(part)) {
        return true;
      }
    }
    return false;
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
}
