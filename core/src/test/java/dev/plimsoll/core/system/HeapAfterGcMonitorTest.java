package dev.plimsoll.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.HeapAfterGc;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.system.HeapAfterGcMonitor.Kind;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeapAfterGcMonitorTest {

  @ParameterizedTest
  @CsvSource({
    "G1 Young Generation, end of minor GC, YOUNG",
    "G1 Old Generation, end of major GC, WHOLE_HEAP",
    "G1 Concurrent GC, end of concurrent GC pause, IGNORED",
    "PS Scavenge, end of minor GC, YOUNG",
    "PS MarkSweep, end of major GC, WHOLE_HEAP",
    "Copy, end of minor GC, YOUNG",
    "MarkSweepCompact, end of major GC, WHOLE_HEAP",
    "ZGC Cycles, end of GC cycle, WHOLE_HEAP",
    "ZGC Pauses, end of GC pause, IGNORED",
    "ZGC Major Cycles, end of GC cycle, WHOLE_HEAP",
    "ZGC Minor Cycles, end of GC cycle, YOUNG",
    "ZGC Major Pauses, end of GC pause, IGNORED",
    "Shenandoah Cycles, end of GC cycle, WHOLE_HEAP",
    "Shenandoah Pauses, end of GC pause, IGNORED"
  })
  void tellsCollectionsOfTheWholeHeapFromYoungOnes(String name, String action, Kind kind) {
    assertThat(HeapAfterGcMonitor.kind(name, action)).isEqualTo(kind);
  }

  /**
   * The JVM's own collections, caused by lots of garbage: heap after them stays level. The same
   * with a slice of every allocation kept: it climbs, and the interval says so.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void garbageAloneShowsNoGrowthAndRetainedDataDoes() {
    MemoryGrowth garbage = churn(false);
    MemoryGrowth retaining = churn(true);

    assertThat(retaining.collections()).isGreaterThanOrEqualTo(MemoryGrowth.MIN_COLLECTIONS);
    assertThat(retaining.lowerMbPerMinute()).as("retained growth, %s", retaining).isGreaterThan(0);
    assertThat(garbage.collections()).isGreaterThanOrEqualTo(MemoryGrowth.MIN_COLLECTIONS);
    // Far below what retaining showed: the garbage's trend is noise around level.
    assertThat(Math.abs(garbage.mbPerMinute())).as("garbage, %s; retaining, %s", garbage, retaining)
        .isLessThan(retaining.mbPerMinute() / 10);
  }

  private static final int CHUNK = 32 * 1024;
  private static final int COLLECTIONS = 15;
  /** Generous: on a machine busy with other builds the collections come slower. */
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final long RETAINED_LIMIT = 96L << 20;

  /** Allocates until {@link #COLLECTIONS} collections (or 20 s), keeping 1 chunk in 32 if asked. */
  private static MemoryGrowth churn(boolean retain) {
    List<byte[]> ring = new ArrayList<>();
    List<byte[]> kept = new ArrayList<>();
    long keptBytes = 0;
    long sink = 0;
    HeapAfterGcMonitor monitor = HeapAfterGcMonitor.start(Instant::now);
    Instant from = Instant.now();
    long collectionsBefore = collections();
    long startNanos = System.nanoTime();
    try {
      for (long i = 0; collections() - collectionsBefore < COLLECTIONS
          && System.nanoTime() - startNanos < MAX_NANOS; i++) {
        byte[] chunk = new byte[CHUNK];
        chunk[(int) (i % CHUNK)] = (byte) i;
        if (ring.size() < 64) {
          ring.add(chunk);
        } else {
          ring.set((int) (i % 64), chunk);
        }
        if (retain && i % 32 == 0 && keptBytes < RETAINED_LIMIT) {
          kept.add(chunk);
          keptBytes += CHUNK;
        }
        sink += chunk.length;
      }
      Instant to = Instant.now();
      List<HeapAfterGc> readings = awaitReadings(monitor);
      assertThat(sink).isPositive();
      assertThat(kept.size() * (long) CHUNK).isEqualTo(keptBytes); // kept reachable to the end
      return MemoryGrowth.of(readings, from, to);
    } finally {
      monitor.close();
    }
  }

  /** Notifications arrive on a JVM thread after each collection: waits until they stop coming. */
  private static List<HeapAfterGc> awaitReadings(HeapAfterGcMonitor monitor) {
    List<HeapAfterGc> readings = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    int quietPolls = 0;
    while (quietPolls < 5 && System.nanoTime() < deadline) {
      List<HeapAfterGc> more = monitor.drain();
      quietPolls = more.isEmpty() ? quietPolls + 1 : 0;
      readings.addAll(more);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return readings;
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }
}
