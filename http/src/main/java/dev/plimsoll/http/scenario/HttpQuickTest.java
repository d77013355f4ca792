package dev.plimsoll.http.scenario;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Defaults;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.http.HttpProtocol;
import dev.plimsoll.scenario.FlowSpec;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.WorkloadSpec;
import dev.plimsoll.scenario.driver.ScenarioException;
import dev.plimsoll.scenario.driver.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The scenario of a one-URL load test, as {@code plimsoll http URL} runs it: one workload called
 * {@code http} whose only flow, {@code request}, sends one request and accepts any 2xx or 3xx
 * response. Templates work in the URL, the headers and the body.
 *
 * <pre>{@code
 * ScenarioSpec spec = HttpQuickTest.url("http://127.0.0.1:8080/items/${seq}")
 *     .header("Accept", "application/json")
 *     .users(64)
 *     .duration(Duration.ofSeconds(30))
 *     .build();
 * try (OpenScenario open = ScenarioBuilder.open(spec)) {
 *   RunResult result = Plimsoll.run(open.scenario());
 * }
 * }</pre>
 */
public final class HttpQuickTest {
  /** The name of the quick test's one operation, which criteria scope with ({@code request.p99 < 50ms}). */
  private static final String OPERATION = "request";

  private HttpQuickTest() {}

  /** A quick test of {@code url}: absolute, http:// or https://, and may use templates. */
  public static Builder url(String url) {
    return new Builder(url);
  }

  /** Builds the quick test's scenario; {@link #build()} checks every value. */
  public static final class Builder {
    private final String url;
    private String method = "GET";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private Integer users;
    private Double ratePerSecond;
    private Duration duration;
    private Duration warmUp = Defaults.WARM_UP;
    private Integer connections;
    private Duration timeout = HttpSettingsSpec.DEFAULTS.timeout();
    private boolean http2;
    private boolean insecure;
    private List<String> criteria = List.of();
    private String source = "";
    private Map<String, String> environment = System.getenv();

    private Builder(String url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    public Builder method(String name) {
      this.method = Objects.requireNonNull(name, "method");
      return this;
    }

    /** A request header (a template); a second header of the same name replaces the first. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The request body, a template sent as UTF-8. */
    public Builder body(String text) {
      this.body = text;
      return this;
    }

    /** Closed model: this many users, each sending its next request when the last completes. */
    public Builder users(int count) {
      this.users = count;
      return this;
    }

    /** Open model: this many arrivals per second, whatever the responses take. */
    public Builder ratePerSecond(double rate) {
      this.ratePerSecond = rate;
      return this;
    }

    /** The whole run, warm-up included; required. */
    public Builder duration(Duration runLength) {
      this.duration = runLength;
      return this;
    }

    public Builder warmUp(Duration length) {
      this.warmUp = Objects.requireNonNull(length, "warmUp");
      return this;
    }

    /** Connections to the target; by default the users, or 64 for a rate. */
    public Builder connections(int count) {
      this.connections = count;
      return this;
    }

    /** The request timeout; {@link dev.plimsoll.http.HttpClientSettings#DEFAULT_REQUEST_TIMEOUT} by default. */
    public Builder timeout(Duration requestTimeout) {
      this.timeout = Objects.requireNonNull(requestTimeout, "timeout");
      return this;
    }

    /** HTTP/2: over TLS with ALPN for https, with prior knowledge (h2c) for http. */
    public Builder http2(boolean on) {
      this.http2 = on;
      return this;
    }

    /** Trust any TLS certificate (test servers only). */
    public Builder insecure(boolean on) {
      this.insecure = on;
      return this;
    }

    /** Criteria as text, e.g. {@code p99 < 50ms}. */
    public Builder criteria(List<String> texts) {
      this.criteria = List.copyOf(texts);
      return this;
    }

    /** How messages and the dry run name where the test came from, e.g. {@code command line}. */
    public Builder source(String origin) {
      this.source = Objects.requireNonNull(origin, "source");
      return this;
    }

    /** The environment {@code ${env.NAME}} reads; this process's by default. */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /**
     * The scenario.
     *
     * @throws ScenarioException naming the source and the value at fault ({@code url},
     *     {@code method}, {@code header}, {@code body}, {@code connections}, {@code timeout},
     *     {@code duration}, {@code warmUp}, {@code criteria[i]}): a URL that is not absolute http(s)
     *     or cannot be sent, a template that does not compile, a method or header that cannot be
     *     sent, a setting the client refuses, a criterion naming an operation other than
     *     {@code request}
     * @throws IllegalStateException without a duration, or without exactly one of users and rate
     */
    public ScenarioSpec build() {
      if (duration == null) {
        throw new IllegalStateException("a quick test needs a duration");
      }
      if ((users == null) == (ratePerSecond == null)) {
        throw new IllegalStateException("a quick test needs users or a rate, and not both");
      }
      core("duration", () -> Scenario.checkDuration(duration));
      core("warmUp", () -> Scenario.checkWarmUp(warmUp, duration));
      LoadModel load = users != null ? core("users", () -> ClosedModel.users(users))
          : core("rate", () -> OpenModel.rate(ratePerSecond));
      URI base = checkedUrl();
      check("method", HttpSyntax.methodProblem(method));
      Template.Scope scope = Template.Scope.environmentOnly(environment);
      Map<String, Template> headerTemplates = new LinkedHashMap<>();
      headers.forEach((name, value) -> {
        check("header", HttpSyntax.headerNameProblem(name));
        check("header", HttpSyntax.headerValueProblem(value) == null ? null
            : "'" + name + "' " + HttpSyntax.headerValueProblem(value));
        headerTemplates.put(name, compile("header", value, scope));
      });
      BodySpec requestBody = body == null ? BodySpec.NONE : new BodySpec.Text(compile("body", body, scope));
      RequestSpec request = new RequestSpec(method.toUpperCase(Locale.ROOT), compile("url", url, scope),
          headerTemplates, requestBody);
      FlowSpec flow = new FlowSpec(OPERATION, 1, List.of(new RequestStep(request, CheckSpec.DEFAULT, List.of())),
          java.util.Set.of());
      HttpSettingsSpec d = HttpSettingsSpec.DEFAULTS;
      int conns = connections != null ? connections : users != null ? users : d.connections();
      HttpProtocol protocol = !http2 ? d.protocol()
          : "https".equalsIgnoreCase(base.getScheme()) ? HttpProtocol.H2 : HttpProtocol.H2C;
      HttpSettingsSpec http = new HttpSettingsSpec(conns, protocol, timeout, d.connectTimeout(), insecure, d.caFile(),
          d.followRedirects(), d.compression());
      HttpSyntax.SettingProblem refused = HttpSyntax.settingsProblem(http);
      if (refused != null) {
        check(refused.key(), refused.problem());
      }
      return ScenarioSpec.builder("http")
          .source(source)
          .duration(duration)
          .warmUp(warmUp)
          .settings(HttpDriver.NAME, new HttpDriverSettings(http, Map.of(), CheckSpec.DEFAULT))
          .workload(new WorkloadSpec("http", load, List.of(flow)))
          .criteria(criteria)
          .build();
    }

    /** The URL up to its first template, which must be absolute http(s). */
    private URI checkedUrl() {
      check("url", HttpSyntax.urlProblem(url));
      try {
        URI uri = new URI(url.contains("${") ? url.substring(0, url.indexOf("${")) : url);
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
          check("url", "'" + HttpSyntax.shown(url) + "' must be absolute, http:// or https://");
        }
        return uri;
      } catch (URISyntaxException e) {
        check("url", "'" + HttpSyntax.shown(url) + "' is not a URL: " + e.getReason());
        throw new AssertionError(e);
      }
    }

    private Template compile(String path, String text, Template.Scope scope) {
      try {
        return Template.compile(text, scope);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(where(), path, e.getMessage());
      }
    }

    /** Runs core's check or build of a value, naming the value as this builder does. */
    private <T> T core(String path, Supplier<T> build) {
      try {
        return build.get();
      } catch (InvalidConfigurationException e) {
        throw new ScenarioException(where(), path, e.problem());
      }
    }

    private void core(String path, Runnable check) {
      core(path, () -> {
        check.run();
        return null;
      });
    }

    /** Throws the problem, if any, naming the value at fault. */
    private void check(String path, String problem) {
      if (problem != null) {
        throw new ScenarioException(where(), path, problem);
      }
    }

    private String where() {
      return source.isEmpty() ? "quick test" : source;
    }
  }
}
