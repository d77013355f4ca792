package dev.plimsoll.report.html;

import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalLog;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run still going, as a live dashboard shows it: the {@linkplain #page page} with the same charts
 * as {@link HtmlReport}, drawn from the intervals seen so far, and each new interval as an
 * {@linkplain #event event} (JSON) that the page's script redraws the charts from. Text from the
 * run is escaped as in the report: the event's JSON is safe even inside a script element, and the
 * page's script sets it as text only.
 *
 * <p>Not a value: it collects the intervals as they come. Its methods are synchronized, so the
 * engine's thread may {@linkplain #add add} while a server's threads render.
 */
public final class LiveReport {

  /** Where the page's script listens for events, relative to the page. */
  public static final String EVENTS_PATH = "events";

  /** Where the page's stop button posts, with the control token, relative to the page. */
  public static final String STOP_PATH = "stop";

  /**
   * Where the page's load controls post, with the control token, relative to the page: a form with
   * {@code workload} and either {@code rate} (per second) or {@code users}.
   */
  public static final String STEER_PATH = "steer";

  /**
   * Where the page reads each workload's setting now, relative to the page: a JSON array of
   * {@code {"workload", "setting" ("rate" or "users"), "value"}}; read-only, no token.
   */
  public static final String KNOBS_PATH = "knobs";

  private final ScenarioDescription scenario;
  private final Instant startTime;
  /** Compact, and on disk past its budget: a day's live run keeps the heap flat, as the run does. */
  private final IntervalLog intervals = new IntervalLog();
  private List<Phase> phases = List.of();
  private final List<ProfileChange> changes = new ArrayList<>();

  /** A live report of the run of {@code scenario} that started at {@code startTime}. */
  public LiveReport(ScenarioDescription scenario, Instant startTime) {
    this.scenario = scenario;
    this.startTime = Objects.requireNonNull(startTime, "startTime");
  }

  /** Takes a completed interval in. */
  public synchronized void add(IntervalSnapshot interval) {
    intervals.add(Objects.requireNonNull(interval, "interval"));
  }

  /** Takes in the run's phases as planned, drawn as bands on the charts. */
  public synchronized void phases(List<Phase> planned) {
    phases = List.copyOf(planned);
  }

  /** Takes in a change made to the load, drawn as a line on the charts. */
  public synchronized void change(ProfileChange change) {
    changes.add(Objects.requireNonNull(change, "change"));
  }

  /** The intervals taken in so far. */
  public synchronized int intervals() {
    return intervals.size();
  }

  /** The live page, with the charts of the intervals so far. */
  public synchronized String page() {
    StringWriter out = new StringWriter(256 * 1024);
    try {
      HtmlReport.render(soFar(), out, true);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  /**
   * The event of {@code latest} (the interval last {@linkplain #add added}): its figures, the run's
   * {@code progress}, and the charts so far, as one line of JSON.
   */
  public synchronized String event(IntervalSnapshot latest, RunProgress progress) {
    StringWriter out = new StringWriter(64 * 1024);
    try {
      ScriptJson.writeEvent(out, figures(latest), progress, HtmlReport.chartData(soFar()));
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  /** The run so far as a result with no summary yet: what the charts over time are drawn from. */
  private RunResult soFar() {
    String name = scenario == null ? null : scenario.name();
    return new RunResult(RunResult.SCHEMA_VERSION, name, RunStatus.COMPLETED, null, startTime,
        null, Duration.ZERO, scenario, null, null, List.of(), intervals.view(), List.of(),
        List.of(), null, null, false, phases, changes);
  }

  private static ScriptJson.IntervalFigures figures(IntervalSnapshot interval) {
    double seconds = interval.length() == null ? 0 : interval.length().toNanos() / 1e9;
    OperationStats total = interval.total();
    LatencyStats response = total.responseTime() == null || total.responseTime().count() == 0
        ? null : total.responseTime().stats();
    SystemSample system = interval.system() == null ? SystemSample.UNKNOWN : interval.system();
    return new ScriptJson.IntervalFigures(interval.index(), interval.warmUp(),
        rate(total.succeeded(), seconds), rate(total.failed(), seconds),
        rate(total.dropped(), seconds), total.inFlight(),
        response == null ? Double.NaN : response.p50Ms(),
        response == null ? Double.NaN : response.p90Ms(),
        response == null ? Double.NaN : response.p99Ms(),
        response == null ? Double.NaN : response.maxMs(),
        system.processCpu(), system.machineCpu(), system.heapUsedBytes(), system.rssBytes(),
        system.gcPauseMs());
  }

  private static double rate(long count, double seconds) {
    return seconds > 0 ? count / seconds : Double.NaN;
  }

  /** Writes the final report of {@code result}, as {@link HtmlReport} does, for the dashboard to serve. */
  public static String finalPage(RunResult result) {
    StringWriter out = new StringWriter(256 * 1024);
    try {
      HtmlReport.render(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }
}
