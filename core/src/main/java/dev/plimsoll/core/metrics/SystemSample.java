package dev.plimsoll.core.metrics;

/**
 * The process and machine during one interval. A value that could not be read is -1.
 *
 * @param processCpu CPU used by this process, as a fraction of the whole machine (0–1)
 * @param machineCpu CPU used by the whole machine (0–1)
 * @param heapUsedBytes heap in use at the end of the interval
 * @param heapCommittedBytes heap committed at the end of the interval
 * @param rssBytes resident set size at the end of the interval (Linux /proc)
 * @param gcCount garbage collections during the interval
 * @param gcPauseMs time spent in garbage collection during the interval
 * @param threadCount live platform threads at the end of the interval
 * @param networkReceivedBytes bytes received by all interfaces during the interval: machine-wide,
 *     every process's (Linux's /proc/net/dev counts per network namespace, never per process, so
 *     in a container it is the container's traffic)
 * @param networkSentBytes bytes sent by all interfaces during the interval, machine-wide likewise
 */
public record SystemSample(
    double processCpu,
    double machineCpu,
    long heapUsedBytes,
    long heapCommittedBytes,
    long rssBytes,
    long gcCount,
    double gcPauseMs,
    int threadCount,
    long networkReceivedBytes,
    long networkSentBytes) {

  public static final SystemSample UNKNOWN = new SystemSample(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
}
