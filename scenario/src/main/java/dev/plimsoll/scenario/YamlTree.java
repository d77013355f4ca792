package dev.plimsoll.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.plimsoll.scenario.driver.ScenarioException;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.ListNode;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import dev.plimsoll.scenario.driver.Yaml.ScalarKind;
import dev.plimsoll.scenario.driver.Yaml.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into the tree of {@link dev.plimsoll.scenario.driver.Yaml} nodes, which
 * remember where every key and value was written. Jackson's streaming parser supplies the
 * positions; anchors and aliases are refused rather than half-supported.
 */
final class YamlTree {

  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  private final String source;
  private final YAMLParser parser;

  private YamlTree(String source, YAMLParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /** Reads one YAML document; {@code source} names the file in messages. */
  static Node parse(String yaml, String source) {
    try (YAMLParser parser = YAML.createParser(yaml)) {
      YamlTree tree = new YamlTree(source, parser);
      if (parser.nextToken() == null) {
        throw ScenarioException.inFile(source, "", "the file is empty");
      }
      Node root = tree.read();
      if (parser.nextToken() != null) {
        Location at = tree.tokenLocation();
        throw new ScenarioException(source, at.line(), at.column(), "",
            "a second YAML document starts here (a scenario file holds one document)");
      }
      return root;
    } catch (JacksonException e) {
      throw syntaxError(source, e);
    } catch (IOException e) {
      throw ScenarioException.inFile(source, "", "cannot be read: " + e.getMessage());
    }
  }

  private Node read() throws IOException {
    Location at = tokenLocation();
    if (parser.isCurrentAlias()) {
      throw new ScenarioException(source, at.line(), at.column(), "",
          "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Location keyAt = tokenLocation();
          Field first = fields.get(key);
          if (first != null) {
            throw new ScenarioException(source, keyAt.line(), keyAt.column(), "",
                "key '" + key + "' appears twice in this mapping (first at line " + first.keyAt().line() + ")");
          }
          parser.nextToken();
          fields.put(key, new Field(key, keyAt, read()));
        }
        return new MapNode(at, Collections.unmodifiableMap(fields));
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read());
        }
        return new ListNode(at, List.copyOf(items));
      }
      case VALUE_NULL -> {
        return new ScalarNode(at, "", ScalarKind.NULL);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ScalarNode(at, parser.getText(), ScalarKind.BOOLEAN);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new ScalarNode(at, parser.getText(), ScalarKind.NUMBER);
      }
      default -> {
        return new ScalarNode(at, parser.getText(), ScalarKind.STRING);
      }
    }
  }

  private Location tokenLocation() {
    JsonLocation l = parser.currentTokenLocation();
    return new Location(l.getLineNr(), l.getColumnNr());
  }

  private static ScenarioException syntaxError(String source, JacksonException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
        Mark mark = y.getProblemMark();
        StringBuilder problem = new StringBuilder("YAML syntax: ").append(ParserMessages.clean(y.getProblem()));
        if (y.getContext() != null && y.getContextMark() != null) {
          problem.append(" (").append(y.getContext()).append(" at ")
              .append(y.getContextMark().getLine() + 1).append(':')
              .append(y.getContextMark().getColumn() + 1).append(')');
        }
        return new ScenarioException(source, mark.getLine() + 1, mark.getColumn() + 1, "", problem.toString());
      }
    }
    JsonLocation l = e.getLocation();
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    message = ParserMessages.clean(message);
    if (message.startsWith("Expected a field name")) {
      // A key written as a list or a mapping ("? - a", "[a]: b"); Jackson shows SnakeYAML's event.
      message = "a key must be a plain value, not a list or a mapping";
    }
    if (l != null && l.getLineNr() > 0) {
      return new ScenarioException(source, l.getLineNr(), l.getColumnNr(), "", "YAML syntax: " + message);
    }
    return ScenarioException.inFile(source, "", "YAML syntax: " + message);
  }
}
