package dev.plimsoll.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Typed, checked access to one JSON object of a result file. Every failure is an
 * {@link IllegalArgumentException} naming the file and the field's path
 * ({@code operations[1].responseTime.histogram}), so a hand-edited or truncated file says where
 * it went wrong.
 *
 * <p>Fields must be present; unknown fields are ignored. Text, object, time and duration fields
 * may be {@code null}; numbers and booleans may not.
 */
final class JsonFields {

  private final JsonNode node;
  private final String path;
  private final String source;

  private JsonFields(JsonNode node, String path, String source) {
    this.node = node;
    this.path = path;
    this.source = source;
  }

  /** The top-level object of {@code source} (a file name, or a description of the text). */
  static JsonFields root(JsonNode node, String source) {
    JsonFields root = new JsonFields(node, "", source);
    if (node == null || !node.isObject()) {
      throw root.failure("the top level must be a JSON object, was "
          + (node == null ? "nothing" : describe(node)));
    }
    return root;
  }

  boolean has(String field) {
    return node.has(field);
  }

  String string(String field) {
    JsonNode value = required(field);
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw failure(field, "must be a string, was " + describe(value));
    }
    return value.textValue();
  }

  long longValue(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw failure(field, "must be a whole number, was " + describe(value));
    }
    return value.longValue();
  }

  int intValue(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw failure(field, "must be a whole number within int range, was " + describe(value));
    }
    return value.intValue();
  }

  /** A number, or one of the strings "NaN", "Infinity", "-Infinity" JSON has no literal for. */
  double doubleValue(String field) {
    JsonNode value = required(field);
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      switch (value.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw failure(field, "must be a number, was " + describe(value));
  }

  boolean bool(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw failure(field, "must be true or false, was " + describe(value));
    }
    return value.booleanValue();
  }

  Instant instant(String field) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw failure(field, "must be an ISO-8601 instant such as 2025-03-01T10:00:00Z, was \""
          + text + "\"");
    }
  }

  /** Seconds, possibly fractional, to the nanosecond; finer fractions are rounded. */
  Duration seconds(String field) {
    JsonNode value = required(field);
    if (value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw failure(field, "must be a number of seconds, was " + describe(value));
    }
    BigDecimal seconds = value.decimalValue();
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      int nanos = seconds.subtract(whole).movePointRight(9)
          .setScale(0, RoundingMode.HALF_UP).intValueExact();
      return Duration.ofSeconds(whole.longValueExact(), nanos);
    } catch (ArithmeticException e) {
      throw failure(field, "is out of range for a duration: " + seconds.toPlainString());
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw failure(field, "must be one of " + Arrays.toString(type.getEnumConstants())
          + ", was \"" + text + "\"");
    }
  }

  /** The nested object read by {@code reader}, or null when the field is null. */
  <T> T object(String field, Function<JsonFields, T> reader) {
    JsonNode value = required(field);
    if (value.isNull()) {
      return null;
    }
    return readObject(value, childPath(field), reader);
  }

  /** An array of objects, each read by {@code reader}; the array itself may not be null. */
  <T> List<T> objects(String field, Function<JsonFields, T> reader) {
    JsonNode array = array(field);
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      values.add(readObject(array.get(i), childPath(field) + "[" + i + "]", reader));
    }
    return values;
  }

  /** This object's own JSON, for values whose shape is free (a result section's data). */
  JsonNode node() {
    return node;
  }

  /** Each member of the object {@code field}, by its name, in order. */
  void eachObject(String field, java.util.function.BiConsumer<String, JsonFields> reader) {
    JsonNode value = required(field);
    if (!value.isObject()) {
      throw failure(field, "must be a JSON object, was " + describe(value));
    }
    for (var member : value.properties()) {
      readObject(member.getValue(), childPath(field) + "." + member.getKey(), o -> {
        reader.accept(member.getKey(), o);
        return null;
      });
    }
  }

  List<String> strings(String field) {
    JsonNode array = array(field);
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!element.isTextual()) {
        throw failure(field + "[" + i + "]", "must be a string, was " + describe(element));
      }
      values.add(element.textValue());
    }
    return values;
  }

  /** A failure at {@code field} of this object, for checks the caller makes on the value. */
  IllegalArgumentException failure(String field, String problem) {
    return new Failure(source + ": field '" + childPath(field) + "' " + problem);
  }

  private IllegalArgumentException failure(String problem) {
    String where = path.isEmpty() ? "" : " at '" + path + "'";
    return new Failure(source + where + ": " + problem);
  }

  /** A failure this class made, already naming the file and the field. */
  private static final class Failure extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  private <T> T readObject(JsonNode value, String childPath, Function<JsonFields, T> reader) {
    JsonFields child = new JsonFields(value, childPath, source);
    if (!value.isObject()) {
      throw child.failure("must be a JSON object, was " + describe(value));
    }
    try {
      return reader.apply(child);
    } catch (Failure e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A value the result model itself refuses (a negative threshold, say): say where it is.
      throw child.failure(e.getMessage());
    }
  }

  private JsonNode array(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw failure(field, "must be an array, was " + describe(value));
    }
    return value;
  }

  private JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw failure(field, "is missing");
    }
    return value;
  }

  private String childPath(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** A short description of a value for messages: its type, and the value when it is small. */
  private static String describe(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
