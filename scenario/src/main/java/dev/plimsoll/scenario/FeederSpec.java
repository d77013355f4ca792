package dev.plimsoll.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Records read from a CSV or JSON file when the scenario loads.
 *
 * @param name what templates call it: {@code ${name.column}}
 * @param file the file, resolved against the scenario file's folder
 * @param format how the file is read
 * @param order how records are handed out
 * @param columns the CSV header, or every key found in the JSON objects (in first-seen order)
 * @param records the rows, each a map from column to text (a JSON object lacking a key gives "")
 */
public record FeederSpec(
    String name, Path file, Format format, Order order, List<String> columns, List<Map<String, String>> records) {

  public FeederSpec {
    columns = List.copyOf(columns);
    records = List.copyOf(records);
  }

  /** File formats. */
  public enum Format {
    /** A header row, then one record per row; RFC 4180 quoting. */
    CSV,
    /** An array of objects; values that are not strings are written as JSON text. */
    JSON
  }

  /**
   * How records are handed out. A feeder is shared by every user of the scenario, and a user draws
   * one record per feeder it uses each time it starts a flow.
   */
  public enum Order {
    /**
     * Each record once, in file order, shared by all users; after the last record, it goes on from
     * the first again (so a run that outlasts the file reuses records — as circular, but the
     * intent is that records are not reused, and the dry run says when they will be).
     */
    SEQUENTIAL,
    /** In file order, shared by all users, wrapping from the last record to the first. */
    CIRCULAR,
    /** Any record, drawn with the drawing user's seeded random source (repeatable per user). */
    RANDOM
  }
}
