package dev.plimsoll.scenario.driver;

import java.util.List;
import java.util.Map;

/**
 * A scenario file's YAML as a small tree that remembers where every key and value was written, so
 * that each later error can name {@code file:line:column}. The loader parses the file; a driver
 * reads its parts of the tree with {@link Nodes}, which reports problems at these positions.
 */
public final class Yaml {
  private Yaml() {}

  /** A position in the file, line and column from 1. */
  public record Location(int line, int column) {}

  /** A mapping, a list or a scalar. */
  public sealed interface Node permits MapNode, ListNode, ScalarNode {
    Location at();

    /** How the node is named in messages: "a mapping", "a list", "'text'". */
    String describe();
  }

  /** A key and its value; {@code keyAt} is where the key was written. */
  public record Field(String key, Location keyAt, Node value) {}

  /** Keys and values, in the order written; keys are unique. */
  public record MapNode(Location at, Map<String, Field> fields) implements Node {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** Items in order. */
  public record ListNode(Location at, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** What YAML made of a scalar: {@code 200} is a number, {@code true} a boolean, {@code ~} null. */
  public enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

  /** A value as written; {@code text} is empty for null. */
  public record ScalarNode(Location at, String text, ScalarKind kind) implements Node {
    @Override
    public String describe() {
      return kind == ScalarKind.NULL ? "empty" : "'" + text + "'";
    }
  }
}
