package dev.plimsoll.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Who connects to whom: a random graph in which each node gets {@code degree} connections where it
 * can (fewer only when every other node is already full or connected to it), built from the seed.
 * A ring first keeps the graph connected; random chords fill in the rest.
 */
final class Overlay {
  private Overlay() {}

  /** The connections as pairs {@code {a, b}}, in the order they open. */
  static List<int[]> build(int nodes, int degree, SplittableRandom random) {
    int target = Math.min(degree, nodes - 1);
    int[] count = new int[nodes];
    Set<Long> seen = new HashSet<>();
    List<int[]> edges = new ArrayList<>();
    if (target >= 2) {
      for (int i = 0; i < nodes && nodes > 2; i++) {
        add(i, (i + 1) % nodes, count, seen, edges);
      }
    }
    for (int i = 0; i < nodes; i++) {
      int attempts = 0;
      while (count[i] < target && attempts++ < 20 * nodes) {
        int j = random.nextInt(nodes);
        if (j != i && count[j] < target) {
          add(i, j, count, seen, edges);
        }
      }
      // Late nodes may find every other node full: let them exceed the degree rather than stay short.
      while (count[i] < target && attempts++ < 40 * nodes) {
        int j = random.nextInt(nodes);
        if (j != i) {
          add(i, j, count, seen, edges);
        }
      }
    }
    // Shuffled, so a ramp-up opens connections all over the network rather than node by node.
    for (int i = edges.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int[] t = edges.get(i);
      edges.set(i, edges.get(j));
      edges.set(j, t);
    }
    return edges;
  }

  private static void add(int a, int b, int[] count, Set<Long> seen, List<int[]> edges) {
    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    if (seen.add(key)) {
      count[a]++;
      count[b]++;
      edges.add(new int[] {a, b});
    }
  }
}
