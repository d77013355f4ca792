package dev.plimsoll.bench;

import static dev.plimsoll.bench.BenchSupport.format;
import static dev.plimsoll.bench.BenchSupport.thousands;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.result.RunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Many virtual users in little memory: a closed model of 100,000 users (by default), each calling a
 * no-op operation and then thinking for 1 s, for 30 s, in a heap limited to 1 GiB ({@code -Xmx1g}).
 * Throughput should be close to users ÷ (think time), about 100,000/s; the heap should stay well
 * below the limit and the run must not meet an {@link OutOfMemoryError}.
 *
 * <p>Heap is read three ways: the sum of the heap pools' peak usage (reset just before the run, an
 * upper bound: pools peak at different moments), the total heap used sampled every 50 ms, and the
 * heap used after each garbage collection during the run (from GC notifications: the closest
 * reading of the live set, but an upper bound: a young collection leaves dead objects already
 * promoted to the old generation). With {@code --full-gc-at S} the benchmark forces one full
 * collection S seconds into the run and reports the heap left after it: the exact live set, at the
 * price of one pause in the run.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/plimsoll-bench.jar dev.plimsoll.bench.ScaleBench \
 *     [--users 100000] [--think-ms 1000] [--seconds 30] [--full-gc-at 15]
 * </pre>
 */
public final class ScaleBench {
  private static final long GIB = 1L << 30;
  private static final long SAMPLE_MILLIS = 50;
  private static final String USAGE = "usage: ScaleBench [--users N (default 100000)]"
      + " [--think-ms T (default 1000)] [--seconds D (default 30)] [--full-gc-at S (default: none)]"
      + "   (run with -Xmx1g)";

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    BenchSupport.Options options =
        new BenchSupport.Options(args, USAGE, "users", "think-ms", "seconds", "full-gc-at");
    int users = options.integer("users", 100_000);
    double thinkMillis = options.number("think-ms", 1000);
    double seconds = options.number("seconds", 30);
    double fullGcAt = options.number("full-gc-at", -1);

    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.println(BenchSupport.rule("ScaleBench"));
    System.out.println(BenchSupport.environment());
    System.out.println(format("closed model, %s users, no-op operation, constant think time %s ms, %s s",
        thousands(users), thinkMillis, seconds));
    if (maxHeap > GIB) {
      System.out.println("WARNING: max heap is " + (maxHeap >> 20) + " MiB; run with -Xmx1g to test the 1 GiB bound");
    }

    AtomicReference<Throwable> memoryError = new AtomicReference<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      if (error instanceof OutOfMemoryError) {
        memoryError.compareAndSet(null, error);
      }
      if (previous != null) {
        previous.uncaughtException(thread, error);
      } else {
        System.err.println("uncaught in " + thread + ": " + error);
      }
    });

    System.gc();
    long baseline = heapUsed();
    List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    AfterGc afterGc = AfterGc.listen(heapPools);
    AtomicLong sampledPeak = new AtomicLong();
    Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        sampledPeak.accumulateAndGet(heapUsed(), Math::max);
        try {
          Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long[] gcBefore = BenchSupport.gcCountAndMillis();
    long cpuBefore = BenchSupport.processCpuNanos();
    long wallBefore = System.nanoTime();

    RunResult result = null;
    long live = -1;
    try {
      RunHandle handle = Plimsoll.start(Scenario.builder("scale")
          .workload(Workload.of("noop", ctx -> {},
              ClosedModel.users(users).thinkTime(ThinkTime.constant(Duration.ofNanos((long) (thinkMillis * 1e6))))))
          .duration(Duration.ofNanos((long) (seconds * 1e9)))
          .gracefulStop(Duration.ofSeconds(5))
          .build());
      if (fullGcAt > 0) {
        Thread.sleep(Math.max(0, (long) (fullGcAt * 1000) - handle.elapsed().toMillis()));
        System.gc();
        live = heapUsed();
      }
      result = handle.await();
    } catch (OutOfMemoryError e) {
      memoryError.compareAndSet(null, e);
    }

    long wall = System.nanoTime() - wallBefore;
    long cpu = BenchSupport.processCpuNanos() - cpuBefore;
    long[] gcAfter = BenchSupport.gcCountAndMillis();
    sampler.interrupt();
    sampler.join();
    afterGc.stop();
    long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.gc();
    long afterRun = heapUsed();

    System.out.println(BenchSupport.rule("result"));
    if (result == null) {
      System.out.println("the run failed: " + memoryError.get());
    } else {
      double measured = result.measuredDuration().toNanos() / 1e9;
      double throughput = result.total().completed() / measured;
      LatencyStats response = result.total().responseTime().stats();
      List<Long> perInterval = result.intervals().stream()
          .map(IntervalSnapshot::total).map(o -> o.succeeded() + o.failed()).toList();
      System.out.println(format("completed            %s in %.1f s; failed %s; status %s",
          thousands(result.total().completed()), measured, thousands(result.total().failed()), result.status()));
      System.out.println(format("throughput           %s ops/s (ideal %s = users / think time; %.1f %%)",
          thousands(throughput), thousands(users / (thinkMillis / 1000)), 100 * throughput / (users / (thinkMillis / 1000))));
      System.out.println("per interval (ops)   " + perInterval.stream().map(n -> thousands(n))
          .collect(Collectors.joining(" ")));
      System.out.println(format("response time (µs)   p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (no-op: this is the"
          + " engine's own time around the call)",
          response.p50Ms() * 1000, response.p99Ms() * 1000, response.p999Ms() * 1000, response.maxMs() * 1000));
    }
    System.out.println(format("heap before the run  %d MiB (after GC)", baseline >> 20));
    System.out.println(format("heap peak            %d MiB sampled every %d ms; %d MiB sum of pool peaks (upper bound)",
        sampledPeak.get() >> 20, SAMPLE_MILLIS, poolPeaks >> 20));
    System.out.println(format("heap after GC        max %d MiB over %d collections during the run -> at most %s bytes"
        + " per user above the baseline (upper bound: young GCs leave promoted garbage)",
        afterGc.max() >> 20, afterGc.count(), afterGc.count() == 0 ? "?" : thousands(
            (double) Math.max(0, afterGc.max() - baseline) / users)));
    if (live >= 0) {
      System.out.println(format("live heap            %d MiB after a full GC forced %s s into the run -> %s bytes per user"
          + " (this run's throughput includes that pause)",
          live >> 20, fullGcAt, thousands((double) Math.max(0, live - baseline) / users)));
    }
    System.out.println(format("heap after the run   %d MiB (after GC)", afterRun >> 20));
    if (result != null && result.system().heapUsedPeakBytes() != -1) {
      System.out.println(format("engine's heap peak   %d MiB (result.system().heapUsedPeakBytes())",
          result.system().heapUsedPeakBytes() >> 20));
    } else {
      System.out.println("engine's heap peak   not reported (result.system().heapUsedPeakBytes() is -1)");
    }
    System.out.println(format("GC                   %d collections, %d ms in total; process CPU %.2f cores of %d",
        gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], (double) cpu / wall, BenchSupport.cores()));
    boolean under = memoryError.get() == null && maxHeap <= GIB && result != null;
    System.out.println(format("stayed under 1 GiB   %s (max heap %d MiB, OutOfMemoryError: %s)",
        under ? "YES" : "NO", maxHeap >> 20, memoryError.get() == null ? "none" : memoryError.get()));
    if (!under) {
      System.exit(1);
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Heap used just after each (stop-the-world) collection, from the collectors' notifications. */
  private static final class AfterGc implements NotificationListener {
    private final Set<String> heapPools;
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private final List<NotificationEmitter> emitters;

    private AfterGc(Set<String> heapPools, List<NotificationEmitter> emitters) {
      this.heapPools = heapPools;
      this.emitters = emitters;
    }

    static AfterGc listen(List<MemoryPoolMXBean> pools) {
      List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
          .filter(gc -> gc instanceof NotificationEmitter)
          .map(gc -> (NotificationEmitter) gc).toList();
      AfterGc listener = new AfterGc(
          pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet()), emitters);
      emitters.forEach(e -> e.addNotificationListener(listener, null, null));
      return listener;
    }

    @Override
    public void handleNotification(javax.management.Notification notification, Object handback) {
      if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      // A concurrent cycle's pauses leave eden as it was; only collections that empty it tell the live set.
      if (info.getGcName().contains("Concurrent")) {
        return;
      }
      long used = 0;
      for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        if (heapPools.contains(e.getKey())) {
          MemoryUsage usage = e.getValue();
          used += usage.getUsed();
        }
      }
      count.incrementAndGet();
      max.accumulateAndGet(used, Math::max);
    }

    long max() {
      return max.get();
    }

    long count() {
      return count.get();
    }

    void stop() {
      for (NotificationEmitter e : emitters) {
        try {
          e.removeNotificationListener(this);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // never added: nothing to remove
        }
      }
    }
  }
}
