package dev.plimsoll.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Judge;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorClasses;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.WorkloadDescription;
import dev.plimsoll.core.units.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the result of a run that never wrote its own (killed, or cut off by a power failure)
 * from its {@link RunJournal}: every complete interval, merged and judged as the engine would
 * have, marked {@linkplain RunResult#incomplete() incomplete} with status
 * {@link RunStatus#ABORTED}.
 *
 * <p>A torn last line (the crash came while it was written) is ignored, as is anything after a
 * line that cannot be read; the stop reason says how many lines were left out.
 */
public final class JournalRecovery {

  private JournalRecovery() {}

  /**
   * The result recorded in {@code journal}, up to its last complete interval.
   *
   * @throws IllegalArgumentException if the file is not a journal (or its header is torn: the run
   *     died before it began); the message names the file
   * @throws IOException if the file cannot be read
   */
  public static RunResult recover(Path journal) throws IOException {
    String source = journal.toString();
    List<String> lines = completeLines(Files.readAllBytes(journal));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(source + ": has no complete header line; the run ended"
          + " before it started, and there is nothing to recover");
    }
    Header header = header(lines.get(0), source);
    Body body = new Body();
    for (int i = 1; i < lines.size(); i++) {
      if (!body.read(lines.get(i), source + " line " + (i + 1))) {
        // What follows a damaged line cannot be trusted to follow on from the intervals before it.
        body.unreadable = lines.size() - i;
        break;
      }
    }
    // A change after the last complete interval falls in the interval the crash cut short.
    List<ProfileChange> changes = body.changes.subList(0, body.changesBeforeLastInterval);
    return result(header, body.intervals, body.phases, changes, body.unreadable);
  }

  /** What the lines after the header hold: intervals, the planned phases, changes to the load. */
  private static final class Body {
    final List<IntervalSnapshot> intervals = new ArrayList<>();
    final List<ProfileChange> changes = new ArrayList<>();
    List<Phase> phases = List.of();
    int changesBeforeLastInterval;
    int unreadable;

    /** Takes in a line; false when it is damaged. */
    boolean read(String line, String source) {
      try {
        JsonFields o = JsonFields.root(parse(line, source), source);
        if (o.has(RunJournal.INTERVAL_FIELD)) {
          intervals.add(o.object(RunJournal.INTERVAL_FIELD, ResultJsonReader::interval));
          changesBeforeLastInterval = changes.size();
        } else if (o.has(RunJournal.CHANGE_FIELD)) {
          changes.add(o.object(RunJournal.CHANGE_FIELD, ResultJsonReader::profileChange));
        } else if (o.has(RunJournal.PHASES_FIELD)) {
          phases = o.objects(RunJournal.PHASES_FIELD, ResultJsonReader::phase);
        } else {
          return false;
        }
        return true;
      } catch (IllegalArgumentException | NullPointerException damaged) {
        return false;
      }
    }
  }

  /** The lines ended by a newline; a last line without one was torn by the crash. */
  private static List<String> completeLines(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      String line = text.substring(from, end);
      if (!line.isBlank()) {
        lines.add(line);
      }
      from = end + 1;
    }
    return lines;
  }

  private record Header(ScenarioDescription config, EnvironmentInfo environment,
      List<Criterion> criteria, Instant startTime) {}

  private static Header header(String line, String source) {
    JsonFields o = JsonFields.root(parse(line, source + " line 1"), source + " line 1");
    if (!o.has(RunJournal.HEADER_FIELD)) {
      throw o.failure(RunJournal.HEADER_FIELD, "is missing; is this a Plimsoll journal?");
    }
    int version = o.intValue(RunJournal.HEADER_FIELD);
    if (version != RunJournal.FORMAT_VERSION) {
      throw o.failure(RunJournal.HEADER_FIELD, "is " + version + ", but this version of Plimsoll"
          + " reads only journal format " + RunJournal.FORMAT_VERSION);
    }
    return new Header(
        o.object("config", ResultJsonReader::scenario),
        o.object("environment", ResultJsonReader::environment),
        o.objects("criteria", ResultJsonReader::criterion),
        o.instant("startTime"));
  }


  private static JsonNode parse(String line, String source) {
    try {
      return RunJournal.MAPPER.readTree(line);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static RunResult result(Header header, List<IntervalSnapshot> intervals, List<Phase> phases,
      List<ProfileChange> changes, int unreadable) {
    Measurements.Builder builder = Measurements.builder();
    operationNames(header.config()).forEach(builder::operation);
    intervals.forEach(builder::add);
    Measurements measured = builder.build();
    List<List<ErrorClass>> errorLists = new ArrayList<>();
    measured.operations().forEach(op -> errorLists.add(op.errors()));
    List<ErrorClass> errors = ErrorClasses.merge(errorLists);
    Instant end = intervals.isEmpty() ? header.startTime()
        : last(intervals).start().plus(last(intervals).length());
    OperationStats total = measured.total().withErrors(errors);
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        header.config().name(),
        RunStatus.ABORTED,
        stopReason(intervals, unreadable),
        header.startTime(),
        end,
        measured.measuredDuration(),
        header.config(),
        header.environment(),
        total,
        measured.operations(),
        intervals,
        Judge.of(header.criteria()).verdicts(measured),
        errors,
        measured.system(),
        GeneratorHealth.of(measured, intervals, header.startTime()),
        true,
        phases,
        changes);
  }

  /** The operations in the order the engine lists them: the mixes', then the recorded ones. */
  private static List<String> operationNames(ScenarioDescription config) {
    List<String> names = new ArrayList<>();
    for (WorkloadDescription w : config.workloads()) {
      w.mix().forEach(e -> names.add(e.operation()));
    }
    names.addAll(config.recordedOperations());
    return names;
  }

  private static String stopReason(List<IntervalSnapshot> intervals, int unreadable) {
    String upTo = intervals.isEmpty()
        ? "no interval was complete"
        : intervals.size() + (intervals.size() == 1 ? " interval" : " intervals") + ", up to "
            // From the first interval's start: the header's start time is taken a moment before
            // the run's clock starts, and would show as "4024.49ms".
            + Units.formatDuration(Duration.between(intervals.get(0).start(),
                last(intervals).start().plus(last(intervals).length())))
            + " into the run";
    String damaged = unreadable == 0 ? ""
        : "; " + unreadable + " damaged " + (unreadable == 1 ? "line" : "lines") + " left out";
    return "incomplete: the run ended without writing its result (killed, or the machine stopped);"
        + " rebuilt from its journal: " + upTo + damaged;
  }

  private static IntervalSnapshot last(List<IntervalSnapshot> intervals) {
    return intervals.get(intervals.size() - 1);
  }
}
