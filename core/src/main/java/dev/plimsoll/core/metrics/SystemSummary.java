package dev.plimsoll.core.metrics;

/**
 * The process and machine over the measured part of a run. CPU values are fractions of the whole
 * machine (0–1), averaged over time (each interval weighted by its length); a value that could
 * not be read is -1. Network bytes are the machine's, every process's together (see
 * {@link SystemSample}).
 *
 * @param processCpuPeak the highest share over a stretch of at least 200 ms (see
 *     {@code TimeWeighted}), so that a run's last few milliseconds cannot make a peak alone
 * @param memoryGrowth the trend of heap after garbage collection, or why there is none
 */
public record SystemSummary(
    double processCpuAverage,
    double processCpuPeak,
    double machineCpuAverage,
    double machineCpuPeak,
    long heapUsedPeakBytes,
    long rssPeakBytes,
    long gcCount,
    double gcPauseMs,
    int threadPeak,
    long networkReceivedBytes,
    long networkSentBytes,
    MemoryGrowth memoryGrowth) {

  public static final SystemSummary UNKNOWN =
      new SystemSummary(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, MemoryGrowth.NONE);

  public SystemSummary {
    memoryGrowth = memoryGrowth == null ? MemoryGrowth.NONE : memoryGrowth;
  }

  /** The trend's slope, {@link MemoryGrowth#mbPerMinute()}: NaN when there is none. */
  public double memoryGrowthMbPerMinute() {
    return memoryGrowth.mbPerMinute();
  }
}
