package dev.plimsoll.runner;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.units.Units;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks, before any load is sent, that the process can hold what the run asks for: the
 * connections against the limit on open files, the users and connections against the maximum
 * heap. What surely does not fit is refused ({@link ResourceShortageException}, exit 2 from the
 * command) rather than found as a crash in the middle of the run; what merely comes close is a
 * notice.
 *
 * <p>The memory figures are estimates, on the generous side, of what each costs the generator:
 * measured on the HTTP driver, they are meant to catch a run that is off by a factor, not to
 * budget one to the megabyte.
 */
final class Preflight {
  /** Files the JVM and the generator hold besides connections: jars, the journal, results. */
  static final long BASE_FILES = 64;
  /** Heap the generator needs whatever the load: histograms, the result, the HTTP client. */
  static final long BASE_HEAP_BYTES = 64L << 20;
  /** Heap per virtual user: its virtual thread's stack while it waits, and its flow's state. */
  static final long HEAP_PER_USER_BYTES = 32L << 10;
  /** Heap per connection: the channel, its pipeline and buffers. */
  static final long HEAP_PER_CONNECTION_BYTES = 128L << 10;
  /** Above this share of what is available, a notice says the run comes close. */
  static final double CLOSE = 0.8;

  /** What a run asks for: the most users its closed workloads reach, and the connections of all its targets. */
  record Demand(long users, long connections) {
    static Demand of(List<LoadModel> loads, long connections) {
      long users = 0;
      for (LoadModel load : loads) {
        if (load instanceof ClosedModel closed) {
          users += closed.users().maxUsers();
        }
      }
      return new Demand(users, connections);
    }

    /** This process's part of the users, when it runs one segment of the load; connections stay per target. */
    Demand part(LoadSegment segment) {
      return new Demand(segment.partOf(users), connections);
    }
  }

  /** What the process has: its limit on open files and those open (-1 where unknown), and its maximum heap. */
  record Capacity(long maxFiles, long openFiles, long maxHeapBytes) {
    static Capacity ofThisProcess() {
      long max = -1;
      long open = -1;
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
        max = unix.getMaxFileDescriptorCount();
        open = unix.getOpenFileDescriptorCount();
      }
      return new Capacity(max, open, Runtime.getRuntime().maxMemory());
    }
  }

  private Preflight() {}

  /**
   * Refuses a run that cannot fit, and says through {@code notices} when one comes close.
   *
   * @throws ResourceShortageException naming what is short, by how much, and what to change
   */
  static void check(Demand demand, Capacity capacity, Consumer<String> notices) {
    List<String> shortages = new ArrayList<>();
    files(demand, capacity, notices).ifPresent(shortages::add);
    heap(demand, capacity, notices).ifPresent(shortages::add);
    if (!shortages.isEmpty()) {
      throw new ResourceShortageException(String.join("; ", shortages));
    }
  }

  private static Optional<String> files(Demand demand, Capacity capacity, Consumer<String> notices) {
    if (demand.connections() == 0 || capacity.maxFiles() < 0) {
      return Optional.empty();
    }
    long available = capacity.maxFiles() - Math.max(0, capacity.openFiles()) - BASE_FILES;
    String what = Units.count(demand.connections()) + " connections, but this process may open at most "
        + Units.count(capacity.maxFiles()) + " files (" + Units.count(capacity.openFiles()) + " already open)";
    if (demand.connections() > available) {
      return Optional.of("the run asks for " + what + ": raise the limit (ulimit -n "
          + Units.count(suggestedLimit(demand.connections())).replace(",", "") + ") or lower http.connections (--connections)");
    }
    if (demand.connections() > CLOSE * available) {
      notices.accept("the run asks for " + what + "; a second target or a slow close would run out");
    }
    return Optional.empty();
  }

  private static long suggestedLimit(long connections) {
    long wanted = 2 * (connections + BASE_FILES);
    long limit = 1024;
    while (limit < wanted) {
      limit *= 2;
    }
    return limit;
  }

  private static Optional<String> heap(Demand demand, Capacity capacity, Consumer<String> notices) {
    long estimate = estimatedHeapBytes(demand);
    String what = Units.count(demand.users()) + " users and " + Units.count(demand.connections())
        + " connections need about " + mib(estimate) + " of heap, and the maximum heap is "
        + mib(capacity.maxHeapBytes());
    if (estimate > capacity.maxHeapBytes()) {
      return Optional.of(what + ": give Java more (PLIMSOLL_JAVA_OPTS=-Xmx" + Math.max(1, 2 * estimate >> 30)
          + "g) or ask for fewer users");
    }
    if (estimate > CLOSE * capacity.maxHeapBytes()) {
      notices.accept(what + "; the run may spend its time collecting garbage, or run out");
    }
    return Optional.empty();
  }

  static long estimatedHeapBytes(Demand demand) {
    return BASE_HEAP_BYTES + demand.users() * HEAP_PER_USER_BYTES
        + demand.connections() * HEAP_PER_CONNECTION_BYTES;
  }

  private static String mib(long bytes) {
    return Units.count(bytes >> 20) + " MiB";
  }
}
