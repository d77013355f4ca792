package dev.plimsoll.report;

import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.units.Units;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Live progress of a run, in one of two forms.
 *
 * <p>On a terminal, one line rewritten in place after every interval (with {@code \r}): elapsed
 * and remaining time, a bar, the phase ({@code warm-up}, {@code measuring}, {@code stopping}), the
 * interval's rate and response-time p99, and its errors beside the run's total. The line is ended
 * with a newline when the run completes, so what is printed next starts on a line of its own.
 *
 * <p>Elsewhere (a CI log, a file), one plain line for every 10 seconds of elapsed time, covering
 * those 10 seconds, and nothing else: a log should not grow by a line per interval, and carriage
 * returns would garble it; except while a stopping run waits for operations still in flight,
 * when a line each interval says how many.
 *
 * <p>Called from the engine's single listener thread, as {@link RunListener} promises, so it keeps
 * its state without locking.
 */
public final class ProgressListener implements RunListener {

  /** Elapsed time between two lines when the output is not a terminal. */
  public static final Duration PLAIN_LINE_EVERY = Duration.ofSeconds(10);

  private static final int BAR_WIDTH = 20;

  private final PrintStream out;
  private final boolean terminal;

  // Terminal mode: the length of the line on screen, so a shorter one can blank its tail.
  private int shownLength;
  // Plain mode: what accumulated since the last line.
  private Duration nextPlainLineAt = PLAIN_LINE_EVERY;
  private Duration windowStart = Duration.ZERO;
  private OperationStats window = OperationStats.empty("total");

  /**
   * A listener printing to {@code out}.
   *
   * @param out where progress goes, typically {@code System.err} so results on standard output
   *     stay clean
   * @param terminal whether {@code out} is an interactive terminal, which decides the form
   */
  public ProgressListener(PrintStream out, boolean terminal) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
  }

  /** Starts afresh, so one listener can follow several runs in turn. */
  @Override
  public void runStarted(ScenarioDescription scenario, Instant startTime) {
    shownLength = 0;
    nextPlainLineAt = PLAIN_LINE_EVERY;
    windowStart = Duration.ZERO;
    window = OperationStats.empty("total");
  }

  @Override
  public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
    OperationStats total = interval.total();
    if (terminal) {
      rewriteLine(interval, total, progress);
    } else {
      accumulate(total, progress);
    }
  }

  @Override
  public void runCompleted(RunResult result) {
    if (terminal && shownLength > 0) {
      out.print('\n');
      out.flush();
      shownLength = 0;
    }
  }

  private void rewriteLine(IntervalSnapshot interval, OperationStats total,
      RunProgress progress) {
    String line = String.join("  ",
        Formats.clock(progress.elapsed()) + " elapsed, "
            + Formats.clock(progress.remaining()) + " left",
        bar(progress),
        phase(progress, total),
        rateLatencyAndErrors(total, interval.length(), progress));
    // Spaces over the tail of a longer previous line; no ANSI erase, which not every terminal has.
    String padding = " ".repeat(Math.max(0, shownLength - line.length()));
    out.print('\r' + line + padding);
    out.flush();
    shownLength = line.length();
  }

  private void accumulate(OperationStats total, RunProgress progress) {
    window = window.merge(total);
    Duration elapsed = progress.elapsed();
    // While the run waits for in-flight work, a line each interval says so: the wait may be long.
    if (elapsed.compareTo(nextPlainLineAt) < 0 && !(progress.stopping() && total.inFlight() > 0)) {
      return;
    }
    out.println(String.join("  ",
        Formats.clock(elapsed) + " elapsed, " + Formats.clock(progress.remaining()) + " left",
        percentDone(progress),
        phase(progress, total),
        rateLatencyAndErrors(window, elapsed.minus(windowStart), progress)));
    out.flush();
    // The next line is due at the next multiple of 10 s, even if intervals do not divide 10 s.
    long periods = elapsed.toNanos() / PLAIN_LINE_EVERY.toNanos() + 1;
    nextPlainLineAt = PLAIN_LINE_EVERY.multipliedBy(periods);
    windowStart = elapsed;
    window = OperationStats.empty("total");
  }

  /**
   * The rate and response-time p99 of {@code stats} over {@code over}, the errors, and the
   * operations still in flight when there are any (a target that does not answer shows there
   * first: nothing completes, so rate and errors stay at 0). Once the run is stopping, what
   * completes is the drain of operations started earlier, not a rate the run achieved: the count
   * is shown instead.
   */
  private static String rateLatencyAndErrors(OperationStats stats, Duration over,
      RunProgress progress) {
    String line = String.join("  ",
        progress.stopping()
            ? Units.count(stats.completed()) + " finished"
            : Units.decimal(stats.throughputPerSecond(over)) + " ops/s",
        "p99 " + Formats.msWithUnit(stats.responseTime().stats().p99Ms()),
        "errors " + Units.count(stats.failed()) + " (total " + Units.count(progress.failed())
            + ")");
    return stats.inFlight() > 0 ? line + "  in flight " + Units.count(stats.inFlight()) : line;
  }

  private static String phase(RunProgress progress, OperationStats interval) {
    if (progress.stopping()) {
      return interval.inFlight() > 0
          ? "stopping, waiting for " + Units.count(interval.inFlight()) + " in flight"
          : "stopping";
    }
    return progress.inWarmUp() ? "warm-up" : "measuring";
  }

  private static String bar(RunProgress progress) {
    double done = fractionDone(progress);
    if (Double.isNaN(done)) {
      return "[" + "?".repeat(BAR_WIDTH) + "]";
    }
    int filled = (int) Math.round(done * BAR_WIDTH);
    String percent = Formats.wholePercent(done);
    // Right-aligned in "100%"'s width, so the line does not shift as the count grows.
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
        + " ".repeat(Math.max(0, 4 - percent.length())) + percent;
  }

  private static String percentDone(RunProgress progress) {
    double done = fractionDone(progress);
    return Double.isNaN(done) ? "?%" : Formats.wholePercent(done);
  }

  /** Elapsed over planned, capped at 1; NaN when the run has no planned length. */
  private static double fractionDone(RunProgress progress) {
    if (progress.planned() == null || progress.planned().isZero()
        || progress.planned().isNegative()) {
      return Double.NaN;
    }
    double done = (double) progress.elapsed().toNanos() / progress.planned().toNanos();
    return Math.min(1.0, Math.max(0.0, done));
  }
}
