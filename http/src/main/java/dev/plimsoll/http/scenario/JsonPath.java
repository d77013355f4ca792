package dev.plimsoll.http.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset scenarios use: {@code $} then any number of {@code .name}, {@code ['name']}
 * and {@code [index]} (from 0; a negative index counts from the end). No wildcards, filters or
 * recursive descent: a path names at most one value.
 */
final class JsonPath {
  static final String EXAMPLES = "examples: $.token, $.items[0].id, $['content-type']";

  private final String source;
  /** Each segment is a String (a field) or an Integer (an index). */
  private final List<Object> segments;

  private JsonPath(String source, List<Object> segments) {
    this.source = source;
    this.segments = segments;
  }

  /** @throws IllegalArgumentException for a path outside the subset */
  static JsonPath compile(String path) {
    String p = path.strip();
    if (!p.startsWith("$")) {
      throw invalid(path, "it must start with '$'");
    }
    List<Object> segments = new ArrayList<>();
    int i = 1;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
          i++;
        }
        if (i == start) {
          throw invalid(path, "a '.' is not followed by a name");
        }
        String name = p.substring(start, i);
        if (name.equals("*")) {
          throw invalid(path, "wildcards are not supported");
        }
        segments.add(name);
      } else if (c == '[') {
        int end = p.indexOf(']', i);
        if (end < 0) {
          throw invalid(path, "a '[' is not closed");
        }
        String inside = p.substring(i + 1, end).strip();
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
            || inside.startsWith("\"") && inside.endsWith("\""))) {
          segments.add(inside.substring(1, inside.length() - 1));
        } else {
          try {
            segments.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            throw invalid(path, "'[" + inside + "]' is neither an index nor a quoted name");
          }
        }
        i = end + 1;
      } else {
        throw invalid(path, "unexpected '" + c + "' at position " + (i + 1));
      }
    }
    return new JsonPath(p, List.copyOf(segments));
  }

  private static IllegalArgumentException invalid(String path, String why) {
    return new IllegalArgumentException("'" + path + "' is not a supported JSON path: " + why + " (" + EXAMPLES + ")");
  }

  /** The value at this path, or null when there is none. */
  JsonNode find(JsonNode root) {
    JsonNode node = root;
    for (Object segment : segments) {
      if (node == null) {
        return null;
      }
      if (segment instanceof Integer index) {
        if (!node.isArray()) {
          return null;
        }
        int i = index < 0 ? node.size() + index : index;
        node = i >= 0 && i < node.size() ? node.get(i) : null;
      } else {
        node = node.isObject() ? node.get((String) segment) : null;
      }
    }
    return node;
  }

  /** A found value as text: strings without quotes, anything else as JSON. */
  static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }

  String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
