package dev.plimsoll.cluster;

import dev.plimsoll.scenario.Overrides;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker or a coordinator in a JVM of its own, for the tests that kill one with {@code kill -9}:
 * started with this test JVM's class and module path, its output to a file.
 */
final class NodeProcess {
  private NodeProcess() {}

  /** {@code main} of a separate worker: joins args[0] (listening at args[1], if given) and runs until its coordinator is gone. */
  static final class WorkerMain {
    public static void main(String[] args) throws Exception {
      Worker.Builder b = Worker.builder(ClusterAddress.parse(args[0])).notices(m -> System.out.println("notice: " + m));
      if (args.length > 1) {
        b.listen(ClusterAddress.parse(args[1]));
      }
      Worker worker = b.start();
      System.out.println("worker started");
      worker.terminated().get();
      System.out.println("worker ended");
      System.exit(0);
    }
  }

  /**
   * {@code main} of a worker that saturates its own CPU: joins args[0]; args[1] s after it is told
   * to get ready, for args[2] s, more threads than the machine has cores spin beside its load.
   */
  static final class BusyWorkerMain {
    public static void main(String[] args) throws Exception {
      long delayNanos = (long) (Double.parseDouble(args[1]) * 1e9);
      long spinNanos = (long) (Double.parseDouble(args[2]) * 1e9);
      int threads = 2 * Runtime.getRuntime().availableProcessors() + 2;
      Worker worker = Worker.builder(ClusterAddress.parse(args[0])).notices(m -> {
        System.out.println("notice: " + m);
        if (m.startsWith("ready to run")) {
          for (int i = 0; i < threads; i++) {
            Thread.ofPlatform().daemon().name("spin-" + i).start(() -> spin(delayNanos, spinNanos));
          }
          System.out.println("spinning on " + threads + " threads");
        }
      }).start();
      worker.terminated().get();
      System.exit(0);
    }

    private static void spin(long delayNanos, long spinNanos) {
      java.util.concurrent.locks.LockSupport.parkNanos(delayNanos);
      long start = System.nanoTime();
      long x = 0;
      while (System.nanoTime() - start < spinNanos) {
        x += Long.numberOfTrailingZeros(x ^ System.nanoTime());
      }
      System.out.println("spun " + (System.nanoTime() - start) / 1_000_000 + " ms (" + (x & 1) + ")");
    }
  }

  /**
   * {@code main} of a separate coordinator: runs args[1] with args[2] workers, listening at args[0],
   * its results in args[3] if given.
   */
  static final class CoordinatorMain {
    public static void main(String[] args) throws Exception {
      try (Coordinator c = Coordinator.builder(ClusterAddress.parse(args[0])).workers(Integer.parseInt(args[2]))
          .waitForWorkers(Duration.ofSeconds(90)).startDelay(Duration.ofMillis(500))
          .notices(m -> System.out.println("notice: " + m)).start()) {
        System.out.println("coordinator started");
        dev.plimsoll.runner.Runner.Builder runner = c.runner(Path.of(args[1]), Overrides.none(), Map.of());
        if (args.length > 3) {
          runner.resultsDirectory(Path.of(args[3]));
        }
        runner.build().run();
        System.out.println("coordinator ended");
      }
    }
  }

  static Process start(Class<?> main, Path output, String... args) throws IOException {
    return start(List.of(), main, output, args);
  }

  /** As {@link #start(Class, Path, String...)}, the command behind {@code prefix} (say, {@code ip netns exec NS}). */
  static Process start(List<String> prefix, Class<?> main, Path output, String... args) throws IOException {
    String path = String.join(File.pathSeparator, nonBlank(System.getProperty("jdk.module.path")),
        nonBlank(System.getProperty("java.class.path")));
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
        "-cp", path, main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  private static String nonBlank(String s) {
    return s == null ? "" : s;
  }
}
