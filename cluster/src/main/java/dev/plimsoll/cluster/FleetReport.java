package dev.plimsoll.cluster;

import dev.plimsoll.core.result.ResultSection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The workers of a cluster run: who ran which share, how well their starts lined up, and who was
 * lost. In the run's result as its {@code fleet} section ({@link #section()}): a "Workers" table in
 * every report, {@code sections.fleet} in result.json.
 *
 * <p>Starts are told two ways: each worker's {@linkplain WorkerReport#startSkew start against the
 * planned instant} (how late it began; the run's start time is that instant), and the spread
 * between the workers ({@link #startSkew}). Workers that all begin 1 s late have no skew but are
 * all late: a reader needs both.
 *
 * @param workers every worker, in segment order
 * @param startSkew the spread of the workers' start times (latest minus earliest)
 */
public record FleetReport(List<WorkerReport> workers, Duration startSkew) {

  /** The section's key in the run's result. */
  public static final String SECTION = "fleet";

  public FleetReport {
    workers = List.copyOf(workers);
  }

  /**
   * How long after the planned instant the last worker to begin began (its {@link
   * WorkerReport#startSkew}); empty when no worker said it began.
   */
  public Optional<Duration> startLateness() {
    return workers.stream().map(WorkerReport::startSkew).filter(Objects::nonNull).max(Duration::compareTo);
  }

  /** The share of the load lost with workers that did not run to the end, between 0 and 1. */
  public double lostShare() {
    return workers.stream().filter(WorkerReport::lost).mapToDouble(WorkerReport::share).sum();
  }

  /** This report as the run's {@code fleet} section: a fact per worker, the start skew, the load lost. */
  public ResultSection section() {
    ResultSection.Builder b = ResultSection.builder(SECTION, "Workers");
    for (WorkerReport w : workers) {
      b.fact("worker " + w.segment(), w.address() + " on " + w.host() + ", " + began(w) + ", " + health(w));
    }
    b.fact("start skew", millis(startSkew) + " from the first worker to begin to the last"
        + startLateness().map(l -> "; the last began " + signed(l) + " from the planned start").orElse(""));
    if (degraded()) {
      b.fact("degraded", String.format(java.util.Locale.ROOT, "%.1f%% of the load was lost with its workers", lostShare() * 100));
    }
    List<Object> data = new java.util.ArrayList<>();
    for (WorkerReport w : workers) {
      java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
      o.put("address", w.address());
      o.put("host", w.host());
      o.put("segment", w.segment());
      o.put("share", w.share());
      o.put("startSkewS", w.startSkew() == null ? null : w.startSkew().toNanos() / 1e9);
      o.put("intervals", (long) w.intervals());
      o.put("completed", w.completed());
      o.put("dropped", w.dropped());
      o.put("peakProcessCpu", w.peakProcessCpu());
      o.put("lost", w.lost());
      o.put("lostAt", w.lost() ? w.lostAt().toString() : null);
      o.put("lostFromInterval", w.lost() ? (long) w.lostFromInterval() : null);
      data.add(o);
    }
    b.data("workers", data);
    b.data("startSkewS", startSkew.toNanos() / 1e9);
    b.data("startLatenessS", startLateness().map(l -> l.toNanos() / 1e9).orElse(null));
    b.data("degraded", degraded());
    b.data("lostShare", lostShare());
    return b.build();
  }

  /** "began +3.2 ms after the planned start", or that it never said it began. */
  private static String began(WorkerReport w) {
    return w.startSkew() == null ? "never began" : "began " + signed(w.startSkew()) + " from the planned start";
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }

  private static String signed(Duration d) {
    return String.format(Locale.ROOT, "%+.1f ms", d.toNanos() / 1e6);
  }

  /** Its share, what it did and how it ended: "25.0% of the load: 800 completed, 0 dropped, peak CPU 13%, ran to the end". */
  private static String health(WorkerReport w) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", w.share() * 100) + " of the load: " + w.completed()
        + " completed, " + w.dropped() + " dropped"
        + (Double.isNaN(w.peakProcessCpu()) ? "" : String.format(java.util.Locale.ROOT, ", peak CPU %.0f%%",
            w.peakProcessCpu() * 100))
        + (w.lost() ? ", LOST from interval " + w.lostFromInterval() : ", ran to the end");
  }

  /** Whether a worker was lost: the run went on with the others and is degraded. */
  public boolean degraded() {
    return workers.stream().anyMatch(WorkerReport::lost);
  }
}
