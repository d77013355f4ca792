package dev.plimsoll.results;

/**
 * How far one operation (or all together) may fall behind its baseline before the
 * {@link RegressionGate} fails the run.
 *
 * @param minThroughputRatio the least throughput allowed, as a share of the baseline's: 0.9 fails a
 *     run whose throughput fell more than 10 % (0 never fails on throughput)
 * @param maxLatencyRatio the most the gate's latency metric may be, as a multiple of the baseline's:
 *     1.5 fails a run whose p99 rose more than 50 %
 */
public record GateLimits(double minThroughputRatio, double maxLatencyRatio) {

  /** The limits a gate applies unless told otherwise: throughput down 10 %, latency up 50 %. */
  public static final GateLimits DEFAULT = new GateLimits(0.90, 1.50);

  public GateLimits {
    if (!(minThroughputRatio >= 0 && minThroughputRatio <= 1)) {
      throw new IllegalArgumentException(
          "minThroughputRatio must be between 0 and 1, was " + minThroughputRatio);
    }
    if (!(maxLatencyRatio >= 1) || Double.isInfinite(maxLatencyRatio)) {
      throw new IllegalArgumentException(
          "maxLatencyRatio must be a finite number, 1 or more, was " + maxLatencyRatio);
    }
  }
}
