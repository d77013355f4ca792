package dev.plimsoll.scenario.driver;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.ListNode;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import dev.plimsoll.scenario.driver.Yaml.ScalarKind;
import dev.plimsoll.scenario.driver.Yaml.ScalarNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads values out of the YAML tree of one file: each accessor either returns a valid value or
 * throws a {@link ScenarioException} at the node's position, naming the field's path
 * ({@code workloads[0].mix[1].request.url}). The loader and every driver read with it, so all
 * messages share one wording.
 */
public final class Nodes {

  private static final Pattern KEY_AS_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final String source;

  /** Reads the file that messages name {@code source} ({@code shop.yaml}). */
  public Nodes(String source) {
    this.source = source;
  }

  public String nonBlank(Node n, String path) {
    String text = text(n, path);
    if (text.isBlank()) {
      throw error(n, path, "is empty");
    }
    return text;
  }

  public String text(Node n, String path) {
    if (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL) {
      return s.text();
    }
    throw error(n, path, n instanceof ScalarNode ? "is empty" : "expected text, got " + n.describe());
  }

  public String choice(Node n, String path, List<String> allowed) {
    String text = text(n, path);
    if (allowed.contains(text)) {
      return text;
    }
    throw error(n, path, "'" + text + "' is not one of " + String.join(", ", allowed)
        + Suggestions.hint(text, allowed, "allowed").replaceFirst(" \\(allowed: .*\\)$", ""));
  }

  public Duration duration(Node n, String path) {
    // Read outside the try: its own error already names the position and must not be wrapped again.
    String text = scalarText(n, path, "a duration (" + Units.DURATION_EXAMPLES + ")");
    try {
      return Units.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  public Duration positive(Node n, String path) {
    Duration d = duration(n, path);
    if (d.isZero()) {
      throw error(n, path, "must be longer than 0s");
    }
    return d;
  }

  public double rate(Node n, String path) {
    String text = scalarText(n, path, "a rate (" + Units.RATE_EXAMPLES + ")");
    try {
      return Units.parseRate(text);
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  public long size(Node n, String path) {
    String text = scalarText(n, path, "a size (" + Units.SIZE_EXAMPLES + ")");
    try {
      return Units.parseSize(text);
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  public String scalarText(Node n, String path, String expected) {
    if (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL) {
      return s.text();
    }
    throw error(n, path, "expected " + expected + ", got " + n.describe());
  }

  public int integer(Node n, String path) {
    long value = longValue(n, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(n, path, "'" + value + "' is too large");
    }
    return (int) value;
  }

  public long nonNegativeLong(Node n, String path) {
    long value = longValue(n, path);
    if (value < 0) {
      throw error(n, path, "must be >= 0 (was " + value + ")");
    }
    return value;
  }

  public long longValue(Node n, String path) {
    if (n instanceof ScalarNode s && s.kind() == ScalarKind.NUMBER) {
      try {
        return Long.parseLong(s.text());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(n, path, (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL ? "'" + s.text() + "'" : n.describe())
        + " is not a whole number");
  }

  public boolean bool(Node n, String path) {
    // YAML 1.1 also reads yes/no/on/off as booleans; only true and false are accepted here.
    if (n instanceof ScalarNode s && s.kind() == ScalarKind.BOOLEAN
        && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
      return s.text().equalsIgnoreCase("true");
    }
    throw error(n, path, (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL ? "'" + s.text() + "'" : n.describe())
        + " is not true or false");
  }


  /** The node as a mapping whose keys are all in {@code allowed} (any key when null). */
  public MapNode map(Node n, String path, List<String> allowed) {
    if (!(n instanceof MapNode m)) {
      throw error(n, path, "expected a mapping (key: value), got " + n.describe());
    }
    if (allowed != null) {
      for (Field f : m.fields().values()) {
        if (!allowed.contains(f.key())) {
          throw error(f.keyAt(), child(path, f.key()), "unknown key" + Suggestions.hint(f.key(), allowed, "allowed keys"));
        }
      }
    }
    return m;
  }

  public List<Node> list(Node n, String path) {
    if (n instanceof ListNode l) {
      return l.items();
    }
    throw error(n, path, "expected a list, got " + n.describe());
  }

  public List<Node> nonEmptyList(Node n, String path, String what) {
    List<Node> items = list(n, path);
    if (items.isEmpty()) {
      throw error(n, path, "is empty (give at least " + what + ")");
    }
    return items;
  }

  public static boolean has(MapNode m, String key) {
    return m.fields().containsKey(key);
  }

  public static Node get(MapNode m, String key) {
    return m.fields().get(key).value();
  }

  public Node required(MapNode m, String path, String key) {
    if (!has(m, key)) {
      throw error(m, child(path, key), "is required");
    }
    return get(m, key);
  }

  /** Of two keys both present, the one written second. */
  public static Field later(MapNode m, String a, String b) {
    for (Field f : m.fields().values()) {
      if (f.key().equals(a)) {
        return m.fields().get(b);
      }
      if (f.key().equals(b)) {
        return m.fields().get(a);
      }
    }
    throw new IllegalStateException();
  }

  public static String child(String path, String key) {
    if (KEY_AS_PATH.matcher(key).matches()) {
      return path.isEmpty() ? key : path + "." + key;
    }
    return path + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  /**
   * Runs a check or a build of core's and reports what it refuses at {@code at}, under the file's
   * {@code path}: core's field names ({@code scenario.warmUp}) are not what the file says.
   */
  public <T> T core(Node at, String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (ScenarioException e) {
      throw e; // already positioned: wrapping it again would print the place twice
    } catch (InvalidConfigurationException e) {
      throw error(at, path, e.problem());
    } catch (IllegalArgumentException e) {
      throw error(at, path, e.getMessage());
    }
  }

  /** As {@link #core(Node, String, Supplier)}, for a check that returns nothing. */
  public void core(Node at, String path, Runnable check) {
    core(at, path, () -> {
      check.run();
      return null;
    });
  }

  /** Where {@code n} was written, for a problem found later. */
  public Place place(Node n, String path) {
    return new Place(source, n.at(), path);
  }

  public ScenarioException error(Node n, String path, String problem) {
    return error(n.at(), path, problem);
  }

  public ScenarioException error(Location at, String path, String problem) {
    return new ScenarioException(source, at.line(), at.column(), path, problem);
  }
}
