package dev.plimsoll.core.system;

/**
 * Cumulative counters and current gauges at one moment; -1 where unknown. {@link SystemSampler}
 * turns two readings into a {@link dev.plimsoll.core.metrics.SystemSample}.
 *
 * @param wallNanos the run's monotonic clock
 * @param processCpuNanos CPU time used by this process so far
 * @param machineBusyTicks busy CPU time of the whole machine so far, /proc/stat clock ticks
 * @param machineTotalTicks all CPU time of the whole machine so far, in the same ticks
 * @param machineCpuLoad the JVM's own recent machine load (0–1), read only when /proc/stat is not
 * @param gcCount collections so far
 * @param gcPauseMs time spent paused for collection so far
 * @param networkReceivedBytes bytes received by all interfaces so far
 * @param networkSentBytes bytes sent by all interfaces so far
 */
record Reading(
    long wallNanos,
    long processCpuNanos,
    long machineBusyTicks,
    long machineTotalTicks,
    double machineCpuLoad,
    long heapUsedBytes,
    long heapCommittedBytes,
    long rssBytes,
    long gcCount,
    long gcPauseMs,
    int threadCount,
    long networkReceivedBytes,
    long networkSentBytes) {}
