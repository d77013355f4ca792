package dev.plimsoll.http.scenario;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.scenario.driver.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a request may be written as: its method, header names and values, URL, and the client
 * settings. A scenario file's reader and the one-URL quick test ask the same questions here, so a
 * value either is refused before anything is sent or can be sent; a problem is returned as words
 * the caller prefixes with where the value was written.
 */
final class HttpSyntax {
  /** A header name: an RFC 9110 token. */
  static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
  /** Characters a URL cannot hold as they are (RFC 3986), with the usual way to write them. */
  private static final String URL_UNSAFE = "<>\"{}|\\^`";
  /** A template expression, which the URL check reads as a harmless placeholder. */
  private static final Pattern EXPRESSION = Pattern.compile("(?<!\\$)\\$\\{[^}]*}");
  private static final int MAX_PORT = 65_535;
  /** The client's names of its settings, by the key a file writes them as. */
  private static final Map<String, String> SETTING_KEYS = Map.of(
      "http.connectionsPerTarget", "connections",
      "http.requestTimeout", "timeout",
      "http.connectTimeout", "connectTimeout",
      "http.tlsTrust", "caFile",
      "http.protocol", "protocol");

  private HttpSyntax() {}

  /** Null, or why {@code method} is not a method. */
  static String methodProblem(String method) {
    return METHOD.matcher(method).matches() ? null
        : "'" + method + "' is not an HTTP method (examples: GET, POST, PUT, DELETE)";
  }

  /** Null, or why {@code name} is not a header name. */
  static String headerNameProblem(String name) {
    return HEADER_NAME.matcher(name).matches() ? null : "'" + name + "' is not a valid header name";
  }

  /**
   * Null, or why a header value (as written, templates included) cannot be sent: a CR or LF would
   * end the header early and start another, other control characters are refused by servers.
   */
  static String headerValueProblem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        return "contains a line break (CR or LF), which no header value may hold";
      }
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        return "contains the control character U+" + HexFormat.of().withUpperCase().toHexDigits(c)
            + ", which no header value may hold";
      }
    }
    return null;
  }

  /**
   * Null, or why a URL as written (templates included) can never be sent: a character a URL cannot
   * hold, a port out of range, no host. A URL that is entirely a template is not checked; the
   * parts written out are, with each expression read as a placeholder.
   */
  static String urlProblem(String written) {
    if (written.startsWith("${")) {
      return null;
    }
    String text = EXPRESSION.matcher(written).replaceAll("x");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c == 0x7f || URL_UNSAFE.indexOf(c) >= 0) {
        String what = c == ' ' ? "a space" : c < 0x20 || c == 0x7f ? "a control character" : "'" + c + "'";
        return "'" + shown(written) + "' is not a valid URL: it contains " + what + " (write it as %"
            + HexFormat.of().withUpperCase().toHexDigits((byte) c) + ")";
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
    URI uri;
    try {
      uri = new URI(absolute ? text : "http://host" + (text.startsWith("/") ? "" : "/") + text);
    } catch (URISyntaxException e) {
      return "'" + shown(written) + "' is not a valid URL: " + e.getReason();
    }
    if (absolute && uri.getHost() == null) {
      return "'" + shown(written) + "' is not a valid URL: " + (uri.getRawAuthority() == null ? "it has no host"
          : "its host is not a valid host name");
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      return "'" + shown(written) + "' has port " + uri.getPort() + ", out of range (1 to " + MAX_PORT + ")";
    }
    return null;
  }

  /**
   * The URL as written, its user information (a password, say) and secret query values masked
   * ({@link Redaction#url}): messages are printed and logged.
   */
  static String shown(String url) {
    return Redaction.url(url);
  }

  /** A client setting the HTTP client refuses: the key a file writes it as, and why. */
  record SettingProblem(String key, String problem) {}

  /** Null, or the first setting the client would refuse when the run opens it. */
  static SettingProblem settingsProblem(HttpSettingsSpec settings) {
    try {
      NettyRequestExecutor.settings(settings);
      return null;
    } catch (InvalidConfigurationException e) {
      return new SettingProblem(SETTING_KEYS.getOrDefault(e.field(), e.field()), e.problem());
    }
  }
}
