package dev.plimsoll.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scheduled fault: it begins {@link #at} a time from the start of the run and ends at
 * {@link #until} (or lasts to the end). The result reports, for each fault, how long delivery took
 * to recover once it ended ({@link Recovery}).
 *
 * <pre>{@code
 * Fault.partition(Duration.ofSeconds(60), Duration.ofSeconds(90));           // halves, both ways
 * Fault.partition(Duration.ofSeconds(60), Duration.ofSeconds(90)).oneWay(); // first half cannot reach the rest
 * Fault.crash(3, Duration.ofSeconds(120)).restartAt(Duration.ofSeconds(150));
 * }</pre>
 */
public sealed interface Fault {

  /** When the fault begins, from the start of the run. */
  Duration at();

  /** When it ends, if it does. */
  Optional<Duration> until();

  /** In words, for the result. */
  String describe();

  /** The network split in two: the first half of the nodes (by id) and the rest, from {@code at} to {@code healAt}. */
  static Partition partition(Duration at, Duration healAt) {
    return new Partition(at, healAt, Set.of(), false, Set.of(), false);
  }

  /** {@code count} nodes, chosen with the run's seed, crash at {@code at} and stay down. */
  static Crash crash(int count, Duration at) {
    return new Crash(count, at, null);
  }

  /**
   * {@code count} nodes, chosen with the run's seed, pause at {@code at} (a long GC pause, a frozen
   * VM) and resume at {@code resumeAt}: meanwhile they run no handler and send nothing, and what
   * reaches them waits, to be handled in order when they resume.
   */
  static Pause pause(int count, Duration at, Duration resumeAt) {
    return new Pause(count, at, resumeAt);
  }

  /**
   * Messages between {@code side} and the other nodes are dropped while it lasts; only those from
   * {@code side} to the rest with {@code fromSideOnly} (a one-way partition). An empty side means the first half of the nodes.
   *
   * @param healAt when it heals, or null for never
   */
  record Partition(Duration at, Duration healAt, Set<Integer> side, boolean fromSideOnly, Set<Integer> bridge,
      boolean holding) implements Fault {
    public Partition {
      Checks.nonNegative(at, "partition.at");
      Checks.require(healAt == null || healAt.compareTo(at) > 0, "partition.healAt",
          "must be after partition.at " + Checks.text(at) + " (was " + Checks.text(healAt) + ")");
      Checks.require(!holding || healAt != null, "partition.holdInFlight", "needs a healAt to release them");
      side = Set.copyOf(new TreeSet<>(side));
      bridge = Set.copyOf(new TreeSet<>(bridge));
    }

    /** Only messages from the side to the rest are dropped; the other way still works. */
    public Partition oneWay() {
      return new Partition(at, healAt, side, true, bridge, holding);
    }

    /** These nodes on one side, every other node on the other. */
    public Partition side(Set<Integer> nodes) {
      return new Partition(at, healAt, nodes, fromSideOnly, bridge, holding);
    }

    /** These nodes still reach, and are reached from, both sides (a bridge partition). */
    public Partition bridge(Set<Integer> nodes) {
      return new Partition(at, healAt, side, fromSideOnly, nodes, holding);
    }

    /**
     * Messages that would cross are held rather than dropped, and delivered, in order, when the
     * partition heals (as a network that buffers through an outage); they count as delayed.
     */
    public Partition holdInFlight() {
      return new Partition(at, healAt, side, fromSideOnly, bridge, true);
    }

    @Override
    public Optional<Duration> until() {
      return Optional.ofNullable(healAt);
    }

    @Override
    public String describe() {
      String who = side.isEmpty() ? "first half | rest" : new TreeSet<>(side) + " | rest";
      return (fromSideOnly ? "one-way partition " : "partition ") + who
          + (bridge.isEmpty() ? "" : ", bridged by " + new TreeSet<>(bridge)) + " at " + Checks.text(at)
          + (healAt == null ? "" : ", healed at " + Checks.text(healAt))
          + (holding ? ", holding messages until then" : "");
    }
  }

  /**
   * {@code count} nodes, chosen with the run's seed, stop at {@code at}: they receive and send
   * nothing, and lose what their protocol kept in memory. With {@code restartAt} they start afresh.
   */
  record Crash(int count, Duration at, Duration restartAt) implements Fault {
    public Crash {
      Checks.require(count > 0, "crash.count", "must be > 0 (was " + count + ")");
      Checks.nonNegative(at, "crash.at");
      Checks.require(restartAt == null || restartAt.compareTo(at) > 0, "crash.restartAt",
          "must be after crash.at " + Checks.text(at) + " (was " + Checks.text(restartAt) + ")");
    }

    public Crash restartAt(Duration when) {
      return new Crash(count, at, when);
    }

    @Override
    public Optional<Duration> until() {
      return Optional.ofNullable(restartAt);
    }

    @Override
    public String describe() {
      return "crash " + count + (count == 1 ? " node" : " nodes") + " at " + Checks.text(at)
          + (restartAt == null ? "" : ", restarted at " + Checks.text(restartAt));
    }
  }

  /** See {@link Fault#pause}. */
  record Pause(int count, Duration at, Duration resumeAt) implements Fault {
    public Pause {
      Checks.require(count > 0, "pause.count", "must be > 0 (was " + count + ")");
      Checks.nonNegative(at, "pause.at");
      Checks.require(resumeAt != null && resumeAt.compareTo(at) > 0, "pause.resumeAt",
          "must be after pause.at " + Checks.text(at) + " (was " + Checks.text(resumeAt) + ")");
    }

    @Override
    public Optional<Duration> until() {
      return Optional.of(resumeAt);
    }

    @Override
    public String describe() {
      return "pause " + count + (count == 1 ? " node" : " nodes") + " at " + Checks.text(at) + ", resumed at "
          + Checks.text(resumeAt);
    }
  }
}
