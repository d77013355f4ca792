package dev.plimsoll.http;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A throughput benchmark of the HTTP driver against one URL, to compare with wrk (not a unit test).
 *
 * <pre>
 * HttpBench URL [--users N] [--connections N] [--duration SECONDS] [--mode engine|async] [--io-threads N]
 * </pre>
 *
 * <ul>
 *   <li>{@code engine} (default): a Plimsoll run, closed model of N users, each calling
 *       {@link HttpOperations#request}; what a user of the library gets.
 *   <li>{@code async}: N loops on the client alone, each sending its next request from the event
 *       loop as the previous response completes; no engine, no virtual threads. The gap between the
 *       two is the engine's cost per request.
 * </ul>
 *
 * Run it against nginx next to wrk with {@code http/bench/http-vs-wrk.sh} (see http/README.md).
 */
public final class HttpBench {
  private HttpBench() {}

  public static void main(String[] args) throws Exception {
    String url = null;
    int users = 64;
    int connections = 64;
    int seconds = 15;
    String mode = "engine";
    int ioThreads = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--users" -> users = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--duration" -> seconds = Integer.parseInt(args[++i].replace("s", ""));
        case "--mode" -> mode = args[++i];
        case "--io-threads" -> ioThreads = Integer.parseInt(args[++i]);
        default -> url = args[i];
      }
    }
    if (url == null) {
      System.err.println("usage: HttpBench URL [--users N] [--connections N] [--duration S] [--mode engine|async] [--io-threads N]");
      System.exit(2);
    }
    HttpClientSettings settings = HttpClientSettings.builder()
        .connectionsPerTarget(connections).ioThreads(ioThreads).build();
    HttpRequest request = HttpRequest.get(url);
    try (HttpClient client = HttpClient.create(settings)) {
      long start = System.nanoTime();
      long ok;
      long failed;
      if (mode.equals("async")) {
        long[] counts = asyncLoops(client, request, users, seconds);
        ok = counts[0];
        failed = counts[1];
      } else {
        RunResult result = Plimsoll.run(Scenario.builder("http-bench")
            .workload(Workload.of("get", Mix.ofAsync("get", HttpOperations.request(client, request)),
                ClosedModel.users(users)))
            .duration(Duration.ofSeconds(seconds))
            .build());
        OperationStats total = result.total();
        ok = total.succeeded();
        failed = total.failed();
        System.out.println("per second: " + result.intervals().stream()
            .map(i -> Long.toString(i.total().completed())).collect(java.util.stream.Collectors.joining(" ")));
        System.out.printf("p50 %.3f ms, p99 %.3f ms%n", total.responseTime().percentileMs(50),
            total.responseTime().percentileMs(99));
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf("mode %s, %d users, %d connections, epoll %s: %d ok, %d failed, %.0f req/s%n",
          mode, users, connections, client.nativeTransport(), ok, failed, (ok + failed) / elapsed);
      ThreadCpu.print(ok + failed);
    }
  }

  /** CPU time per request of this process's threads, by thread kind (Linux /proc), whole run. */
  static final class ThreadCpu {
    static void print(long requests) {
      java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
      if (!java.nio.file.Files.isDirectory(tasks) || requests == 0) {
        return;
      }
      java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
      long hz = 100;
      try (var dirs = java.nio.file.Files.list(tasks)) {
        for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) dirs::iterator) {
          try {
            String stat = java.nio.file.Files.readString(t.resolve("stat"));
            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            String kind = comm.replaceAll("[-#0-9 ]+$", "").replaceAll("-[0-9]+-[0-9]+$", "");
            ticks.merge(kind, used, Long::sum);
          } catch (java.io.IOException | RuntimeException gone) {
            // The thread ended meanwhile.
          }
        }
      } catch (java.io.IOException e) {
        return;
      }
      StringBuilder sb = new StringBuilder("cpu-us/req by thread:");
      ticks.entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> sb.append(String.format(" %s=%.2f", e.getKey(), e.getValue() * 1e6 / hz / requests)));
      System.out.println(sb);
    }
  }

  /** N closed loops on the event loop: each completion sends the next request, until time is up. */
  private static long[] asyncLoops(HttpClient client, HttpRequest request, int users, int seconds)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    // Records each service time as the engine would, so that the two modes differ in threading only.
    org.HdrHistogram.Recorder latencies = new org.HdrHistogram.Recorder(3);
    CountDownLatch done = new CountDownLatch(users);
    for (int i = 0; i < users; i++) {
      new Object() {
        void next() {
          if (System.nanoTime() >= end) {
            done.countDown();
            return;
          }
          long start = System.nanoTime();
          client.send(request).whenComplete((r, e) -> {
            latencies.recordValue(System.nanoTime() - start);
            if (e == null && r.successful()) {
              ok.increment();
            } else {
              failed.increment();
            }
            next();
          });
        }
      }.next();
    }
    StringBuilder perSecond = new StringBuilder("per second:");
    long last = 0;
    while (!done.await(1, TimeUnit.SECONDS)) {
      long now = ok.sum() + failed.sum();
      perSecond.append(' ').append(now - last);
      last = now;
      if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(30)) {
        break;
      }
    }
    System.out.println(perSecond);
    org.HdrHistogram.Histogram h = latencies.getIntervalHistogram();
    System.out.printf("p50 %.3f ms, p99 %.3f ms%n", h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6);
    return new long[] {ok.sum(), failed.sum()};
  }
}
