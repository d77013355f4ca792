package dev.plimsoll.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulation's faults put on the event loop: partitions cut links while they last, crashes
 * stop nodes and restarts start them afresh. Which nodes crash is drawn with the run's seed when
 * the crash happens, among the nodes up at that moment.
 */
final class FaultSchedule {
  /**
   * A partition in force: who is on the cut-off side, who bridges the sides, whether only that
   * side's sends are cut, and what it holds until it heals. Held messages are the loop's alone.
   */
  private static final class Cut {
    final boolean[] side;
    final boolean[] bridge;
    final boolean oneWay;
    final boolean holds;
    final List<Runnable> held = new ArrayList<>();

    Cut(boolean[] side, boolean[] bridge, boolean oneWay, boolean holds) {
      this.side = side;
      this.bridge = bridge;
      this.oneWay = oneWay;
      this.holds = holds;
    }

    boolean blocks(int from, int to) {
      return side[from] != side[to] && !bridge[from] && !bridge[to] && (!oneWay || side[from]);
    }
  }

  /** When a fault began and ended, from the origin, for the recovery analysis. */
  record Timing(Fault fault, Duration at, Duration until) {}

  private final World world;
  private final SplittableRandom random;
  private volatile List<Cut> cuts = List.of();
  /** The nodes each fault struck, by the fault's place in the schedule: a partition's side, the nodes crashed or paused. */
  private final List<List<Integer>> struck = new ArrayList<>();

  FaultSchedule(World world, SplittableRandom random) {
    this.world = world;
    this.random = random;
  }

  void schedule(long origin) {
    for (Fault fault : world.sim.faults()) {
      List<Integer> hit = new java.util.concurrent.CopyOnWriteArrayList<>();
      struck.add(hit);
      switch (fault) {
        case Fault.Partition p -> {
          boolean[] side = side(p);
          for (int i = 0; i < side.length; i++) {
            if (side[i]) {
              hit.add(i);
            }
          }
          Cut cut = new Cut(side, nodes(p.bridge()), p.fromSideOnly(), p.holding());
          world.later(origin + p.at().toNanos(), () -> change(cut, true));
          if (p.healAt() != null) {
            world.later(origin + p.healAt().toNanos(), () -> change(cut, false));
          }
        }
        case Fault.Pause p -> {
          List<SimNode> paused = new ArrayList<>();
          world.later(origin + p.at().toNanos(), () -> {
            pause(p.count(), paused);
            paused.forEach(n -> hit.add(n.id()));
          });
          world.later(origin + p.resumeAt().toNanos(), () -> paused.forEach(SimNode::resume));
        }
        case Fault.Crash c -> {
          List<SimNode> crashed = new ArrayList<>();
          world.later(origin + c.at().toNanos(), () -> {
            crash(c.count(), crashed);
            crashed.forEach(n -> hit.add(n.id()));
          });
          if (c.restartAt() != null) {
            world.later(origin + c.restartAt().toNanos(), () -> restart(crashed));
          }
        }
      }
    }
  }

  /** The nodes each fault struck so far, in the schedule's order. */
  List<List<Integer>> struck() {
    return struck.stream().map(List::copyOf).toList();
  }

  List<Timing> timings() {
    return world.sim.faults().stream().map(f -> new Timing(f, f.at(), f.until().orElse(null))).toList();
  }

  /** Whether a message from {@code from} can reach {@code to} now: no partition that drops it stands between. */
  boolean reachable(int from, int to) {
    for (Cut cut : cuts) {
      if (!cut.holds && cut.blocks(from, to)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Holds {@code delivery} in a partition that holds what crosses it, to run when it heals;
   * false when none stands between {@code from} and {@code to}. On the event loop.
   */
  boolean held(int from, int to, Runnable delivery) {
    for (Cut cut : cuts) {
      if (cut.holds && cut.blocks(from, to)) {
        cut.held.add(delivery);
        return true;
      }
    }
    return false;
  }

  private boolean[] nodes(Set<Integer> ids) {
    boolean[] in = new boolean[world.size()];
    for (int node : ids) {
      if (node >= 0 && node < in.length) {
        in[node] = true;
      }
    }
    return in;
  }

  private boolean[] side(Fault.Partition p) {
    boolean[] side = new boolean[world.size()];
    if (p.side().isEmpty()) {
      for (int i = 0; i < side.length / 2; i++) {
        side[i] = true;
      }
    } else {
      for (int node : p.side()) {
        if (node >= 0 && node < side.length) {
          side[node] = true;
        }
      }
    }
    return side;
  }

  private void change(Cut cut, boolean on) {
    List<Cut> now = new ArrayList<>(cuts);
    if (on) {
      now.add(cut);
    } else {
      now.remove(cut);
    }
    cuts = List.copyOf(now);
    world.trace.record(Trace.FAULT, on ? 1 : 0, 0, 0);
    if (!on) {
      List<Runnable> release = new ArrayList<>(cut.held);
      cut.held.clear();
      release.forEach(Runnable::run);
    }
  }

  private void pause(int count, List<SimNode> paused) {
    List<SimNode> up = live();
    for (int k = 0; k < count && !up.isEmpty(); k++) {
      SimNode node = up.remove(random.nextInt(up.size()));
      node.pause();
      paused.add(node);
      world.trace.record(Trace.FAULT, 4, node.id(), 0);
    }
  }

  private List<SimNode> live() {
    List<SimNode> up = new ArrayList<>();
    for (int i = 0; i < world.size(); i++) {
      if (world.node(i).isUp() && !world.node(i).isPaused()) {
        up.add(world.node(i));
      }
    }
    return up;
  }

  private void crash(int count, List<SimNode> crashed) {
    List<SimNode> up = live();
    for (int k = 0; k < count && !up.isEmpty(); k++) {
      SimNode victim = up.remove(random.nextInt(up.size()));
      victim.crash();
      crashed.add(victim);
      world.trace.record(Trace.FAULT, 2, victim.id(), 0);
    }
  }

  private void restart(List<SimNode> crashed) {
    for (SimNode node : crashed) {
      node.start(world.sim.protocol().get());
      world.trace.record(Trace.FAULT, 3, node.id(), 0);
    }
  }
}
