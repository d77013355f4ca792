package dev.plimsoll.http.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;

import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads what a request sends: method, URL, headers and body. */
final class RequestReader {
  private static final List<String> BODIES = List.of("body", "bodyFile", "bodyTemplate");

  /** A relative URL and where it was written, checked once the target is final. */
  record Relative(Location at, String path, String text) {}

  private final ReadContext context;
  private final Nodes nodes;
  private final List<Relative> relativeUrls = new ArrayList<>();

  RequestReader(ReadContext context) {
    this.context = context;
    this.nodes = context.nodes();
  }

  /** The first relative URL read, or null. */
  Relative firstRelativeUrl() {
    return relativeUrls.isEmpty() ? null : relativeUrls.get(0);
  }

  RequestSpec request(Node n, String path, Template.Scope scope) {
    MapNode m = nodes.map(n, path, HttpDriver.REQUEST_KEYS);
    String method = "GET";
    if (has(m, "method")) {
      method = nodes.text(get(m, "method"), child(path, "method"));
      String problem = HttpSyntax.methodProblem(method);
      if (problem != null) {
        throw nodes.error(get(m, "method"), child(path, "method"), problem);
      }
      method = method.toUpperCase(Locale.ROOT);
    }
    if (!has(m, "url")) {
      throw nodes.error(m, child(path, "url"), "is required");
    }
    Node urlNode = get(m, "url");
    Template url = context.template(urlNode, child(path, "url"), scope);
    String lower = url.source().toLowerCase(Locale.ROOT);
    boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
    if (!absolute && !url.source().startsWith("${")) {
      if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
        throw nodes.error(urlNode, child(path, "url"), "'" + url.source() + "' is not an http:// or https:// URL");
      }
      relativeUrls.add(new Relative(urlNode.at(), child(path, "url"), url.source()));
    }
    String urlProblem = HttpSyntax.urlProblem(url.source());
    if (urlProblem != null) {
      throw nodes.error(urlNode, child(path, "url"), urlProblem);
    }
    Map<String, Template> headers = has(m, "headers") ? headers(get(m, "headers"), child(path, "headers"), scope) : Map.of();
    return new RequestSpec(method, url, headers, body(m, path, scope), nodes.place(urlNode, child(path, "url")));
  }

  private BodySpec body(MapNode m, String path, Template.Scope scope) {
    List<Field> bodies = m.fields().values().stream().filter(f -> BODIES.contains(f.key())).toList();
    if (bodies.size() > 1) {
      throw nodes.error(bodies.get(1).keyAt(), child(path, bodies.get(1).key()),
          "cannot be combined with '" + bodies.get(0).key() + "' (a request has one body)");
    }
    if (bodies.isEmpty()) {
      return BodySpec.NONE;
    }
    Field f = bodies.get(0);
    String p = child(path, f.key());
    return switch (f.key()) {
      case "body" -> new BodySpec.Text(context.template(f.value(), p, scope));
      case "bodyFile" -> {
        Path file = context.file(f.value(), p);
        yield new BodySpec.File(file, context.readBytes(f.value(), p));
      }
      default -> {
        String content = context.readText(f.value(), p);
        try {
          yield new BodySpec.Text(Template.compile(content, scope));
        } catch (IllegalArgumentException e) {
          throw nodes.error(f.value(), p, "in '" + nodes.text(f.value(), p) + "': " + e.getMessage());
        }
      }
    };
  }

  Map<String, Template> headers(Node n, String path, Template.Scope scope) {
    MapNode m = nodes.map(n, path, null);
    Map<String, Template> headers = new LinkedHashMap<>();
    Map<String, String> lowerCase = new HashMap<>();
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      String nameProblem = HttpSyntax.headerNameProblem(f.key());
      if (nameProblem != null) {
        throw nodes.error(f.keyAt(), p, nameProblem);
      }
      String first = lowerCase.putIfAbsent(f.key().toLowerCase(Locale.ROOT), f.key());
      if (first != null) {
        throw nodes.error(f.keyAt(), p, "header '" + f.key() + "' is already given as '" + first + "' (header names ignore case)");
      }
      Template value = context.template(f.value(), p, scope);
      String valueProblem = HttpSyntax.headerValueProblem(value.source());
      if (valueProblem != null) {
        throw nodes.error(f.value(), p, valueProblem);
      }
      headers.put(f.key(), value);
    }
    return headers;
  }
}
