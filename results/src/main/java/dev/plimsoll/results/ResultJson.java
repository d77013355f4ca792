package dev.plimsoll.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
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
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.text.TerminalText;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A {@link RunResult} as versioned JSON text, documented field by field in
 * {@code docs/result-schema.md}, with the matching JSON Schema in {@link #schema()}.
 * {@link ResultFiles} reads and writes the same text as {@code result.json}.
 *
 * <p>Reading what was written gives an equal {@code RunResult}, histograms included, so results
 * can be re-rendered, compared with a baseline or merged exactly long after the run. Durations
 * are numbers of seconds with the unit in the key ({@code measuredDurationS}), latencies are
 * milliseconds ({@code p99Ms}), times are ISO-8601 strings, and every latency distribution carries
 * its HdrHistogram in base64 beside its summary.
 *
 * <p>Problems with the content (malformed JSON, a missing or mistyped field, an unsupported
 * {@code schemaVersion}) are {@link IllegalArgumentException}s whose message names the source and
 * the field.
 */
public final class ResultJson {

  /** Where the jar keeps its copy of {@code docs/result-schema.json}. */
  private static final String SCHEMA_RESOURCE = "result-schema.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      // Exact decimals, so fractional durations read back to the nanosecond.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // Durations are written as BigDecimal; "60.5", never "6.05E+1".
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      // The caller owns the stream; a file still has to be forced to disk after the JSON.
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  /** Where Jackson's messages name the setting a limit comes from, which users never set. */
  /** Where Jackson's messages name a position inside the text, with a note on how it hides the text. */

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter()).with(new ControlEscapes());

  /**
   * JSON escapes the C0 controls already; these also escape DEL, the C1 controls and the
   * bidirectional overrides ({@link TerminalText#isUnsafe}), so that {@code cat result.json} shows
   * no byte from the target that a terminal would act on.
   */
  private static final class ControlEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    ControlEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch <= 0xffff && TerminalText.isUnsafe((char) ch)
          ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
  }

  private ResultJson() {}

  /** {@code result} as pretty-printed JSON, ending with a newline. */
  public static String toJson(RunResult result) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      write(result, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads a result from JSON text.
   *
   * @throws IllegalArgumentException if the text is not a result this version can read
   */
  public static RunResult fromJson(String json) {
    return parse("result JSON", () -> MAPPER.readTree(json));
  }

  /** The largest interval {@link #intervalToJson} writes with uncompressed histograms. */
  public static final int UNCOMPRESSED_INTERVAL_LIMIT_BYTES = 1 << 20;

  /**
   * One interval to be merged elsewhere, as compact UTF-8 JSON on one line: the same object as an
   * element of a result's {@code intervals}, with only what is read back (no throughput or error
   * rate per operation, no summary beside a histogram) and each histogram in HdrHistogram's
   * uncompressed V2 encoding, base64: twice the bytes of the compressed one, read without
   * inflating; compressed if that would make it larger than {@value #UNCOMPRESSED_INTERVAL_LIMIT_BYTES}
   * bytes (an interval of very many operations), so that it stays far below the 4 MiB a cluster
   * message may have. It reads back with {@link #intervalFromJson} to an equal snapshot (counts,
   * histograms, times), so intervals measured elsewhere merge exactly: cluster workers send theirs
   * to the coordinator in this form.
   */
  public static byte[] intervalToJson(IntervalSnapshot interval) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(ResultJsonWriter.intervalToMerge(interval, false));
      return json.length <= UNCOMPRESSED_INTERVAL_LIMIT_BYTES ? json
          : MAPPER.writeValueAsBytes(ResultJsonWriter.intervalToMerge(interval, true));
    } catch (JacksonException e) {
      throw unserialisable(e);
    }
  }

  /**
   * Reads an interval written by {@link #intervalToJson}; {@code source} names the bytes in messages.
   *
   * @throws IllegalArgumentException if the bytes are not an interval this version can read
   */
  public static IntervalSnapshot intervalFromJson(byte[] json, String source) {
    return intervalFromJson(json, 0, json.length, source);
  }

  /**
   * Reads an interval written by {@link #intervalToJson} that is {@code length} bytes of
   * {@code json} from {@code offset}: one inside a larger document, such as a cluster message,
   * read where it lies rather than copied out and parsed again. Its histograms, compressed or
   * not, are read to be merged ({@link LatencyDistribution#readToMerge}): an interval read on its
   * own is nearly always one of many to merge, as a cluster coordinator's workers' are.
   *
   * @throws IllegalArgumentException if the bytes are not an interval this version can read
   */
  public static IntervalSnapshot intervalFromJson(byte[] json, int offset, int length, String source) {
    JsonNode tree = tree(source, "not a valid interval", () -> MAPPER.readTree(json, offset, length));
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(source + ": not a valid interval: expected a JSON object");
    }
    return ResultJsonReader.intervalToMerge(JsonFields.root(tree, source));
  }

  /**
   * The JSON Schema (draft 2020-12) of the text {@link #toJson} writes, the same as
   * {@code docs/result-schema.json}, for tools that validate or generate code from result files.
   */
  public static String schema() {
    try (InputStream in = ResultJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + SCHEMA_RESOURCE + " from the jar", e);
    }
  }

  /**
   * {@link #toJson} onto {@code out}, without building the text in memory; leaves it open. The
   * intervals are written one at a time, as the result's list yields them: a long run keeps them
   * on disk ({@link dev.plimsoll.core.metrics.IntervalLog}), and a tree of them all would be the
   * largest thing the process ever held.
   */
  static void write(RunResult result, OutputStream out) throws IOException {
    try (JsonGenerator json = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      for (Map.Entry<String, JsonNode> field : ResultJsonWriter.withoutIntervals(result).properties()) {
        json.writeFieldName(field.getKey());
        json.writeTree(field.getValue());
      }
      json.writeArrayFieldStart("intervals");
      for (IntervalSnapshot interval : result.intervals()) {
        json.writeTree(ResultJsonWriter.interval(interval));
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (JacksonException e) {
      throw unserialisable(e);
    }
    out.write('\n');
  }

  /**
   * Reads a result from UTF-8 bytes; {@code source} names them in messages. Bytes, not a String:
   * invalid UTF-8 is then a JSON error naming the place, not a bare MalformedInputException.
   */
  static RunResult fromJson(byte[] content, String source) {
    return parse(source, () -> MAPPER.readTree(content));
  }

  /**
   * The JSON tree of {@code text}, or an {@link IllegalArgumentException} saying in the user's
   * words, after {@code source} and {@code invalid}, where and why the text is not JSON.
   */
  private static JsonNode tree(String source, String invalid, TreeSource text) {
    try {
      return text.parse();
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          source + ": " + invalid + location(e) + ": " + inUserWords(e.getOriginalMessage()), e);
    } catch (NumberFormatException e) {
      // Exact decimals (USE_BIG_DECIMAL_FOR_FLOATS) have an int exponent: 1e9999999999 is none.
      throw new IllegalArgumentException(source + ": " + invalid + ": a number is out of range", e);
    } catch (CharConversionException e) {
      // Jackson guesses the encoding from the first bytes (UTF-16 and UTF-32 too) and finds it wrong.
      throw new IllegalArgumentException(source + ": " + invalid + ": the text is not UTF-8", e);
    } catch (IOException e) {
      // Parsing a String or a byte array in memory does no I/O of its own.
      throw new IllegalStateException("unexpected I/O error parsing " + source, e);
    }
  }

  /** Where the JSON text comes from; throws Jackson's exception for text that is not JSON. */
  @FunctionalInterface
  private interface TreeSource {
    JsonNode parse() throws IOException;
  }

  private static RunResult parse(String source, TreeSource text) {
    JsonNode tree = tree(source, "not valid JSON", text);
    if (tree == null || tree.isMissingNode()) {
      throw new IllegalArgumentException(source + ": is empty, expected a Plimsoll result");
    }
    return ResultJsonReader.result(JsonFields.root(tree, source));
  }

  /** A tree of plain nodes always serialises; reaching here is a bug in this module. */
  private static IllegalStateException unserialisable(JacksonException e) {
    return new IllegalStateException("could not serialise a result tree", e);
  }

  /**
   * Jackson's message without its setting names ({@code StreamReadConstraints...}) and source
   * placeholder ({@code [Source: REDACTED ...]}), which mean nothing to someone with a damaged file.
   */
  private static String inUserWords(String message) {
    if (message == null) {
      return "";
    }
    if (message.startsWith("Trailing token")) {
      // "... (bound as `com.fasterxml...JsonNode`): not allowed as per `DeserializationFeature...`"
      return "more text after the end of the JSON document";
    }
    return message.lines().findFirst().orElse("")
        .replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
            " (opened at line $1, column $2)")
        .replaceAll("\\s*(?:at )?\\[Source: [^\\]]*\\]", "")
        .replaceAll(", from `[^`]*`", "")
        .strip();
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
