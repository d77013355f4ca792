package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.BuildContext;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.ExpectedLoad;
import dev.plimsoll.scenario.driver.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's HTTP: the executor its requests go through, connected to the scenario's servers before
 * the run, released when the run ends.
 */
final class HttpSession implements DriverSession {
  private final HttpDriverSettings settings;
  private final RequestExecutor executor;
  private final Runnable release;
  /** The servers the compiled steps send to, as far as known before the run: connected ahead. */
  private final Set<URI> servers = new LinkedHashSet<>();
  private final List<HttpRequestAction> actions = new ArrayList<>();

  HttpSession(HttpDriverSettings settings, RequestExecutor executor, Runnable release) {
    this.settings = settings;
    this.executor = executor;
    this.release = release;
  }

  @Override
  public Action compile(DriverStep step, BuildContext context) {
    if (!(step instanceof RequestStep r)) {
      throw new IllegalArgumentException("not an HTTP step: " + step);
    }
    String target = context.target() == null ? null : context.target().toString();
    if (context.target() != null) {
      servers.add(context.target());
    }
    URI server = server(r.request().url());
    if (server != null) {
      servers.add(server);
    }
    HttpRequestAction action = new HttpRequestAction(r.request().method(), r.request().url(),
        headers(settings.defaultHeaders(), r.request().headers()), r.request().body(),
        new ResponseChecks(r.checks(), r.extract()), executor, target, context.sequence());
    actions.add(action);
    return action;
  }

  /**
   * Before the run: the constant requests are built and encoded, and the connections to every
   * server known opened, so the first requests of the run pay for neither. Nothing is sent.
   */
  @Override
  public void prepare() {
    prepare(ExpectedLoad.UNKNOWN);
  }

  /** As {@link #prepare()}; only a demanding run is rehearsed ({@link NettyRequestExecutor#warmUp(ExpectedLoad)}). */
  @Override
  public void prepare(ExpectedLoad load) {
    actions.forEach(HttpRequestAction::prepareAhead);
    executor.warmUp(load, this::sendingTo);
    executor.connectAhead(List.copyOf(servers));
  }

  /**
   * The run's own steps sending to {@code server} instead of their target, each ready as in the run
   * (a constant request prepared), for the rehearsal.
   */
  private List<Action> sendingTo(String server) {
    AtomicLong sequence = new AtomicLong();
    List<Action> rehearsed = new ArrayList<>();
    for (HttpRequestAction action : actions) {
      HttpRequestAction copy = action.sendingTo(server, sequence::incrementAndGet);
      copy.prepareAhead();
      rehearsed.add(copy);
    }
    return rehearsed;
  }

  @Override
  public ScheduledExecutorService startingExecutor() {
    return executor.startingExecutor();
  }

  @Override
  public void close() {
    release.run();
  }

  /**
   * The server of an absolute URL whose scheme, host and port are written out (the rest may be a
   * template), or null: a relative URL's server is the target's, a templated one's unknown.
   */
  static URI server(Template url) {
    String text = url.source();
    int authority = text.regionMatches(true, 0, "http://", 0, 7) ? 7
        : text.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    if (authority < 0) {
      return null;
    }
    int end = authority;
    while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String origin = text.substring(0, end);
    if (end == authority || origin.indexOf('$') >= 0) {
      return null;
    }
    try {
      URI uri = new URI(origin);
      return uri.getHost() == null ? null : uri;
    } catch (URISyntaxException e) {
      return null; // the request reports it
    }
  }

  /** The defaults' headers, then the request's; a request's header replaces a default of the same name in any case. */
  private static List<Map.Entry<String, Template>> headers(Map<String, Template> defaults, Map<String, Template> own) {
    Map<String, Map.Entry<String, Template>> merged = new LinkedHashMap<>();
    defaults.forEach((name, value) -> merged.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value)));
    own.forEach((name, value) -> {
      String key = name.toLowerCase(Locale.ROOT);
      merged.remove(key);
      merged.put(key, Map.entry(name, value));
    });
    return List.copyOf(merged.values());
  }
}
