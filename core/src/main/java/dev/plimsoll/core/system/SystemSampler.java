package dev.plimsoll.core.system;

import dev.plimsoll.core.metrics.SystemSample;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Samples the process and the machine. Each call to {@link #sample()} reports the activity since
 * the previous call (the first call: since the sampler was created). Cheap enough to call once a
 * second: a few MXBean reads and three small /proc files.
 *
 * <p>Values come from the JVM's management beans and, on Linux, /proc: process CPU from
 * {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime} over wall time and
 * processors; machine CPU from /proc/stat (elsewhere, the JVM's own recent {@code getCpuLoad});
 * RSS from /proc/self/status; network bytes from /proc/net/dev, all interfaces, loopback included:
 * machine-wide (every process in the network namespace), since Linux keeps no per-process count
 * and the JVM offers none.
 * A value that cannot be read is -1; {@link #sample()} never throws.
 *
 * <p>Safe to call from several threads, though one caller per sampler is the intended use: two
 * callers would each see only part of the activity.
 */
public final class SystemSampler {

  private final Supplier<Reading> probe;
  private final int processors;
  private Reading previous;

  SystemSampler(Supplier<Reading> probe, int processors) {
    this.probe = probe;
    this.processors = processors;
    this.previous = probe.get();
  }

  /**
   * A sampler of this JVM and machine, starting its first interval now. Intervals are timed by
   * {@code nanoTime}, the run's clock, so that CPU shares are of the run's intervals: on a virtual
   * clock, the process's real CPU over much longer virtual intervals reads as next to nothing
   * rather than as a saturated generator.
   */
  public static SystemSampler create(LongSupplier nanoTime) {
    return new SystemSampler(new PlatformProbe(nanoTime), Runtime.getRuntime().availableProcessors());
  }

  /** The activity since the previous call, and the gauges now. */
  public synchronized SystemSample sample() {
    Reading current;
    try {
      current = probe.get();
    } catch (RuntimeException e) {
      return SystemSample.UNKNOWN; // keep the previous reading, so the next interval spans both
    }
    SystemSample sample = between(previous, current, processors);
    previous = current;
    return sample;
  }

  /** Turns two readings into the sample of the interval between them. */
  static SystemSample between(Reading from, Reading to, int processors) {
    long wallNanos = to.wallNanos() - from.wallNanos();
    return new SystemSample(
        processCpu(from, to, wallNanos, processors),
        machineCpu(from, to),
        to.heapUsedBytes(),
        to.heapCommittedBytes(),
        to.rssBytes(),
        delta(from.gcCount(), to.gcCount()),
        delta(from.gcPauseMs(), to.gcPauseMs()),
        to.threadCount(),
        delta(from.networkReceivedBytes(), to.networkReceivedBytes()),
        delta(from.networkSentBytes(), to.networkSentBytes()));
  }

  private static double processCpu(Reading from, Reading to, long wallNanos, int processors) {
    if (from.processCpuNanos() < 0 || to.processCpuNanos() < 0
        || wallNanos <= 0 || processors <= 0) {
      return -1;
    }
    long cpuNanos = to.processCpuNanos() - from.processCpuNanos();
    if (cpuNanos < 0) {
      return -1;
    }
    // CPU time and wall time are read a moment apart, so the ratio can overshoot slightly.
    return Math.min(1.0, cpuNanos / ((double) wallNanos * processors));
  }

  private static double machineCpu(Reading from, Reading to) {
    if (from.machineTotalTicks() >= 0 && to.machineTotalTicks() >= 0) {
      long total = to.machineTotalTicks() - from.machineTotalTicks();
      long busy = to.machineBusyTicks() - from.machineBusyTicks();
      if (total > 0 && busy >= 0) {
        return Math.min(1.0, busy / (double) total);
      }
    }
    return to.machineCpuLoad() >= 0 ? to.machineCpuLoad() : -1;
  }

  /** The growth of a cumulative counter; -1 when unknown or when it went backwards (a reset). */
  private static long delta(long from, long to) {
    return from < 0 || to < 0 || to < from ? -1 : to - from;
  }
}
