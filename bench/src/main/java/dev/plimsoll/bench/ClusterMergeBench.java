package dev.plimsoll.bench;

import dev.plimsoll.cluster.internal.Fleet;
import dev.plimsoll.cluster.internal.IntervalMerger;
import dev.plimsoll.cluster.internal.Message;
import dev.plimsoll.cluster.internal.MessageSerializer;
import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import java.io.NotSerializableException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * What a cluster coordinator pays per interval to take in its workers' snapshots, on the path it
 * runs for each one: the message's bytes as they come off the wire → {@link MessageSerializer}
 * (Pekko's entry point, which runs the codec) → {@link IntervalMerger#add} → the merged interval,
 * ready to hand to the listeners. For each fleet size (default 100 and 1,000 simulated workers),
 * every worker's interval (a few operations with long-tailed latency histograms) is encoded once
 * by the worker's own serializer; then each round (after warm-up rounds) takes all of them in, as
 * the coordinator does with each interval. Prints the median, best and worst round (wall time),
 * decode and merge apart, and the thread's CPU time per round: on a shared machine the wall time
 * includes waiting for a core.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/plimsoll-bench.jar dev.plimsoll.bench.ClusterMergeBench [--workers 100,1000] [--operations 5] [--values 2000] [--rounds 7] [--warmup 2]
 * </pre>
 *
 * <p>Before ClusterMergeBench ran this path it timed {@code ResultJson.intervalFromJson} and
 * {@code IntervalSnapshot.mergeAll} and headlined the merge alone: it left out the codec's second
 * parse and the merger's bookkeeping, and its decode time (several times the merge) was not in
 * the headline.
 *
 * It does not measure the network, Pekko's own cost per message (envelopes, actor references'
 * resolution over the network), or the listeners fed afterwards. The coordinator's record of each
 * worker ({@code Fleet.interval}: its counts and CPU) is in the path, and also printed apart as "fleet".
 */
public final class ClusterMergeBench {
  private static final String USAGE = "ClusterMergeBench [--workers 100,1000] [--operations 5] [--values 2000] "
      + "[--rounds 7] [--warmup 2]";

  /** The coordinator merges on one thread: its CPU time is the cost without the other programs' share of the machine. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ClusterMergeBench() {}

  public static void main(String[] args) throws NotSerializableException {
    BenchSupport.Options o = new BenchSupport.Options(args, USAGE, "workers", "operations", "values", "rounds",
        "warmup");
    int[] fleets = fleetSizes(o.text("workers", "100,1000"));
    int operations = o.integer("operations", 5);
    int values = o.integer("values", 2_000);
    int rounds = o.integer("rounds", 7);
    // Rounds before the measured ones, for the JIT: a coordinator merges every interval of a run.
    int warmup = o.integer("warmup", 2);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench");
    try {
      MessageSerializer serializer = new MessageSerializer((ExtendedActorSystem) Adapter.toClassic(system));
      ActorRefResolver resolver = ActorRefResolver.get(system);
      for (int workers : fleets) {
        run(serializer, resolver, workers, operations, values, rounds, warmup);
      }
    } finally {
      system.terminate();
    }
  }

  private static void run(MessageSerializer serializer, ActorRefResolver resolver, int workers, int operations,
      int values, int rounds, int warmup) throws NotSerializableException {
    List<ActorRef<Message.ToWorker>> refs = new ArrayList<>(workers);
    List<byte[]> wire = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      ActorRef<Message.ToWorker> ref = resolver.resolveActorRef("pekko://bench/user/worker-" + w);
      refs.add(ref);
      wire.add(serializer.toBinary(new Message.Interval("bench", ref, snapshot(w, operations, values))));
    }
    String manifest = serializer.manifest(new Message.Interval("bench", refs.get(0), snapshot(0, 0, 0)));
    double[] decodeMs = new double[rounds];
    double[] mergeMs = new double[rounds];
    double[] totalMs = new double[rounds];
    double[] fleetMs = new double[rounds];
    double[] cpuMs = new double[rounds];
    long check = 0;
    for (int r = -warmup; r < rounds; r++) {
      IntervalMerger<ActorRef<Message.ToWorker>> merger = new IntervalMerger<>(new LinkedHashSet<>(refs));
      List<String> addresses = refs.stream().map(Object::toString).toList();
      Fleet<ActorRef<Message.ToWorker>> fleetRecord = new Fleet<>(refs, addresses, LoadSegment.split(refs.size()));
      IntervalSnapshot merged = null;
      long decode = 0;
      long merge = 0;
      long fleetNanos = 0;
      long startCpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (byte[] bytes : wire) {
        long t0 = System.nanoTime();
        Message.Interval m = (Message.Interval) serializer.fromBinary(bytes, manifest);
        long t1 = System.nanoTime();
        List<IntervalSnapshot> out = merger.add(m.worker(), m.snapshot());
        long t2 = System.nanoTime();
        // What the coordinator's fleet record reads of each snapshot (Fleet.interval), on the same thread.
        fleetRecord.interval(m.worker(), m.snapshot());
        long t3 = System.nanoTime();
        decode += t1 - t0;
        merge += t2 - t1;
        fleetNanos += t3 - t2;
        if (!out.isEmpty()) {
          merged = out.get(0);
        }
      }
      long end = System.nanoTime();
      long endCpu = THREADS.getCurrentThreadCpuTime();
      if (merged == null) {
        throw new IllegalStateException("the merger handed on no interval");
      }
      check += merged.total().completed();
      if (r >= 0) {
        decodeMs[r] = decode / 1e6;
        mergeMs[r] = merge / 1e6;
        totalMs[r] = (end - start) / 1e6;
        fleetMs[r] = fleetNanos / 1e6;
        cpuMs[r] = (endCpu - startCpu) / 1e6;
      }
    }
    Arrays.sort(decodeMs);
    Arrays.sort(mergeMs);
    Arrays.sort(totalMs);
    Arrays.sort(fleetMs);
    Arrays.sort(cpuMs);
    System.out.printf(Locale.ROOT, "%,d workers x %d operations x %,d values: per interval %.1f ms median "
        + "(min %.1f, worst %.1f) = decode %.1f + merge %.1f (medians); CPU %.1f ms median (min %.1f); "
        + "fleet %.1f [check %d]%n", workers, operations, values, totalMs[rounds / 2], totalMs[0],
        totalMs[rounds - 1], decodeMs[rounds / 2], mergeMs[rounds / 2], cpuMs[rounds / 2], cpuMs[0],
        fleetMs[rounds / 2], check);
  }

  private static int[] fleetSizes(String list) {
    try {
      return Arrays.stream(list.replace("_", "").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    } catch (NumberFormatException e) {
      System.err.println("--workers takes fleet sizes separated by commas, e.g. 100,1000");
      System.exit(2);
      return null;
    }
  }

  private static IntervalSnapshot snapshot(int worker, int operations, int values) {
    SplittableRandom random = new SplittableRandom(worker);
    List<OperationStats> ops = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      Histogram h = LatencyDistribution.newHistogram();
      for (int v = 0; v < values; v++) {
        h.recordValue(LatencyDistribution.clamp((long) (1_000_000 * Math.exp(random.nextGaussian() * 1.5))));
      }
      LatencyDistribution d = LatencyDistribution.of(h);
      ops.add(new OperationStats("op-" + i, values, values, 0, 0, 0, d, d, List.of()));
    }
    return new IntervalSnapshot(0, Instant.EPOCH.plusMillis(worker % 7), Duration.ofSeconds(1), false, values, ops,
        LatencyDistribution.empty(), LatencyDistribution.empty(), LatencyDistribution.empty(),
        new SystemSample(0.5, 0.5, 1, 1, 1, 0, 0, 1, 0, 0));
  }
}
