package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Place;
import dev.plimsoll.scenario.driver.Template;
import java.util.Map;

/**
 * A request as written: rendered anew for every call.
 *
 * @param method the HTTP method, upper case
 * @param url absolute ({@code http://...}, {@code https://...}) or relative to the scenario's target
 * @param headers the request's own headers, in order; the defaults' headers are added when sent
 * @param body what is sent, if anything
 * @param urlPlace where the URL was written, for problems found only before the run (a host that
 *     does not resolve); null when it was not written in a file
 */
record RequestSpec(String method, Template url, Map<String, Template> headers, BodySpec body, Place urlPlace) {
  public RequestSpec {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }

  /** A request not written in a file. */
  RequestSpec(String method, Template url, Map<String, Template> headers, BodySpec body) {
    this(method, url, headers, body, null);
  }
}
