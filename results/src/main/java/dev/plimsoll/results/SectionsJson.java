package dev.plimsoll.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.result.ResultSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sections} object of a result file, both ways: each {@link ResultSection} under its key,
 * with its title, facts and data. Data is written as the JSON it already is; a non-finite number
 * as the strings "NaN", "Infinity", "-Infinity", as everywhere in the file (read back as those strings).
 */
final class SectionsJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SectionsJson() {}

  static ObjectNode write(List<ResultSection> sections) {
    ObjectNode all = NODES.objectNode();
    for (ResultSection s : sections) {
      ObjectNode o = all.putObject(s.key());
      o.put("title", s.title());
      ArrayNode facts = o.putArray("facts");
      for (ResultSection.Fact f : s.facts()) {
        facts.addObject().put("name", f.name()).put("value", f.value());
      }
      o.set("data", node(s.data()));
    }
    return all;
  }

  static List<ResultSection> read(JsonFields root) {
    List<ResultSection> sections = new ArrayList<>();
    root.eachObject("sections", (key, o) -> sections.add(new ResultSection(key, o.string("title"),
        o.objects("facts", f -> new ResultSection.Fact(f.string("name"), f.string("value"))),
        o.object("data", SectionsJson::map))));
    return sections;
  }

  private static Map<String, Object> map(JsonFields o) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value(o.node());
    return map;
  }

  private static Object value(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      n.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>(n.size());
      n.forEach(e -> list.add(value(e)));
      return list;
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return n.isNull() ? null : n.asText();
  }

  private static JsonNode node(Object v) {
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      m.forEach((k, x) -> o.set((String) k, node(x)));
      return o;
    }
    if (v instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      l.forEach(x -> a.add(node(x)));
      return a;
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return v == null ? NODES.nullNode() : NODES.textNode((String) v);
  }
}
