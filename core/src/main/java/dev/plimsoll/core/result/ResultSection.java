package dev.plimsoll.core.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A part of a run's record that only the capability running it knows about: a simulation's seed,
 * topology and fault schedule; a distributed run's workers. Every report renders a section the same
 * way, without knowing what it is: its {@link #title} and {@link #facts} for people (console,
 * Markdown, HTML), its {@link #data} for programs ({@code result.json}'s {@code sections.<key>}).
 *
 * <pre>{@code
 * ResultSection.builder("simulation", "Simulation")
 *     .fact("seed", "42")
 *     .data("seed", 42L)
 *     .build();
 * }</pre>
 *
 * @param key the section's name in {@code result.json}: a lower camel-case word such as {@code fleet}
 * @param title the heading reports give it
 * @param facts what people read, in order
 * @param data what programs read: a JSON-shaped tree of {@link String}, {@link Long}, {@link Double},
 *     {@link Boolean}, {@code null}, {@link List} and {@link Map} with string keys (in order); smaller
 *     whole numbers are held as {@code Long}, other fractions as {@code Double}
 */
public record ResultSection(String key, String title, List<Fact> facts, Map<String, Object> data) {
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

  /** One line of a section for people: a name and its value, both in words. */
  public record Fact(String name, String value) {
    public Fact {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public ResultSection {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("a section's key is a lower camel-case word (a-z, then letters or digits), was \"" + key + "\"");
    }
    Objects.requireNonNull(title, "title");
    facts = List.copyOf(facts);
    data = tree(data, key);
  }

  public static Builder builder(String key, String title) {
    return new Builder(key, title);
  }

  /** A value of {@link #data} by its top-level name, or null. */
  public Object data(String name) {
    return data.get(name);
  }

  /** An immutable, ordered copy of a JSON-shaped map; anything else is refused, naming where. */
  private static Map<String, Object> tree(Map<String, ?> map, String path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, path + ": a key is null"), value(v, path + "." + k)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object value(Object v, String path) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (v instanceof Float || v instanceof BigDecimal) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> typed = new LinkedHashMap<>();
      m.forEach((k, x) -> {
        if (!(k instanceof String s)) {
          throw new IllegalArgumentException(path + ": keys must be strings, was " + k);
        }
        typed.put(s, x);
      });
      return tree(typed, path);
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        copy.add(value(l.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(path + ": a section's data holds text, numbers, booleans, null, lists and maps, was "
        + v.getClass().getName());
  }

  /** Builds a section; facts and data keep the order they were added in. */
  public static final class Builder {
    private final String key;
    private final String title;
    private final List<Fact> facts = new ArrayList<>();
    private final Map<String, Object> data = new LinkedHashMap<>();

    private Builder(String key, String title) {
      this.key = key;
      this.title = title;
    }

    public Builder fact(String name, String value) {
      facts.add(new Fact(name, value));
      return this;
    }

    /** Adds (or replaces) a top-level value of the data. */
    public Builder data(String name, Object value) {
      data.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    public ResultSection build() {
      return new ResultSection(key, title, facts, data);
    }
  }
}
