package dev.plimsoll.cli;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.scenario.BodySpec;
import dev.plimsoll.scenario.CheckSpec;
import dev.plimsoll.scenario.DefaultsSpec;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.scenario.FlowSpec;
import dev.plimsoll.scenario.HttpSettingsSpec;
import dev.plimsoll.scenario.RequestSpec;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.StepSpec;
import dev.plimsoll.scenario.Template;
import dev.plimsoll.scenario.Units;
import dev.plimsoll.scenario.WorkloadSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    header = "Load-tests one URL in one line, like hey or vegeta.",
    description = {
        "  plimsoll http http://127.0.0.1:8080/ --rate 1000/s --duration 30s --criteria 'p99 < 50ms'",
        "Any response outside 2xx/3xx counts as an error. Templates work in the URL, headers and body",
        "($${seq}, $${uuid}, $${randomInt(1,100)}, $${env.NAME})."
    })
final class HttpCommand implements Callable<Integer> {

  @Parameters(paramLabel = "URL", description = "The URL to load (http:// or https://).")
  String url;

  @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET", description = "The request method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = {"-H", "--header"}, paramLabel = "'K: V'", description = "A request header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(names = {"-d", "--data"}, paramLabel = "BODY", description = "The request body.")
  String body;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Load load;

  static final class Load {
    @Option(names = "--rate", paramLabel = "R", required = true, description = "Open model: arrivals per second or minute (1000/s, 6000/min).")
    String rate;

    @Option(names = "--users", paramLabel = "N", required = true, description = "Closed model: this many users, each sending its next request when the last completes.")
    Integer users;
  }

  @Option(names = "--duration", paramLabel = "D", required = true, description = "How long to run (30s, 5m).")
  Duration duration;

  @Option(names = "--warm-up", paramLabel = "D", defaultValue = "0s", description = "Kept out of the summary (default: none).")
  Duration warmUp;

  @Option(names = "--connections", paramLabel = "N", description = "Connections to the target (default: the users, or 64).")
  Integer connections;

  @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s", description = "Request timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--h2", description = "HTTP/2: over TLS with ALPN for https, prior-knowledge h2c for http.")
  boolean http2;

  @Option(names = "--insecure", description = "Trust any TLS certificate (test servers only).")
  boolean insecure;

  @Option(names = "--criteria", paramLabel = "C", description = "A criterion (repeatable), e.g. 'p99 < 50ms'.")
  List<String> criteria = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the plan and send nothing.")
  boolean dryRun;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Runner.Builder runner = Runner.forSpec(spec());
    if (dryRun) {
      System.out.print(runner.build().describe());
      return ExitCodes.PASSED;
    }
    return RunSession.run(runner, output, System.out);
  }

  ScenarioSpec spec() {
    URI target = target();
    Template.Scope scope = Template.Scope.environmentOnly(System.getenv());
    Map<String, Template> headerTemplates = new LinkedHashMap<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new UserException("-H '" + header + "' is not a header (write it as 'Name: value')");
      }
      headerTemplates.put(header.substring(0, colon).trim(), Template.compile(header.substring(colon + 1).trim(), scope));
    }
    BodySpec requestBody = body == null ? BodySpec.NONE : new BodySpec.Text(Template.compile(body, scope));
    RequestSpec request = new RequestSpec(method.toUpperCase(java.util.Locale.ROOT), Template.compile(url, scope), headerTemplates, requestBody);
    FlowSpec flow = new FlowSpec("request", 1,
        List.of(new StepSpec.RequestStep(request, CheckSpec.DEFAULT, List.of())), Set.of());
    int conns = connections != null ? connections : load.users != null ? load.users : HttpSettingsSpec.DEFAULTS.connections();
    HttpSettingsSpec http = new HttpSettingsSpec(conns,
        http2 ? ("https".equals(target.getScheme()) ? HttpSettingsSpec.HttpProtocol.H2 : HttpSettingsSpec.HttpProtocol.H2C)
            : HttpSettingsSpec.HttpProtocol.HTTP1,
        timeout, HttpSettingsSpec.DEFAULTS.connectTimeout(), insecure, null, false, false);
    return new ScenarioSpec("http", "command line", null, duration, warmUp, Duration.ofSeconds(1), Duration.ofSeconds(5),
        42, http, DefaultsSpec.NONE, Map.of(), Map.of(), List.of(new WorkloadSpec("http", loadModel(), List.of(flow))),
        criteria, null);
  }

  private URI target() {
    try {
      URI uri = new URI(url.contains("${") ? url.substring(0, url.indexOf("${")) : url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new UserException("URL '" + url + "' must be absolute, http:// or https://");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new UserException("URL '" + url + "' is not a URL: " + e.getReason());
    }
  }

  private LoadModel loadModel() {
    if (load.users != null) {
      return ClosedModel.users(load.users);
    }
    double perSecond;
    try {
      perSecond = Units.parseRate(load.rate);
    } catch (IllegalArgumentException e) {
      throw new UserException("--rate: " + e.getMessage());
    }
    return OpenModel.rate(perSecond);
  }
}
