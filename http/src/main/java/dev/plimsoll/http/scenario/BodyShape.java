package dev.plimsoll.http.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A request body described by its size and shape, never its content: what the dry run shows, as a
 * body may hold credentials ({@code {"user":"ann","password":"..."}}). For example
 * {@code JSON object, 3 fields, 120 bytes}, {@code form, 2 fields, 31 bytes}, {@code binary, 4096 bytes}.
 */
final class BodyShape {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
  private static final Pattern FORM = Pattern.compile("[^=&\\s]+=[^&\\s]*(?:&[^=&\\s]+=[^&\\s]*)*");

  private BodyShape() {}

  /** A template's body as written: its expressions stand for values of unknown length. */
  static String ofTemplate(String source) {
    boolean templated = source.contains("${");
    // Each expression as a short value that keeps JSON and forms valid wherever it stands.
    String sample = templated ? EXPRESSION.matcher(source).replaceAll("0") : source;
    int bytes = source.getBytes(StandardCharsets.UTF_8).length;
    return shape(sample) + ", " + bytes + (bytes == 1 ? " byte" : " bytes") + (templated ? " as written" : "");
  }

  /** A file's bytes, sent as they are. */
  static String ofBytes(byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      text = null;
    }
    String shape = text == null || text.indexOf('\0') >= 0 ? "binary" : shape(text);
    return shape + ", " + body.length + (body.length == 1 ? " byte" : " bytes");
  }

  private static String shape(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "empty";
    }
    char first = trimmed.charAt(0);
    if (first == '{' || first == '[') {
      try {
        JsonNode node = JSON.readTree(trimmed);
        if (node != null && node.isObject()) {
          return "JSON object, " + count(node.size(), "field");
        }
        if (node != null && node.isArray()) {
          return "JSON array, " + count(node.size(), "item");
        }
      } catch (IOException notJson) {
        // Described as text below.
      }
    }
    if (FORM.matcher(trimmed).matches()) {
      return "form, " + count(trimmed.split("&").length, "field");
    }
    long lines = trimmed.lines().count();
    return lines > 1 ? "text, " + count((int) lines, "line") : "text";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
