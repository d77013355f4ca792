package dev.plimsoll.core.system;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads this JVM's MXBeans and Linux's /proc. Every value is read on its own and falls back to
 * -1, so one unreadable source (a restricted /proc, a JVM without {@code com.sun.management})
 * costs only its own values.
 */
final class PlatformProbe implements Supplier<Reading> {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private final com.sun.management.OperatingSystemMXBean os = extendedOs();
  private final LongSupplier nanoTime;

  PlatformProbe(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public Reading get() {
    long wall = nanoTime.getAsLong();
    ProcFiles.CpuTicks ticks = ProcFiles.parseStat(ProcFiles.read(ProcFiles.STAT));
    // getCpuLoad is a recent average rather than one over our interval: only a fallback.
    double cpuLoad = ticks.total() < 0 ? machineCpuLoad() : -1;
    MemoryUsage heap = heap();
    GcCounters gc = gc();
    ProcFiles.NetBytes net = ProcFiles.parseNetDev(ProcFiles.read(ProcFiles.NET_DEV));
    return new Reading(
        wall,
        processCpuNanos(),
        ticks.busy(),
        ticks.total(),
        cpuLoad,
        heap == null ? -1 : heap.getUsed(),
        heap == null ? -1 : heap.getCommitted(),
        ProcFiles.parseRssBytes(ProcFiles.read(ProcFiles.SELF_STATUS)),
        gc.count(),
        gc.timeMs(),
        threadCount(),
        net.received(),
        net.sent());
  }

  private static com.sun.management.OperatingSystemMXBean extendedOs() {
    try {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean extended ? extended : null;
    } catch (LinkageError | RuntimeException e) {
      return null; // a runtime image without the jdk.management module
    }
  }

  private long processCpuNanos() {
    try {
      return os == null ? -1 : os.getProcessCpuTime();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private double machineCpuLoad() {
    try {
      double load = os == null ? -1 : os.getCpuLoad();
      return load >= 0 ? load : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private MemoryUsage heap() {
    try {
      return memory.getHeapMemoryUsage();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private GcCounters gc() {
    List<GcCounters> counters = new ArrayList<>(collectors.size());
    try {
      for (GarbageCollectorMXBean collector : collectors) {
        counters.add(new GcCounters(
            collector.getName(), collector.getCollectionCount(), collector.getCollectionTime()));
      }
    } catch (RuntimeException e) {
      return new GcCounters("total", -1, -1);
    }
    return GcCounters.total(counters);
  }

  private int threadCount() {
    try {
      return threads.getThreadCount();
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
