package dev.plimsoll.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Readings of heap after collection, at most {@link #MAX} of them however long the run: when full,
 * every second reading is dropped and from then on only every second one is kept (then every
 * fourth, and so on). A trend needs readings spread over the run, not every one, and a soak run
 * collecting several times a second must not grow its own heap keeping them.
 */
final class ThinnedReadings {

  /** The most readings kept. */
  static final int MAX = 4096;

  private final List<HeapAfterGc> kept = new ArrayList<>();
  private long offered;
  private long stride = 1;

  void add(HeapAfterGc reading) {
    if (offered++ % stride != 0) {
      return;
    }
    if (kept.size() == MAX) {
      for (int i = 0; i < MAX / 2; i++) {
        kept.set(i, kept.get(2 * i));
      }
      kept.subList(MAX / 2, MAX).clear();
      stride *= 2;
      if ((offered - 1) % stride != 0) {
        return;
      }
    }
    kept.add(reading);
  }

  /** The readings kept, in the order offered. */
  List<HeapAfterGc> list() {
    return kept;
  }
}
