package dev.plimsoll.sim;

import java.util.concurrent.atomic.AtomicLongArray;

/** Every node's counters in one array, written by whichever thread sees the event. */
final class Counters {
  static final int SENT = 0;
  static final int RECEIVED = 1;
  static final int LOST = 2;
  static final int DUPLICATED = 3;
  static final int DELAYED = 4;
  static final int DELIVERED = 5;
  private static final int KINDS = 6;

  private final AtomicLongArray values;
  private final int nodes;

  Counters(int nodes) {
    this.nodes = nodes;
    this.values = new AtomicLongArray(nodes * KINDS);
  }

  void add(int node, int kind) {
    values.getAndIncrement(node * KINDS + kind);
  }

  long get(int node, int kind) {
    return values.get(node * KINDS + kind);
  }

  NodeCounters of(int node) {
    return new NodeCounters(node, get(node, SENT), get(node, RECEIVED), get(node, LOST), get(node, DUPLICATED),
        get(node, DELAYED), get(node, DELIVERED));
  }

  NodeCounters total() {
    long[] sum = new long[KINDS];
    for (int n = 0; n < nodes; n++) {
      for (int k = 0; k < KINDS; k++) {
        sum[k] += values.get(n * KINDS + k);
      }
    }
    return new NodeCounters(-1, sum[SENT], sum[RECEIVED], sum[LOST], sum[DUPLICATED], sum[DELAYED], sum[DELIVERED]);
  }
}
