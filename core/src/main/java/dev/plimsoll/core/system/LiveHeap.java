package dev.plimsoll.core.system;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The heap still in use after a full collection, at one moment: the only reading of heap that
 * tells live data from garbage. The engine takes one just before the load starts and one just
 * after it has drained, so that memory growth compares live heap even in runs too short to see a
 * collection, without pausing the measured part of the run.
 */
public record LiveHeap(Instant time, long bytes) {

  /**
   * Asks the JVM for a full collection and reads the heap. Empty when the JVM ignored the request
   * (for example under -XX:+DisableExplicitGC): the reading would then be garbage, not live data.
   * The reading is dated by {@code clock}, the run's wall-clock time.
   */
  public static Optional<LiveHeap> measure(Supplier<Instant> clock) {
    long before = collections();
    System.gc();
    if (collections() <= before) {
      return Optional.empty();
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return Optional.of(new LiveHeap(clock.get(), used));
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }
}
