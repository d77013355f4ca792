package dev.plimsoll.core.metrics;

/**
 * The process and machine over the measured part of a run. CPU values are fractions of the whole
 * machine (0–1); a value that could not be read is -1.
 *
 * @param memoryGrowthMbPerMinute the least-squares slope of heap in use after collection over time
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
    double memoryGrowthMbPerMinute) {

  public static final SystemSummary UNKNOWN =
      new SystemSummary(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0);
}
