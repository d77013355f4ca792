package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.Place;
import dev.plimsoll.scenario.driver.DriverSyntax;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP in scenario files: {@code request} steps with their {@code checks} and {@code extract}, the
 * {@code http:} client settings, and {@code headers} and {@code checks} in {@code defaults:}. Each
 * run opens one Netty {@link dev.plimsoll.http.HttpClient}, closed when the run ends.
 *
 * <p>Found on the classpath by the scenario loader; {@link #using} makes one whose requests go
 * elsewhere, for tests.
 */
public final class HttpDriver implements Driver {

  /** The driver's name, which keys its settings in a scenario spec. */
  public static final String NAME = "http";

  static final String SECTION = "http";
  static final StepKind REQUEST = StepKind.of("request", "checks", "extract");
  static final List<String> HTTP_KEYS = List.of(
      "connections", "protocol", "timeout", "connectTimeout", "insecure", "caFile", "followRedirects",
      "compression");
  static final List<String> DEFAULTS_KEYS = List.of("headers", "checks");
  static final List<String> REQUEST_KEYS = List.of("method", "url", "headers", "body", "bodyFile", "bodyTemplate");
  static final List<String> CHECKS_KEYS = List.of("status", "bodyContains", "jsonPath", "maxSize");
  static final List<String> EXTRACTOR_KEYS = List.of("jsonPath", "regex", "header");

  private static final String SCHEMA = "/dev/plimsoll/http/scenario/http-schema.json";
  private static final DriverSyntax SYNTAX = declareSyntax();

  private final RequestExecutor executor;

  /** The driver as the loader finds it: each run sends its requests with a new Netty client. */
  public HttpDriver() {
    this.executor = null;
  }

  private HttpDriver(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * A driver whose requests go to {@code executor} instead of a Netty client: an in-memory server
   * in a test, say. The executor is shared by every run and never closed by the driver.
   */
  static HttpDriver using(RequestExecutor executor) {
    return new HttpDriver(executor);
  }

  private static DriverSyntax declareSyntax() {
    Map<String, List<String>> mappings = new LinkedHashMap<>();
    mappings.put("http", HTTP_KEYS);
    mappings.put("request", REQUEST_KEYS);
    mappings.put("checks", CHECKS_KEYS);
    mappings.put("extractor", EXTRACTOR_KEYS);
    return new DriverSyntax(SECTION, DEFAULTS_KEYS, List.of(REQUEST), mappings);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DriverSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public String schema() {
    try (InputStream in = HttpDriver.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public DriverReader reader(ReadContext context) {
    return new HttpReader(context);
  }

  /**
   * Resolves the host of every server the steps send to whose name is written out (an absolute
   * URL's, or the target's for a relative URL), so that a misspelt host is a clear message before
   * the run, not a run of failures. A driver made with {@link #using} sends nowhere and checks none.
   */
  @Override
  public void checkBeforeRun(DriverSettings settings, List<DriverStep> steps, URI target) {
    if (executor != null) {
      return;
    }
    Set<String> checked = new HashSet<>();
    servers(steps, target).forEach((origin, first) -> {
      if (!checked.add(first.server().getHost())) {
        return;
      }
      String problem = unresolved(first.server(), first.relative());
      if (problem != null) {
        // At the first URL that sends there: the target's own line may be an override's.
        Place place = first.request().urlPlace();
        throw place != null ? place.problem(problem) : new IllegalArgumentException(problem);
      }
    });
  }

  /** A pool of {@code connections} for each server the steps name (at least one). */
  @Override
  public long connections(DriverSettings settings, List<DriverStep> steps, URI target) {
    HttpDriverSettings http = settings == null ? HttpDriverSettings.DEFAULTS : (HttpDriverSettings) settings;
    return (long) Math.max(1, servers(steps, target).size()) * http.connectionsPerTarget();
  }

  /** The first request that sends to a server, whether its URL is relative to the target, and the server. */
  private record FirstRequest(RequestSpec request, URI server, boolean relative) {}

  /**
   * The servers the steps send to whose names are written out (an absolute URL's, or the target's
   * for a relative URL), by scheme, host and port, each with the first request that sends there; a URL whose host
   * is a template is known only as it is sent.
   */
  private static Map<String, FirstRequest> servers(List<DriverStep> steps, URI target) {
    Map<String, FirstRequest> servers = new LinkedHashMap<>();
    for (DriverStep step : steps) {
      RequestSpec request = ((RequestStep) step).request();
      Template url = request.url();
      URI server = HttpSession.server(url);
      boolean relative = server == null;
      if (relative && target != null && !url.source().startsWith("${") && !isAbsolute(url.source())) {
        server = target;
      }
      if (server != null && server.getHost() != null) {
        String origin = server.getScheme().toLowerCase(Locale.ROOT) + "://" + server.getAuthority();
        servers.putIfAbsent(origin, new FirstRequest(request, server, relative));
      }
    }
    return servers;
  }

  private static boolean isAbsolute(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** Why {@code server}'s host cannot be sent to, or null when it resolves. */
  private static String unresolved(URI server, boolean ofTheTarget) {
    String host = server.getHost();
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      InetAddress.getAllByName(name);
      return null;
    } catch (UnknownHostException e) {
      String origin = server.getScheme() + "://" + host + (server.getPort() < 0 ? "" : ":" + server.getPort());
      return "host '" + host + "' (of " + (ofTheTarget ? "the target " : "") + origin + ") does not resolve to an address;"
          + " check its spelling and this machine's DNS (nothing was sent)";
    }
  }

  @Override
  public DriverSession open(DriverSettings settings) {
    HttpDriverSettings http = settings == null ? HttpDriverSettings.DEFAULTS : (HttpDriverSettings) settings;
    if (executor != null) {
      return new HttpSession(http, executor, () -> { });
    }
    NettyRequestExecutor netty = new NettyRequestExecutor(http.http());
    return new HttpSession(http, netty, netty::close);
  }
}
