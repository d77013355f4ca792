package dev.plimsoll.cli;

import dev.plimsoll.core.units.Units;
import dev.plimsoll.http.HttpClientSettings;
import dev.plimsoll.http.scenario.HttpQuickTest;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.scenario.ScenarioSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    defaultValueProvider = HttpCommand.Defaults.class,
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

  @Option(names = "--warm-up", paramLabel = "D", description = "Kept out of the summary (default: none).")
  Duration warmUp;

  @Option(names = "--connections", paramLabel = "N",
      description = "Connections to the target (default: the users, or " + HttpClientSettings.DEFAULT_CONNECTIONS_PER_TARGET + ").")
  Integer connections;

  @Option(names = "--timeout", paramLabel = "D", description = "Request timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--h2", description = "HTTP/2: over TLS with ALPN for https, prior-knowledge h2c for http.")
  boolean http2;

  @Option(names = "--insecure", description = "Trust any TLS certificate (test servers only).")
  boolean insecure;

  @Option(names = "--criteria", paramLabel = "C", description = "A criterion (repeatable), e.g. 'p99 < 50ms'.")
  List<String> criteria = new ArrayList<>();

  @Mixin PlanOptions plan;

  @Mixin OutputOptions output;

  @Mixin BaselineOptions baseline;

  @Override
  public Integer call() {
    return baseline.run(() -> plan.runOrDescribe(baseline.applyTo(Runner.forSpec(spec())), output));
  }

  ScenarioSpec spec() {
    HttpQuickTest.Builder test = HttpQuickTest.url(url)
        .source(CommandLineNames.ORIGIN)
        .method(method)
        .duration(duration)
        .timeout(timeout)
        .http2(http2)
        .insecure(insecure)
        .criteria(criteria);
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new UserException("-H '" + header + "' is not a header (write it as 'Name: value')");
      }
      test.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    if (body != null) {
      test.body(body);
    }
    if (warmUp != null) {
      test.warmUp(warmUp);
    }
    if (connections != null) {
      test.connections(connections);
    }
    if (load.users != null) {
      test.users(load.users);
    } else {
      try {
        test.ratePerSecond(Units.parseRate(load.rate));
      } catch (IllegalArgumentException e) {
        throw new UserException("--rate: " + e.getMessage());
      }
    }
    return test.build();
  }

  /** Defaults that are not constants the annotations could name: written where the value belongs. */
  static final class Defaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      if (arg instanceof OptionSpec option && option.longestName().equals("--timeout")) {
        return Units.formatDuration(HttpClientSettings.DEFAULT_REQUEST_TIMEOUT);
      }
      return null;
    }
  }
}
