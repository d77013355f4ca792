package dev.plimsoll.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * One worker's part in a cluster run, as the coordinator saw it.
 *
 * @param address the worker's cluster address ({@code host:port})
 * @param host the worker's host name, as it reported it
 * @param segment its segment, as people count ("2 of 4")
 * @param share its share of the load, between 0 and 1
 * @param startSkew how long after the planned start time it began its load, by its own clock
 *     (its lateness; negative if its clock is behind the coordinator's), or null if it never said
 *     it began
 * @param intervals how many intervals it sent
 * @param completed operations it completed, warm-up included
 * @param dropped arrivals it dropped
 * @param peakProcessCpu the highest CPU use of its process in any interval, between 0 and 1
 *     (NaN when unknown): above about 0.9 the worker itself may have been the bottleneck
 * @param lostAt when it was lost, or null if it ran to the end
 * @param lostFromInterval the first interval it did not send (with {@code lostAt}), else -1
 */
public record WorkerReport(
    String address,
    String host,
    String segment,
    double share,
    Duration startSkew,
    int intervals,
    long completed,
    long dropped,
    double peakProcessCpu,
    Instant lostAt,
    int lostFromInterval) {

  /** Whether the worker was lost before the run's end. */
  public boolean lost() {
    return lostAt != null;
  }
}
