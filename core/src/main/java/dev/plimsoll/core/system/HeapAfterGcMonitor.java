package dev.plimsoll.core.system;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import dev.plimsoll.core.metrics.HeapAfterGc;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Listens to the JVM's garbage collection notifications and keeps heap in use just after each
 * collection ({@link HeapAfterGc}), for memory growth. Nothing is forced: the readings are the
 * collections the run caused anyway, so no pause is added to it.
 *
 * <p>Notifications arrive on a JVM service thread shortly after each collection; a reading is
 * dated by the run's clock at arrival, less how long ago the collection ended. A JVM without
 * {@code com.sun.management} notifications gives no readings; nothing here ever throws.
 */
public final class HeapAfterGcMonitor implements AutoCloseable {

  /** What a collector's notification tells about the heap. */
  enum Kind {
    /** A young (or G1 mixed) collection: garbage already in the old generation remains. */
    YOUNG,
    /** A collection of the whole heap: what remains is live. */
    WHOLE_HEAP,
    /** A pause inside a concurrent cycle: the heap then is mid-collection, not a reading. */
    IGNORED
  }

  private final Supplier<Instant> clock;
  private final Set<String> heapPools;
  private final Queue<HeapAfterGc> readings = new ConcurrentLinkedQueue<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;

  private HeapAfterGcMonitor(Supplier<Instant> clock) {
    this.clock = clock;
    this.heapPools = heapPools();
  }

  /** Starts listening; readings are dated by {@code clock}, the run's wall clock. */
  public static HeapAfterGcMonitor start(Supplier<Instant> clock) {
    HeapAfterGcMonitor monitor = new HeapAfterGcMonitor(clock);
    try {
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(monitor.listener, null, null);
          monitor.emitters.add(emitter);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // No notifications on this JVM: memory growth will have no readings.
    }
    return monitor;
  }

  /** The readings since the previous call, oldest first. */
  public List<HeapAfterGc> drain() {
    List<HeapAfterGc> drained = new ArrayList<>();
    HeapAfterGc r;
    while ((r = readings.poll()) != null) {
      drained.add(r);
    }
    return drained;
  }

  /** Stops listening; readings not yet drained stay. */
  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException | RuntimeException e) {
        // Already gone: nothing to undo.
      }
    }
    emitters.clear();
  }

  private void onNotification(Notification notification, Object handback) {
    try {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
          || !(notification.getUserData() instanceof CompositeData data)) {
        return;
      }
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(data);
      Kind kind = kind(info.getGcName(), info.getGcAction());
      if (kind == Kind.IGNORED) {
        return;
      }
      GcInfo gc = info.getGcInfo();
      long bytes = heapUsed(gc.getMemoryUsageAfterGc());
      if (bytes < 0) {
        return;
      }
      long sinceEndMs = Math.max(0, ManagementFactory.getRuntimeMXBean().getUptime() - gc.getEndTime());
      readings.add(new HeapAfterGc(clock.get().minusMillis(sinceEndMs), bytes, kind == Kind.WHOLE_HEAP));
    } catch (RuntimeException e) {
      // A notification this JVM shapes differently: no reading, and the collector thread lives on.
    }
  }

  /**
   * Tells collections of the whole heap from young ones by the collector's bean name and the
   * notification's action. Stop-the-world collectors say "end of major GC" for a full collection
   * (Serial's MarkSweepCompact, Parallel's PS MarkSweep, G1 Old Generation) and "end of minor GC"
   * for a young one (G1's mixed collections too: they take only part of the old generation).
   * Concurrent collectors publish a "Cycles" bean, whose every cycle covers the whole heap (ZGC,
   * Shenandoah) except generational ZGC's minor cycles, and a "Pauses" bean whose readings fall
   * inside a cycle; G1 Concurrent GC (remark and cleanup) is such a pause too.
   */
  static Kind kind(String gcName, String gcAction) {
    String name = gcName == null ? "" : gcName;
    String action = gcAction == null ? "" : gcAction;
    if (name.endsWith(" Pauses") || name.equals("G1 Concurrent GC")) {
      return Kind.IGNORED;
    }
    if (name.contains("Cycles")) {
      return name.contains("Minor") || name.contains("Young") ? Kind.YOUNG : Kind.WHOLE_HEAP;
    }
    return action.contains("major") ? Kind.WHOLE_HEAP : Kind.YOUNG;
  }

  /** Heap pools' use after the collection, summed; -1 when none is known. */
  private long heapUsed(Map<String, MemoryUsage> afterGc) {
    long used = -1;
    for (Map.Entry<String, MemoryUsage> pool : afterGc.entrySet()) {
      if (heapPools.contains(pool.getKey()) && pool.getValue() != null) {
        used = Math.max(used, 0) + pool.getValue().getUsed();
      }
    }
    return used;
  }

  private static Set<String> heapPools() {
    Set<String> names = new HashSet<>();
    try {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          names.add(pool.getName());
        }
      }
    } catch (RuntimeException e) {
      // No pools known: no readings.
    }
    return names;
  }
}
