package dev.plimsoll.cluster;

import java.time.Duration;
import java.util.List;

/**
 * The workers of a cluster run: who ran which share, how well their starts lined up, and who was
 * lost. Written as {@value #FILE_NAME} beside {@code result.json}.
 *
 * @param workers every worker, in segment order
 * @param startSkew the spread of the workers' start times (latest minus earliest)
 */
public record FleetReport(List<WorkerReport> workers, Duration startSkew) {

  public static final String FILE_NAME = "cluster.json";

  public FleetReport {
    workers = List.copyOf(workers);
  }

  /** The share of the load lost with workers that did not run to the end, between 0 and 1. */
  public double lostShare() {
    return workers.stream().filter(WorkerReport::lost).mapToDouble(WorkerReport::share).sum();
  }

  /** One line per worker, then the start skew: what a coordinator says at the end of a run. */
  public List<String> describe() {
    List<String> lines = new java.util.ArrayList<>();
    for (WorkerReport w : workers) {
      lines.add("worker " + w.address() + " (" + w.host() + ", " + w.segment() + ", "
          + String.format(java.util.Locale.ROOT, "%.1f%%", w.share() * 100) + " of the load): " + w.completed()
          + " completed, " + w.dropped() + " dropped"
          + (Double.isNaN(w.peakProcessCpu()) ? "" : String.format(java.util.Locale.ROOT, ", peak CPU %.0f%%",
              w.peakProcessCpu() * 100))
          + (w.lost() ? ", LOST from interval " + w.lostFromInterval() : ", ran to the end"));
    }
    lines.add("start skew across the workers: " + String.format(java.util.Locale.ROOT, "%.1f ms",
        startSkew.toNanos() / 1e6));
    return lines;
  }

  /** Whether a worker was lost: the run went on with the others and is degraded. */
  public boolean degraded() {
    return workers.stream().anyMatch(WorkerReport::lost);
  }
}
