package dev.plimsoll.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The result file: a {@link RunResult} as versioned JSON, documented field by field in
 * {@code docs/result-schema.md}.
 *
 * <p>Reading what was written gives an equal {@code RunResult}, histograms included, so results
 * can be re-rendered, compared with a baseline or merged exactly long after the run. Durations
 * are numbers of seconds with the unit in the key ({@code measuredDurationS}), latencies are
 * milliseconds ({@code p99Ms}), times are ISO-8601 strings, and every latency distribution carries
 * its HdrHistogram in base64 beside its summary.
 *
 * <p>Problems with the content (malformed JSON, a missing or mistyped field, an unsupported
 * {@code schemaVersion}) are {@link IllegalArgumentException}s whose message names the file and
 * the field; problems reaching the file are {@link IOException}s.
 */
public final class ResultJson {

  /** The name {@link Reports#writeAll} gives the result file. */
  public static final String FILE_NAME = "result.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      // Exact decimals, so fractional durations read back to the nanosecond.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // Durations are written as BigDecimal; "60.5", never "6.05E+1".
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private ResultJson() {}

  /** {@code result} as pretty-printed JSON, ending with a newline. */
  public static String toJson(RunResult result) {
    try {
      return WRITER.writeValueAsString(ResultJsonWriter.result(result)) + "\n";
    } catch (JacksonException e) {
      // A tree of plain nodes always serialises; reaching here is a bug in this class.
      throw new IllegalStateException("could not serialise a result tree", e);
    }
  }

  /**
   * Reads a result from JSON text.
   *
   * @throws IllegalArgumentException if the text is not a result file this version can read
   */
  public static RunResult fromJson(String json) {
    return parse("result JSON", () -> MAPPER.readTree(json));
  }

  /**
   * Writes {@code result} to {@code file} atomically: readers see the old file or the whole new
   * one, never a part. Missing parent directories are created.
   */
  public static void write(RunResult result, Path file) throws IOException {
    AtomicFiles.write(file, toJson(result).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a result file.
   *
   * @throws IllegalArgumentException if the file is not a result file this version can read; the
   *     message names the file and, where it can, the field
   * @throws IOException if the file cannot be read
   */
  public static RunResult read(Path file) throws IOException {
    // Bytes, not a String: invalid UTF-8 is then a JSON error naming the place, not a bare
    // MalformedInputException.
    byte[] content = Files.readAllBytes(file);
    return parse(file.toString(), () -> MAPPER.readTree(content));
  }

  /** Where the JSON text comes from; throws Jackson's exception for text that is not JSON. */
  @FunctionalInterface
  private interface TreeSource {
    JsonNode parse() throws IOException;
  }

  private static RunResult parse(String source, TreeSource text) {
    JsonNode tree;
    try {
      tree = text.parse();
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          source + ": not valid JSON" + location(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      // Parsing a String or a byte array in memory does no I/O of its own.
      throw new IllegalStateException("unexpected I/O error parsing " + source, e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new IllegalArgumentException(source + ": is empty, expected a Plimsoll result");
    }
    return ResultJsonReader.result(JsonFields.root(tree, source));
  }

  private static String location(JacksonException e) {
    JsonLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  /** Two-space indents, "key": value, one array element per line, [] and {}, "\n" everywhere. */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
