package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Template;
import java.util.Map;

/**
 * A request as written: rendered anew for every call.
 *
 * @param method the HTTP method, upper case
 * @param url absolute ({@code http://...}, {@code https://...}) or relative to the scenario's target
 * @param headers the request's own headers, in order; the defaults' headers are added when sent
 * @param body what is sent, if anything
 */
record RequestSpec(String method, Template url, Map<String, Template> headers, BodySpec body) {
  public RequestSpec {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }
}
