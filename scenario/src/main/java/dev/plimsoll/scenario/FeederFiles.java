package dev.plimsoll.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads feeder files. Problems are reported as {@code name:line: problem} for CSV and
 * {@code name: problem} for JSON, to be prefixed with the scenario file's location.
 */
final class FeederFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeederFiles() {}

  /** The columns and records of a file. */
  record Table(List<String> columns, List<Map<String, String>> records) {}

  /**
   * RFC 4180 CSV: a header row, then records; fields separated by commas; a field in double quotes
   * may hold commas, line breaks and doubled quotes ({@code ""}). Blank lines are skipped, a BOM is
   * ignored, lines may end in CRLF or LF.
   */
  static Table csv(String text, String name) {
    List<List<String>> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean fieldStarted = false;
    int quoteLine = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (fieldStarted && !field.toString().isBlank()) {
          throw new IllegalArgumentException(name + ":" + line + ": a quote inside an unquoted field"
              + " (quote the whole field and double the quote: \"a \"\"b\"\"\")");
        }
        field.setLength(0); // spaces before an opening quote
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(rows, lines, row, field, fieldStarted, rowLine);
        row = new ArrayList<>();
        fieldStarted = false;
        line++;
        rowLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(name + ":" + quoteLine + ": a quoted field is not closed");
    }
    endRow(rows, lines, row, field, fieldStarted, rowLine);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(name + ": is empty (expected a header row, then records)");
    }
    List<String> header = rows.get(0);
    Set<String> seen = new LinkedHashSet<>();
    for (String column : header) {
      if (column.isBlank()) {
        throw new IllegalArgumentException(name + ":" + lines.get(0) + ": the header has an empty column name");
      }
      if (!seen.add(column)) {
        throw new IllegalArgumentException(name + ":" + lines.get(0) + ": column '" + column + "' appears twice in the header");
      }
    }
    List<Map<String, String>> records = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> values = rows.get(r);
      if (values.size() != header.size()) {
        throw new IllegalArgumentException(name + ":" + lines.get(r) + ": the row has " + values.size()
            + (values.size() == 1 ? " field" : " fields") + " but the header has " + header.size());
      }
      Map<String, String> record = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        record.put(header.get(c), values.get(c));
      }
      records.add(Collections.unmodifiableMap(record));
    }
    return new Table(List.copyOf(header), records);
  }

  private static void endRow(
      List<List<String>> rows, List<Integer> lines, List<String> row, StringBuilder field, boolean fieldStarted, int line) {
    if (row.isEmpty() && !fieldStarted && field.isEmpty()) {
      return; // a blank line
    }
    row.add(field.toString());
    field.setLength(0);
    rows.add(row);
    lines.add(line);
  }

  /** A JSON array of objects; a value that is not a string is kept as its JSON text. */
  static Table json(String text, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
      throw new IllegalArgumentException(name + ":" + where + "not valid JSON: "
          + ParserMessages.clean(e.getOriginalMessage()));
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(name + ": expected an array of objects, e.g. [{\"name\": \"ann\"}]");
    }
    Set<String> columns = new LinkedHashSet<>();
    for (int i = 0; i < root.size(); i++) {
      if (!root.get(i).isObject()) {
        throw new IllegalArgumentException(name + ": element " + i + " is not an object");
      }
      root.get(i).fieldNames().forEachRemaining(columns::add);
    }
    List<Map<String, String>> records = new ArrayList<>();
    for (JsonNode element : root) {
      Map<String, String> record = new LinkedHashMap<>();
      for (String column : columns) {
        JsonNode value = element.get(column);
        record.put(column, value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
      }
      records.add(Collections.unmodifiableMap(record));
    }
    return new Table(List.copyOf(columns), records);
  }
}
