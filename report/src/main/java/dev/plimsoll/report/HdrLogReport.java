package dev.plimsoll.report;

import dev.plimsoll.report.shared.RunSentences;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.text.TerminalText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A run's latencies as an HdrHistogram interval log, written by HdrHistogram's own
 * {@link HistogramLogWriter}: the format {@code HistogramLogReader}, {@code HistogramLogProcessor},
 * HdrHistogram's plotter and tools such as HdrHistogramVisualizer read.
 *
 * <p>For every interval, in order: each operation's response time tagged with its name
 * ({@code search}), its service time tagged {@code search}{@value #SERVICE_SUFFIX}, then all
 * operations' response time together, untagged, which is what {@code HistogramLogProcessor} reads
 * when no {@code -tag} is given. Values are nanoseconds; the log's start and base time are the
 * run's start, and interval times are seconds from it. Warm-up intervals are included; a comment
 * line says how long the warm-up was.
 *
 * <p>As a {@link Reporter}, named {@value #NAME}, it writes {@value #FILE_NAME}.
 */
public final class HdrLogReport implements Reporter {

  /** The name of this report among the {@link Reporter}s. */
  public static final String NAME = "hlog";

  /** The file this report is written to in a run's directory. */
  public static final String FILE_NAME = "latency.hlog";

  /**
   * Appended to an operation's name in the tag of its service-time histograms. Operation names
   * hold no dot, so the tags cannot collide with another operation's.
   */
  public static final String SERVICE_SUFFIX = ".service";

  /** Values are nanoseconds; the interval maximum in each line is shown in milliseconds. */
  private static final double MAX_VALUE_UNIT_RATIO = 1_000_000.0;

  /** The instance {@link java.util.ServiceLoader} makes. */
  public HdrLogReport() {}

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
    PrintStream print = new PrintStream(new NonClosing(out), false, StandardCharsets.UTF_8);
    HistogramLogWriter log = new HistogramLogWriter(print);
    Instant start = result.startTime() != null ? result.startTime() : firstStart(result);
    long startMs = start == null ? 0 : start.toEpochMilli();
    log.outputComment("Plimsoll run '" + commentSafe(RunSentences.name(result)) + "': response time tagged"
        + " <operation>, service time tagged <operation>" + SERVICE_SUFFIX
        + ", all operations' response time untagged; values in nanoseconds");
    if (result.config() != null && result.config().warmUp() != null) {
      log.outputComment("warm-up: the first " + result.config().warmUp().toMillis() / 1000.0
          + " s, included here and kept out of the run's summary");
    }
    log.outputLogFormatVersion();
    log.outputStartTime(startMs);
    log.outputBaseTime(startMs);
    log.setBaseTime(startMs);
    log.outputLegend();
    for (IntervalSnapshot interval : result.intervals()) {
      double from = seconds(interval.start(), startMs);
      double to = from + (interval.length() == null ? 0 : interval.length().toNanos() / 1e9);
      for (OperationStats op : interval.operations()) {
        output(log, from, to, op.responseTime(), op.name());
        output(log, from, to, op.serviceTime(), op.name() + SERVICE_SUFFIX);
      }
      output(log, from, to, interval.total().responseTime(), null);
    }
    print.flush();
    if (print.checkError()) {
      throw new IOException("could not write " + FILE_NAME);
    }
  }

  private static void output(HistogramLogWriter log, double from, double to, LatencyDistribution latencies, String tag) {
    Histogram histogram = latencies.toHistogram();
    histogram.setTag(tag == null ? null : tag(tag));
    log.outputIntervalHistogram(from, to, histogram, MAX_VALUE_UNIT_RATIO);
  }

  private static double seconds(Instant at, long baseMs) {
    if (at == null) {
      return 0;
    }
    return (at.getEpochSecond() * 1000 - baseMs) / 1000.0 + at.getNano() / 1e9;
  }

  private static Instant firstStart(RunResult result) {
    return result.intervals().isEmpty() ? null : result.intervals().get(0).start();
  }

  /**
   * An operation's name as a tag: the log's lines are split at commas and white space, so those
   * (and any control character) become {@code _}. Names the scenario API accepts have none.
   */
  static String tag(String name) {
    StringBuilder tag = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      tag.append(c <= ' ' || c == ',' || Character.isWhitespace(c) || TerminalText.isUnsafe(c) ? '_' : c);
    }
    return tag.toString();
  }

  /** A comment is one line; the name is the user's, but a line break would end the comment. */
  private static String commentSafe(String text) {
    return TerminalText.escape(text);
  }

  /** Keeps {@link PrintStream#close} (never called here) from closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
