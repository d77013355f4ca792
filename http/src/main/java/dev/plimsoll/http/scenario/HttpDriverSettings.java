package dev.plimsoll.http.scenario;

import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.DriverOverrides;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.Redaction;
import dev.plimsoll.scenario.driver.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a scenario file says about HTTP outside its steps.
 *
 * @param http the client settings of the {@code http:} section
 * @param defaultHeaders {@code defaults.headers}: added to every request when it is sent (a
 *     request's own header of the same name, ignoring case, wins)
 * @param defaultChecks {@code defaults.checks}, already applied to every request step when it was
 *     read (a step's own check of the same kind wins)
 */
record HttpDriverSettings(HttpSettingsSpec http, Map<String, Template> defaultHeaders, CheckSpec defaultChecks)
    implements DriverSettings {

  /** The settings of a file that says nothing about HTTP outside its steps. */
  public static final HttpDriverSettings DEFAULTS =
      new HttpDriverSettings(HttpSettingsSpec.DEFAULTS, Map.of(), CheckSpec.DEFAULT);

  public HttpDriverSettings {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(defaultChecks, "defaultChecks");
    defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(defaultHeaders));
  }

  /** The HTTP settings of a spec; the defaults when it has none. */
  public static HttpDriverSettings of(ScenarioSpec spec) {
    return spec.settings(HttpDriver.NAME).map(HttpDriverSettings.class::cast).orElse(DEFAULTS);
  }

  /** {@link DriverOverrides#connections()} replaces {@code http.connections}. */
  @Override
  public HttpDriverSettings overriddenBy(DriverOverrides overrides) {
    if (overrides.connections().isEmpty()) {
      return this;
    }
    HttpSettingsSpec changed = http.withConnections(overrides.connections().getAsInt());
    HttpSyntax.SettingProblem refused = HttpSyntax.settingsProblem(changed);
    if (refused != null) {
      throw new IllegalArgumentException(refused.problem());
    }
    return new HttpDriverSettings(changed, defaultHeaders, defaultChecks);
  }

  @Override
  public int connectionsPerTarget() {
    return http.connections();
  }

  @Override
  public List<Line> describe() {
    List<Line> lines = new ArrayList<>();
    HttpSettingsSpec h = http;
    lines.add(new Line("http", h.connections() + " connections, " + h.protocol().token() + ", timeout "
        + Units.formatDuration(h.timeout()) + ", connect timeout " + Units.formatDuration(h.connectTimeout())
        + (h.insecure() ? ", any certificate accepted (insecure)" : "")
        + (h.caFile() != null ? ", trusting " + h.caFile().getFileName() : "")
        + (h.followRedirects() ? ", follows redirects" : "")
        + (h.compression() ? ", compression" : "")));
    if (!defaultHeaders.isEmpty()) {
      lines.add(new Line("headers", headers(defaultHeaders)));
    }
    return lines;
  }

  /** Headers as the dry run shows them: as written, secrets masked. */
  static String headers(Map<String, Template> headers) {
    return headers.entrySet().stream()
        .map(e -> e.getKey() + ": " + Redaction.redact(e.getKey(), e.getValue().source()))
        .collect(Collectors.joining(", "));
  }
}
