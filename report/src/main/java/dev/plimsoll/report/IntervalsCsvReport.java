package dev.plimsoll.report;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's intervals as CSV, for a spreadsheet, pandas or R: one row per interval and operation,
 * then one for all operations together (operation {@code total}), with a header row. Latencies are
 * in milliseconds, response time (from the intended start) then service time (from the actual
 * start); throughput is completions per second of the interval.
 *
 * <p>Fields are quoted as RFC 4180 says, and text from the run is made safe for spreadsheets (see
 * {@link Csv}); lines end with {@code \n}. Intervals are read once, in order, so a day-long run's
 * intervals, kept on disk, stream through without being held in memory.
 *
 * <p>As a {@link Reporter}, named {@value #NAME}, it writes {@value #FILE_NAME}.
 */
public final class IntervalsCsvReport implements Reporter {

  /** The name of this report among the {@link Reporter}s. */
  public static final String NAME = "csv";

  /** The file this report is written to in a run's directory. */
  public static final String FILE_NAME = "intervals.csv";

  /** The operation column of the row for all operations together. */
  public static final String TOTAL = "total";

  /** The header row's fields, in column order. */
  public static final List<String> HEADER = List.of(
      "interval", "start", "length_s", "warm_up", "operation",
      "started", "succeeded", "failed", "dropped", "in_flight", "throughput_per_s",
      "response_p50_ms", "response_p90_ms", "response_p99_ms", "response_max_ms",
      "service_p50_ms", "service_p90_ms", "service_p99_ms", "service_max_ms",
      "errors");

  /** The instance {@link java.util.ServiceLoader} makes. */
  public IntervalsCsvReport() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> fileName() {
    return Optional.of(FILE_NAME);
  }

  @Override
  public void write(RunResult result, OutputStream out) throws IOException {
    // Not closed: the caller owns the stream.
    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    csv.write(String.join(",", HEADER));
    csv.write('\n');
    for (IntervalSnapshot interval : result.intervals()) {
      for (OperationStats op : interval.operations()) {
        row(csv, interval, op, Csv.text(op.name()));
      }
      row(csv, interval, interval.total(), TOTAL);
    }
    csv.flush();
  }

  private static void row(Writer csv, IntervalSnapshot interval, OperationStats op, String operation)
      throws IOException {
    LatencyStats response = op.responseTime().stats();
    LatencyStats service = op.serviceTime().stats();
    StringBuilder line = new StringBuilder(256);
    line.append(interval.index()).append(',')
        .append(interval.start() == null ? "" : interval.start().toString()).append(',')
        .append(interval.length() == null ? "" : decimal(interval.length().toNanos() / 1e9)).append(',')
        .append(interval.warmUp()).append(',')
        .append(operation).append(',')
        .append(op.started()).append(',')
        .append(op.succeeded()).append(',')
        .append(op.failed()).append(',')
        .append(op.dropped()).append(',')
        .append(op.inFlight()).append(',')
        .append(decimal(op.throughputPerSecond(interval.length()))).append(',')
        .append(decimal(response.p50Ms())).append(',')
        .append(decimal(response.p90Ms())).append(',')
        .append(decimal(response.p99Ms())).append(',')
        .append(decimal(response.maxMs())).append(',')
        .append(decimal(service.p50Ms())).append(',')
        .append(decimal(service.p90Ms())).append(',')
        .append(decimal(service.p99Ms())).append(',')
        .append(decimal(service.maxMs())).append(',')
        .append(op.errors().stream().mapToLong(ErrorClass::count).sum())
        .append('\n');
    csv.write(line.toString());
  }

  /** A number as a machine reads it: a point, no grouping, empty when unknown. */
  private static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    String text = String.format(Locale.ROOT, "%.3f", value);
    return text.equals("-0.000") ? "0.000" : text;
  }
}
