package dev.plimsoll.junit;

import java.time.Duration;

/**
 * What was measured of one operation, or of all together, over a run's measured time (its warm-up
 * left out). Latencies are response times, from each operation's intended start: with a target
 * rate, a start delayed by a slow system counts its wait.
 */
public interface OperationNumbers {

  /** The operation's name, or {@code "total"} for all together. */
  String name();

  /** Operations completed per second, with or without error. */
  double opsPerSecond();

  /** Operations that completed, with or without error. */
  long completed();

  /** Operations that completed with an error (threw). */
  long failed();

  /** {@link #failed()} / {@link #completed()}, from 0 to 1; 0 when nothing completed. */
  double errorRate();

  Duration meanLatency();

  /**
   * The latency at {@code percentile}, from 0 to 100: {@code p(99)}, {@code p(99.9)}. Exact to
   * three significant digits, never understated (HdrHistogram); zero when nothing completed.
   *
   * @throws IllegalArgumentException for a percentile outside 0 to 100
   */
  Duration p(double percentile);

  Duration maxLatency();
}
