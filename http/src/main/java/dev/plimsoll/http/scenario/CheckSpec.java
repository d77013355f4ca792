package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Template;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a response must satisfy for its request step to succeed. A failed check fails the flow with
 * a {@link dev.plimsoll.scenario.driver.CheckFailedException}.
 *
 * @param status allowed status codes ({@code 200}) and classes ({@code 2xx}); never empty
 * @param bodyContains text the body must contain, or null
 * @param jsonPath JSON paths ({@code $.items[0].id}) and the values found there must equal
 * @param maxSizeBytes the largest body allowed, if limited
 */
record CheckSpec(
    List<String> status, Template bodyContains, Map<String, String> jsonPath, OptionalLong maxSizeBytes) {

  /** Without checks a response must have a 2xx or 3xx status. */
  public static final List<String> DEFAULT_STATUS = List.of("2xx", "3xx");

  public static final CheckSpec DEFAULT = new CheckSpec(DEFAULT_STATUS, null, Map.of(), OptionalLong.empty());

  public CheckSpec {
    status = List.copyOf(status);
    jsonPath = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(jsonPath));
  }

  /** Whether the status matches one of {@link #status()}. */
  public boolean statusAllowed(int code) {
    for (String s : status) {
      if (s.length() == 3 && s.endsWith("xx") ? code / 100 == s.charAt(0) - '0' : String.valueOf(code).equals(s)) {
        return true;
      }
    }
    return false;
  }
}
