package dev.plimsoll.http.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;

import dev.plimsoll.core.text.Secrets;
import dev.plimsoll.http.HttpProtocol;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.ScenarioException;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import dev.plimsoll.scenario.driver.Yaml.ScalarNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads HTTP's parts of one scenario file: the {@code http:} section, {@code headers} and
 * {@code checks} in {@code defaults:}, and {@code request} steps (through {@link RequestReader}
 * and {@link CheckReader}). Relative URLs are remembered until the final target is known.
 */
final class HttpReader implements DriverReader {
  private final ReadContext context;
  private final Nodes nodes;
  private final RequestReader requests;
  private final CheckReader checks;

  private HttpSettingsSpec http = HttpSettingsSpec.DEFAULTS;
  private Map<String, Template> defaultHeaders = Map.of();
  private CheckSpec defaultChecks = CheckSpec.DEFAULT;

  HttpReader(ReadContext context) {
    this.context = context;
    this.nodes = context.nodes();
    this.requests = new RequestReader(context);
    this.checks = new CheckReader(context);
  }

  @Override
  public void readSection(Node n, String path) {
    MapNode m = nodes.map(n, path, HttpDriver.HTTP_KEYS);
    HttpSettingsSpec d = HttpSettingsSpec.DEFAULTS;
    int connections = d.connections();
    if (has(m, "connections")) {
      connections = nodes.integer(get(m, "connections"), child(path, "connections"));
      if (connections <= 0) {
        throw nodes.error(get(m, "connections"), child(path, "connections"), "must be > 0 (was " + connections + ")");
      }
    }
    HttpProtocol protocol = has(m, "protocol")
        ? HttpProtocol.ofToken(nodes.choice(get(m, "protocol"), child(path, "protocol"), HttpProtocol.tokens()))
        : d.protocol();
    Duration timeout = has(m, "timeout") ? nodes.positive(get(m, "timeout"), child(path, "timeout")) : d.timeout();
    Duration connectTimeout = has(m, "connectTimeout")
        ? nodes.positive(get(m, "connectTimeout"), child(path, "connectTimeout"))
        : d.connectTimeout();
    boolean insecure = has(m, "insecure") ? nodes.bool(get(m, "insecure"), child(path, "insecure")) : d.insecure();
    Path caFile = has(m, "caFile") ? context.file(get(m, "caFile"), child(path, "caFile")) : null;
    boolean follow = has(m, "followRedirects") ? nodes.bool(get(m, "followRedirects"), child(path, "followRedirects")) : d.followRedirects();
    boolean compression = has(m, "compression") ? nodes.bool(get(m, "compression"), child(path, "compression")) : d.compression();
    http = new HttpSettingsSpec(connections, protocol, timeout, connectTimeout, insecure, caFile, follow, compression);
    HttpSyntax.SettingProblem refused = HttpSyntax.settingsProblem(http);
    if (refused != null) {
      Node at = has(m, refused.key()) ? get(m, refused.key()) : m;
      throw nodes.error(at, child(path, refused.key()), refused.problem());
    }
  }

  @Override
  public void readDefaults(MapNode defaults, String path, Template.Scope scope) {
    if (has(defaults, "headers")) {
      defaultHeaders = requests.headers(get(defaults, "headers"), child(path, "headers"), scope);
    }
    if (has(defaults, "checks")) {
      defaultChecks = checks.checks(get(defaults, "checks"), child(path, "checks"), scope, CheckSpec.DEFAULT);
    }
  }

  @Override
  public Set<String> storedNames(StepKind kind, MapNode step) {
    return step.fields().get("extract") != null && step.fields().get("extract").value() instanceof MapNode e
        ? e.fields().keySet()
        : Set.of();
  }

  /** Values extracted with a secret-looking expression: a header like Set-Cookie, a JSON path like $.token. */
  @Override
  public Set<String> secretStoredNames(StepKind kind, MapNode step) {
    Set<String> secret = new TreeSet<>();
    if (step.fields().get("extract") != null && step.fields().get("extract").value() instanceof MapNode extract) {
      for (Field value : extract.fields().values()) {
        if (value.value() instanceof MapNode how) {
          for (Field source : how.fields().values()) {
            if (source.value() instanceof ScalarNode expression && Secrets.isSecretName(expression.text())) {
              secret.add(value.key());
            }
          }
        }
      }
    }
    return secret;
  }

  @Override
  public RequestStep readStep(StepKind kind, MapNode m, String path, Template.Scope scope) {
    RequestSpec request = requests.request(get(m, "request"), child(path, "request"), scope);
    CheckSpec stepChecks = has(m, "checks")
        ? checks.checks(get(m, "checks"), child(path, "checks"), scope, defaultChecks)
        : defaultChecks;
    List<ExtractSpec> extract = has(m, "extract") ? checks.extract(get(m, "extract"), child(path, "extract")) : List.of();
    return new RequestStep(request, stepChecks, extract,
        RequestStep.feedersOf(request, stepChecks, List.copyOf(defaultHeaders.values())));
  }

  @Override
  public DriverSettings settings() {
    return new HttpDriverSettings(http, defaultHeaders, defaultChecks);
  }

  /** Relative URLs need an http:// or https:// target, which overrides may have supplied. */
  @Override
  public void checkTarget(URI target) {
    RequestReader.Relative first = requests.firstRelativeUrl();
    if (first == null) {
      return;
    }
    if (target == null) {
      throw problem(first, "'" + first.text() + "' is relative and there is no target (set target: http://host:port, "
          + "or PLIMSOLL_TARGET)");
    }
    String scheme = target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw problem(first, "'" + first.text() + "' is relative and the target '" + target
          + "' is not an http:// or https:// URL");
    }
  }

  private ScenarioException problem(RequestReader.Relative url, String text) {
    return nodes.error(url.at(), url.path(), text);
  }
}
