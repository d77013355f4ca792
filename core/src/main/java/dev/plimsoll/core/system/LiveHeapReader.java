package dev.plimsoll.core.system;

import dev.plimsoll.core.metrics.LiveHeap;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads {@link LiveHeap}: asks the JVM for a full collection, then reads the heap. */
public final class LiveHeapReader {
  private LiveHeapReader() {}

  /**
   * Empty when the JVM ignored the request (for example under -XX:+DisableExplicitGC): the reading
   * would then be garbage, not live data. The reading is dated by {@code clock}, the run's
   * wall-clock time.
   */
  public static Optional<LiveHeap> read(Supplier<Instant> clock) {
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
