package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.BuildContext;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run's HTTP: the executor its requests go through, released when the run ends. */
final class HttpSession implements DriverSession {
  private final HttpDriverSettings settings;
  private final RequestExecutor executor;
  private final Runnable release;

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
    return new HttpRequestAction(r.request().method(), r.request().url(),
        headers(settings.defaultHeaders(), r.request().headers()), r.request().body(),
        new ResponseChecks(r.checks(), r.extract()), executor, target, context.sequence());
  }

  @Override
  public void close() {
    release.run();
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
