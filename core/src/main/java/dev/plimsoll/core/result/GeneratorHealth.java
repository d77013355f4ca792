package dev.plimsoll.core.result;

import dev.plimsoll.core.metrics.LatencyDistribution;
import java.util.List;

/**
 * The generator watching itself. When {@link #bottleneckSuspected()} is true the measured latencies
 * may describe Plimsoll's own limits rather than the system under test; {@link #reasons()} says why.
 *
 * @param schedulingLag how late operations started against their intended start
 * @param droppedArrivals open-model arrivals not started because the in-flight bound was reached
 * @param processCpuPeak the generator process's peak CPU, as a fraction of the machine
 */
public record GeneratorHealth(
    boolean bottleneckSuspected,
    List<String> reasons,
    LatencyDistribution schedulingLag,
    long droppedArrivals,
    double processCpuPeak) {

  /** Scheduling lag p99 above this suggests the generator could not keep its schedule. */
  public static final double LAG_P99_LIMIT_MS = 1.0;

  /** Process CPU at or above this fraction of the machine counts as saturated. */
  public static final double CPU_SATURATION = 0.95;

  public GeneratorHealth {
    reasons = List.copyOf(reasons);
  }
}
