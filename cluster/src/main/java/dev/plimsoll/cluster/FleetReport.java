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

  /** Whether a worker was lost: the run went on with the others and is degraded. */
  public boolean degraded() {
    return workers.stream().anyMatch(WorkerReport::lost);
  }
}
