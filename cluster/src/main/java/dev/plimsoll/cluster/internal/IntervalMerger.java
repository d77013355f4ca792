package dev.plimsoll.cluster.internal;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the workers' snapshots of each interval into one, and hands the merged intervals on in
 * index order, each as soon as every worker still expected has sent its own. A worker stops being
 * expected for the intervals after its last (it has {@linkplain #finished finished}), or from the
 * moment it is {@linkplain #lost lost}; what a lost worker sent before is kept, since it was
 * measured. Not thread-safe: one thread (the coordinator's) calls it.
 *
 * @param <W> how workers are told apart
 */
public final class IntervalMerger<W> {
  private final Set<W> workers;
  /** Workers neither finished nor lost: every interval waits for each of them. */
  private final Set<W> open;
  private final Set<W> lost = new LinkedHashSet<>();
  /** A finished worker's last interval index (-1: it sent none). */
  private final Map<W, Integer> lastIndex = new HashMap<>();
  private final Map<W, Integer> highestSent = new HashMap<>();
  private final TreeMap<Integer, Map<W, IntervalSnapshot>> pending = new TreeMap<>();
  private int next;

  public IntervalMerger(Set<W> workers) {
    this.workers = Set.copyOf(workers);
    this.open = new HashSet<>(workers);
  }

  /** Adds a worker's snapshot; returns the merged intervals now complete, in order. */
  public List<IntervalSnapshot> add(W worker, IntervalSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (!workers.contains(worker)) {
      throw new IllegalArgumentException("not a worker of this run: " + worker);
    }
    if (snapshot.index() < next || lost.contains(worker)) {
      // Late (its interval was already handed on without it) or from a worker given up on: the
      // interval went on without it, and its data cannot be added after the fact.
      return List.of();
    }
    highestSent.merge(worker, snapshot.index(), Math::max);
    pending.computeIfAbsent(snapshot.index(), i -> new HashMap<>()).put(worker, snapshot);
    return ready();
  }

  /** The worker has sent its last interval; intervals after it no longer wait for it. */
  public List<IntervalSnapshot> finished(W worker) {
    lastIndex.put(worker, highestSent.getOrDefault(worker, -1));
    open.remove(worker);
    return ready();
  }

  /** The worker is gone; no interval waits for it from now on. */
  public List<IntervalSnapshot> lost(W worker) {
    if (!lastIndex.containsKey(worker)) {
      lost.add(worker);
    }
    open.remove(worker);
    return ready();
  }

  /** The first interval index not yet handed on. */
  public int nextIndex() {
    return next;
  }

  /** The highest interval index the worker has sent, or -1. */
  public int highestSent(W worker) {
    return highestSent.getOrDefault(worker, -1);
  }

  /** Whether every worker has finished or been lost. */
  public boolean allDone() {
    for (W w : workers) {
      if (!lost.contains(w) && !lastIndex.containsKey(w)) {
        return false;
      }
    }
    return true;
  }

  /** Hands on every interval still waiting, with what it has: the run is over. */
  public List<IntervalSnapshot> drain() {
    List<IntervalSnapshot> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      Map.Entry<Integer, Map<W, IntervalSnapshot>> first = pending.pollFirstEntry();
      next = first.getKey() + 1;
      out.add(merge(first.getValue()));
    }
    return out;
  }

  private List<IntervalSnapshot> ready() {
    List<IntervalSnapshot> out = new ArrayList<>();
    while (true) {
      Map<W, IntervalSnapshot> sent = pending.get(next);
      if (sent == null) {
        // Nothing for this index: either not yet sent, or no worker will ever send it.
        if (pending.isEmpty() || !open.isEmpty() || !waitedFor(next).isEmpty()) {
          return out;
        }
        next++;
        continue;
      }
      // Fewer sent than workers still open: one of those is missing. Checked first, it spares the
      // whole check (a pass over every worker) for each of a large fleet's snapshots but the last.
      if (sent.size() < open.size() || !sent.keySet().containsAll(waitedFor(next))) {
        return out;
      }
      pending.remove(next);
      next++;
      out.add(merge(sent));
    }
  }

  /** The workers interval {@code index} waits for. */
  private Set<W> waitedFor(int index) {
    Set<W> expected = new LinkedHashSet<>();
    for (W w : workers) {
      Integer last = lastIndex.get(w);
      if (!lost.contains(w) && (last == null || index <= last)) {
        expected.add(w);
      }
    }
    return expected;
  }

  /** The workers' snapshots of one interval, in a fixed order (so the merge is reproducible). */
  private IntervalSnapshot merge(Map<W, IntervalSnapshot> sent) {
    List<IntervalSnapshot> parts = new ArrayList<>(sent.values());
    parts.sort((a, b) -> a.start().compareTo(b.start()));
    return IntervalSnapshot.mergeAll(parts);
  }
}
