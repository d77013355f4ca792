package dev.plimsoll.sim;

import java.util.List;

/**
 * The shape of the simulated network, for the result.
 *
 * @param connections undirected connections (each is a link in both directions)
 */
public record Topology(int nodes, int connections, int minDegree, int maxDegree, double meanDegree) {

  static Topology of(int nodes, List<int[]> edges) {
    int[] degree = new int[nodes];
    for (int[] e : edges) {
      degree[e[0]]++;
      degree[e[1]]++;
    }
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int d : degree) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return new Topology(nodes, edges.size(), nodes == 0 ? 0 : min, max, nodes == 0 ? 0 : 2.0 * edges.size() / nodes);
  }

  /** In words, for reports. */
  public String describe() {
    return nodes + " nodes, " + connections + " connections (degree " + minDegree + "-" + maxDegree + ", mean "
        + String.format(java.util.Locale.ROOT, "%.1f", meanDegree) + ")";
  }
}
