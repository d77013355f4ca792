package dev.plimsoll.http.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;

import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.ListNode;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import dev.plimsoll.scenario.driver.Yaml.ScalarKind;
import dev.plimsoll.scenario.driver.Yaml.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads what a response must satisfy ({@code checks}) and what is taken from it ({@code extract}). */
final class CheckReader {
  private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");

  private final ReadContext context;
  private final Nodes nodes;

  CheckReader(ReadContext context) {
    this.context = context;
    this.nodes = context.nodes();
  }

  /** The checks written at {@code n}; a kind of check not written there is taken from {@code defaults}. */
  CheckSpec checks(Node n, String path, Template.Scope scope, CheckSpec defaults) {
    MapNode m = nodes.map(n, path, HttpDriver.CHECKS_KEYS);
    List<String> status = defaults.status();
    if (has(m, "status")) {
      Node s = get(m, "status");
      List<Node> items = s instanceof ListNode l ? l.items() : List.of(s);
      if (items.isEmpty()) {
        throw nodes.error(s, child(path, "status"), "is empty (give the allowed codes, e.g. [200, 404] or [2xx])");
      }
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String p = s instanceof ListNode ? child(path, "status") + "[" + i + "]" : child(path, "status");
        codes.add(statusCode(items.get(i), p));
      }
      status = codes;
    }
    Template bodyContains = defaults.bodyContains();
    if (has(m, "bodyContains")) {
      bodyContains = context.template(get(m, "bodyContains"), child(path, "bodyContains"), scope);
      if (bodyContains.source().isEmpty()) {
        throw nodes.error(get(m, "bodyContains"), child(path, "bodyContains"), "is empty");
      }
    }
    Map<String, String> jsonPath = new LinkedHashMap<>(defaults.jsonPath());
    if (has(m, "jsonPath")) {
      MapNode paths = nodes.map(get(m, "jsonPath"), child(path, "jsonPath"), null);
      for (Field f : paths.fields().values()) {
        String p = child(child(path, "jsonPath"), f.key());
        jsonPath(f.keyAt(), f.key(), p);
        if (!(f.value() instanceof ScalarNode v)) {
          throw nodes.error(f.value(), p, "expected the value to compare with, got " + f.value().describe());
        }
        jsonPath.put(f.key(), v.kind() == ScalarKind.NULL ? "null" : v.text());
      }
    }
    OptionalLong maxSize = defaults.maxSizeBytes();
    if (has(m, "maxSize")) {
      maxSize = OptionalLong.of(nodes.size(get(m, "maxSize"), child(path, "maxSize")));
    }
    return new CheckSpec(status, bodyContains, jsonPath, maxSize);
  }

  private String statusCode(Node n, String path) {
    if (n instanceof ScalarNode s) {
      if (s.kind() == ScalarKind.NUMBER && s.text().matches("[1-5]\\d\\d")) {
        return s.text();
      }
      if (s.kind() == ScalarKind.STRING && STATUS_CLASS.matcher(s.text()).matches()) {
        return s.text();
      }
    }
    throw nodes.error(n, path, (n instanceof ScalarNode s ? "'" + s.text() + "'" : n.describe())
        + " is not a status code (examples: 200, 404, 2xx)");
  }

  List<ExtractSpec> extract(Node n, String path) {
    MapNode m = nodes.map(n, path, null);
    List<ExtractSpec> extract = new ArrayList<>();
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      context.checkStoredName(f.key(), f.keyAt(), p, "extracted value");
      MapNode e = nodes.map(f.value(), p, HttpDriver.EXTRACTOR_KEYS);
      if (e.fields().size() != 1) {
        throw nodes.error(e, p, "give exactly one of jsonPath, regex, header");
      }
      Field how = e.fields().values().iterator().next();
      String hp = child(p, how.key());
      String expression = nodes.text(how.value(), hp);
      ExtractSpec.From from = switch (how.key()) {
        case "jsonPath" -> {
          jsonPath(how.value().at(), expression, hp);
          yield ExtractSpec.From.JSON_PATH;
        }
        case "regex" -> {
          regexWithGroup(how.value(), expression, hp);
          yield ExtractSpec.From.REGEX;
        }
        default -> {
          if (!HttpSyntax.HEADER_NAME.matcher(expression).matches()) {
            throw nodes.error(how.value(), hp, "'" + expression + "' is not a valid header name");
          }
          yield ExtractSpec.From.HEADER;
        }
      };
      extract.add(new ExtractSpec(f.key(), from, expression));
    }
    return extract;
  }

  private void regexWithGroup(Node at, String expression, String path) {
    try {
      if (Pattern.compile(expression).matcher("").groupCount() < 1) {
        throw nodes.error(at, path, "'" + expression + "' has no group: the value taken is group 1, e.g. \"id=(\\\\d+)\"");
      }
    } catch (PatternSyntaxException x) {
      throw nodes.error(at, path, "'" + expression + "' is not a regular expression: "
          + x.getDescription() + " near position " + (x.getIndex() + 1));
    }
  }

  private void jsonPath(Location at, String expression, String path) {
    try {
      JsonPath.compile(expression);
    } catch (IllegalArgumentException e) {
      throw nodes.error(at, path, e.getMessage());
    }
  }
}
