package dev.plimsoll.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.ScenarioDescription;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A run's journal, {@value #FILE_NAME} in its results directory: the run appended as it goes, so
 * that a run killed with {@code kill -9} or cut off by a power failure can still be reported, up to
 * its last complete interval ({@link JournalRecovery#recover}).
 *
 * <p>JSON lines, one object per line: first a header (the scenario as configured, the
 * environment, the criteria, the start time), the run's planned phases, then one line per interval
 * (each preceded by a line per change made to the load while it went), each in the same form as
 * an element of {@code intervals} in {@code result.json}, histograms in HdrHistogram's compressed
 * base64 encoding. Each line is written whole and forced to disk before the next interval, so a
 * crash can tear at most the last line, which recovery ignores. See {@code docs/journal.md}.
 *
 * <p>Not thread-safe: one thread (the engine's listener thread) writes it.
 */
public final class RunJournal implements Closeable {

  /** The name a run's journal has in its results directory. */
  public static final String FILE_NAME = "journal.jsonl";

  /** The version of the journal's own format, in its header's {@code plimsollJournal} field. */
  static final int FORMAT_VERSION = 1;

  static final String HEADER_FIELD = "plimsollJournal";
  static final String INTERVAL_FIELD = "interval";
  static final String PHASES_FIELD = "phases";
  static final String CHANGE_FIELD = "profileChange";

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Path file;
  private final FileChannel channel;

  private RunJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Creates (or empties) the journal at {@code file}, creating missing parent directories: done
   * before a run starts, so an unwritable results directory is found before any load is sent.
   */
  public static RunJournal create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    return new RunJournal(file, channel);
  }

  /** The journal's file. */
  public Path file() {
    return file;
  }

  /** Writes the header line: what recovery needs besides the intervals. Call once, first. */
  public void begin(ScenarioDescription config, EnvironmentInfo environment, List<Criterion> criteria,
      Instant startTime) throws IOException {
    ObjectNode header = NODES.objectNode();
    header.put(HEADER_FIELD, FORMAT_VERSION);
    header.put("name", config.name());
    header.put("startTime", startTime.toString());
    header.set("config", ResultJsonWriter.scenario(config));
    header.set("environment", ResultJsonWriter.environment(environment));
    ArrayNode judged = header.putArray("criteria");
    criteria.forEach(c -> judged.add(ResultJsonWriter.criterion(c)));
    writeLine(header);
  }

  /** Appends one interval's line and forces it to disk. */
  public void append(IntervalSnapshot interval) throws IOException {
    ObjectNode line = NODES.objectNode();
    line.set(INTERVAL_FIELD, ResultJsonWriter.interval(interval));
    writeLine(line);
  }

  /** Appends the run's phases as planned: once, after the header. */
  public void phases(List<Phase> phases) throws IOException {
    ObjectNode line = NODES.objectNode();
    ArrayNode array = line.putArray(PHASES_FIELD);
    phases.forEach(p -> array.add(ResultJsonWriter.phase(p)));
    writeLine(line);
  }

  /** Appends a change made to the load, before the interval it falls in. */
  public void profileChange(ProfileChange change) throws IOException {
    ObjectNode line = NODES.objectNode();
    line.set(CHANGE_FIELD, ResultJsonWriter.profileChange(change));
    writeLine(line);
  }

  private void writeLine(ObjectNode node) throws IOException {
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(node);
    } catch (JacksonException e) {
      throw new IllegalStateException("could not serialise a journal line", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    // Data, and the length needed to read it back (fdatasync), not the times: the cheap half.
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      channel.force(true);
      channel.close();
    }
  }
}
