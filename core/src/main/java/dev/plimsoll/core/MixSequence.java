package dev.plimsoll.core;

import java.util.PriorityQueue;

/**
 * Computes the interleaving of a mix. Each operation's j-th pick is a unit job that may not run
 * before it would put the operation ahead of its share by a whole pick, and must run before the
 * operation would fall behind by a whole pick; scheduling these jobs earliest-deadline-first finds
 * a schedule meeting every window whenever one exists, and Tijdeman's chairman-assignment theorem
 * says one always does. (Smooth weighted round-robin, by contrast, can fall behind by more than 1.)
 */
final class MixSequence {
  private MixSequence() {}

  static int[] of(int[] weights) {
    int divisor = gcd(weights);
    int n = weights.length;
    long[] w = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      w[i] = weights[i] / divisor;
      total += w[i];
    }
    int[] sequence = new int[(int) total];
    int[] count = new int[n];
    // Jobs not yet released, by release time; released jobs, by deadline then index.
    PriorityQueue<long[]> pending = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    PriorityQueue<long[]> ready =
        new PriorityQueue<>(
            (a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
    for (int i = 0; i < n; i++) {
      if (w[i] > 0) {
        pending.add(job(i, 1, w[i], total));
      }
    }
    for (int t = 1; t <= total; t++) {
      while (!pending.isEmpty() && pending.peek()[0] <= t) {
        ready.add(pending.poll());
      }
      long[] job = ready.poll();
      int i = (int) job[2];
      sequence[t - 1] = i;
      count[i]++;
      if (count[i] < w[i]) {
        pending.add(job(i, count[i] + 1, w[i], total));
      }
    }
    return sequence;
  }

  /** {release, deadline, index} of operation i's j-th pick (1-based times). */
  private static long[] job(int i, long j, long weight, long total) {
    long release = (j - 1) * total / weight + 1;
    long deadline = (j * total + weight - 1) / weight;
    return new long[] {release, deadline, i};
  }

  static int gcd(int[] values) {
    int g = 0;
    for (int v : values) {
      g = gcd(g, Math.max(v, 0));
    }
    return g == 0 ? 1 : g;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
