package dev.plimsoll.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic authentication (RFC 7617) from a URL's user information, as curl sends it. */
final class BasicAuth {
  private BasicAuth() {}

  /**
   * The Authorization value for {@code alice:pa%20ss} ({@code Basic YWxpY2U6cGEgc3M=}):
   * user and password are percent-decoded, then joined by a colon and encoded as UTF-8 in base64.
   * User information without a colon is a user with an empty password.
   */
  static String header(String rawUserInfo) {
    int colon = rawUserInfo.indexOf(':');
    String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    // URLDecoder also turns '+' into a space, which user information does not mean: keep it.
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
