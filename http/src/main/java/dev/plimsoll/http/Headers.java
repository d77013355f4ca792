package dev.plimsoll.http;

import dev.plimsoll.core.text.Secrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Header fields of a request or a response: an ordered list of name/value pairs. Names compare
 * case-insensitively; a name may occur more than once. Immutable.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new String[0]);

  /** name0, value0, name1, value1, ... */
  private final String[] namesAndValues;

  private Headers(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  public static Headers empty() {
    return EMPTY;
  }

  /** Headers from alternating names and values: {@code Headers.of("accept", "text/plain")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("headers need a value for each name (got " + namesAndValues.length + " strings)");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    Collections.addAll(b.namesAndValues, namesAndValues);
    return b;
  }

  public int size() {
    return namesAndValues.length / 2;
  }

  public String name(int index) {
    return namesAndValues[index * 2];
  }

  public String value(int index) {
    return namesAndValues[index * 2 + 1];
  }

  /** The last value of the named header, or null. */
  public String get(String name) {
    for (int i = namesAndValues.length - 2; i >= 0; i -= 2) {
      if (name.equalsIgnoreCase(namesAndValues[i])) {
        return namesAndValues[i + 1];
      }
    }
    return null;
  }

  /** Every value of the named header, in order. */
  public List<String> values(String name) {
    List<String> values = new ArrayList<>(2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (name.equalsIgnoreCase(namesAndValues[i])) {
        values.add(namesAndValues[i + 1]);
      }
    }
    return Collections.unmodifiableList(values);
  }

  public boolean contains(String name) {
    return get(name) != null;
  }

  /** The distinct names, in first-seen order, as given (not lower-cased). */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.add(namesAndValues[i]);
    }
    return Collections.unmodifiableSet(names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers h && Arrays.equals(namesAndValues, h.namesAndValues);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(namesAndValues);
  }

  /** One line per field; secret values (Authorization, Cookie, ...) masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      sb.append(namesAndValues[i]).append(": ").append(Secrets.redact(namesAndValues[i], namesAndValues[i + 1])).append('\n');
    }
    return sb.toString();
  }

  /** Builds {@link Headers}; names and values are checked for characters HTTP does not allow. */
  public static final class Builder {
    private final List<String> namesAndValues = new ArrayList<>();

    private Builder() {}

    /** Adds a field, keeping any with the same name. */
    public Builder add(String name, String value) {
      checkName(name);
      checkValue(name, value);
      namesAndValues.add(name);
      namesAndValues.add(value.strip());
      return this;
    }

    /** Replaces every field of this name with one. */
    public Builder set(String name, String value) {
      removeAll(name);
      return add(name, value);
    }

    public Builder removeAll(String name) {
      for (int i = namesAndValues.size() - 2; i >= 0; i -= 2) {
        if (name.equalsIgnoreCase(namesAndValues.get(i))) {
          namesAndValues.remove(i + 1);
          namesAndValues.remove(i);
        }
      }
      return this;
    }

    public Headers build() {
      return namesAndValues.isEmpty() ? EMPTY : new Headers(namesAndValues.toArray(String[]::new));
    }

    private static void checkName(String name) {
      Objects.requireNonNull(name, "header name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("header name is empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f || c == ':') {
          throw new IllegalArgumentException(
              "header name '" + name + "' has a character HTTP does not allow at index " + i);
        }
      }
    }

    private static void checkValue(String name, String value) {
      Objects.requireNonNull(value, () -> "value of header " + name);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
          throw new IllegalArgumentException(
              "value of header '" + name + "' has a character HTTP does not allow at index " + i);
        }
      }
    }
  }

  /** Internal fast construction from already-valid pairs (decoded from the wire). */
  static Headers ofTrusted(String[] namesAndValues) {
    return namesAndValues.length == 0 ? EMPTY : new Headers(namesAndValues);
  }
}
