package dev.plimsoll.core.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for what is secret, and the masking of secrets in text: reports, error samples, dry
 * runs and messages must never show a credential. A <em>name</em> (of a header, a query parameter,
 * a variable, a form or JSON field) is secret when one of its words is one of {@link #WORDS}, or
 * when it contains one of {@link #PARTS} anywhere, ignoring case. Words are split at anything but
 * a letter or digit and at camel-case humps, so {@code X-Api-Key}, {@code apiToken},
 * {@code client_secret}, {@code sessionId} and {@code sig} are secret, while {@code keyword},
 * {@code author} and {@code design} are not.
 *
 * <p>In free text (an error message, a URL), {@link #redactText} masks the user information of
 * URLs ({@code http://alice:pass@host/} becomes {@code http://***@host/}) and the values of secret
 * names written {@code name=value} (query parameters, forms) or {@code name: value} (headers).
 */
public final class Secrets {

  /** What a secret is shown as. */
  public static final String MASK = "***";

  /** Words that make a name secret on their own; short ones match only as whole words. */
  private static final Set<String> WORDS = Set.of(
      "token", "key", "apikey", "password", "passwd", "pwd", "pass", "passphrase", "secret", "signature",
      "sig", "auth", "authorization", "authentication", "credential", "credentials", "session", "sessionid",
      "sid", "cookie", "jwt", "otp", "bearer", "private", "csrf", "xsrf");

  /** Parts that make a name secret wherever they appear in it: long enough never to be an accident. */
  private static final String[] PARTS = {
      "token", "secret", "password", "passwd", "apikey", "api_key", "api-key", "credential", "signature"};

  private static final Pattern WORD_BREAK =
      Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  /** {@code scheme://userinfo@}: the user information of a URL, up to the host. */
  private static final Pattern USER_INFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)([^/?#@\\s'\"<>]+)@");

  /**
   * {@code name=value} after a start, {@code ?}, {@code &}, {@code ;}, a space or a quote, and
   * {@code name: value}; a value is quoted, or runs to a separator. An authorization scheme word
   * (Basic, Bearer, ...) takes the credential after it along.
   */
  private static final Pattern NAMED_VALUE = Pattern.compile(
      "(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]*)(\"?\\s*[=:]\\s*)"
          + "((?i:(?:basic|bearer|digest|token|negotiate|hoba|mutual|aws4-hmac-sha256)\\s+)?"
          + "(?:\"[^\"]*\"|'[^']*'|[^\\s&;,'\"#)\\]}]+))");

  private Secrets() {}

  /** Whether the values of a header, query parameter or variable with this name must not be shown. */
  public static boolean isSecretName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String part : PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    for (String word : WORD_BREAK.split(name)) {
      if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #MASK} when {@code name} is secret, else the value unchanged. */
  public static String redact(String name, String value) {
    return isSecretName(name) ? MASK : value;
  }

  /**
   * The text with every secret this class can recognise masked: URL user information and the
   * values of secret names. Text without {@code @}, {@code =} or {@code :} is returned as it is.
   */
  public static String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (out.indexOf('@') >= 0) {
      out = USER_INFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }
    if (out.indexOf('=') >= 0 || out.indexOf(':') >= 0) {
      Matcher m = NAMED_VALUE.matcher(out);
      StringBuilder sb = null;
      int last = 0;
      int from = 0;
      while (from < out.length() && m.find(from)) {
        if (!isSecretName(m.group(1)) || isUrlScheme(out, m)
            // "session.example.com:443" is a host and its port, not a name and its value.
            || (m.group(2).indexOf(':') >= 0 && m.group(1).indexOf('.') >= 0)) {
          from = m.end(1); // what looked like a value may hold a name of its own: "http://h/?token=x"
          continue;
        }
        int start = m.start(3);
        int end = m.end(3);
        char first = out.charAt(start);
        if ((first == '"' || first == '\'') && end - start >= 2) {
          start++; // a quoted value keeps its quotes
          end--;
        }
        from = m.end();
        if (out.startsWith(MASK, start) && end - start == MASK.length()) {
          continue;
        }
        sb = sb == null ? new StringBuilder(out.length()) : sb;
        sb.append(out, last, start).append(MASK);
        last = end;
      }
      if (sb != null) {
        out = sb.append(out, last, out.length()).toString();
      }
    }
    return out;
  }

  /** A URL as it may be shown: its user information and the values of secret query parameters masked. */
  public static String redactUrl(String url) {
    return redactText(url);
  }

  /** {@code https://...}: a scheme followed by {@code //} is not a name and its value. */
  private static boolean isUrlScheme(String text, Matcher m) {
    return m.group(2).equals(":") && text.startsWith("//", m.end(2));
  }
}
