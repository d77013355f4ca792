package dev.plimsoll.core.result;

import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.Measurements;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The generator watching itself. When {@link #bottleneckSuspected()} is true the measured latencies
 * may describe Plimsoll's own limits rather than the system under test; {@link #reasons()} says why.
 *
 * @param schedulingLag how late operations started against their intended start
 * @param toWire from operations' intended start to their request's bytes on the wire, for
 *     operations that report it (the HTTP client does): the client's own cost before a request,
 *     but also any wait for a free connection, which a slow system causes as well — so it is
 *     reported, never judged alone
 * @param afterAnswer from the last byte of operations' answer to their recording, for operations
 *     that report it: purely the client's own cost (parsing, checks, the scenario's glue), so a
 *     high p99 here means the generator, not the system, was slow
 * @param droppedArrivals open-model arrivals not started because the in-flight bound was reached:
 *     no sign of a generator bottleneck by itself (a target that hangs fills the slots too)
 * @param processCpuPeak the generator process's peak CPU, as a fraction of the machine
 */
public record GeneratorHealth(
    boolean bottleneckSuspected,
    List<String> reasons,
    LatencyDistribution schedulingLag,
    LatencyDistribution toWire,
    LatencyDistribution afterAnswer,
    long droppedArrivals,
    double processCpuPeak) {

  /**
   * A p99 of the generator's own delays above this suggests the generator could not keep up: of
   * its scheduling lag (it could not keep its schedule) and of {@link #afterAnswer} (it was slow
   * to take in answers). Judged after the run's start-up, and only when enough operations were
   * that late (see {@code docs/accounting.md}).
   */
  public static final double LAG_P99_LIMIT_MS = 1.0;

  /** Process CPU at or above this fraction of the machine counts as saturated. */
  public static final double CPU_SATURATION = 0.95;

  public GeneratorHealth {
    reasons = List.copyOf(reasons);
  }

  /**
   * The generator's health over the measured window of {@code intervals}, a run that started at
   * {@code start}: the engine's judgement at the end of a run, and the same judgement of a run
   * rebuilt from its journal (see {@code docs/accounting.md}).
   */
  public static GeneratorHealth of(Measurements measured, List<IntervalSnapshot> intervals, Instant start) {
    return HealthJudgement.judge(measured, intervals, start);
  }
}
