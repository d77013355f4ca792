package dev.plimsoll.core.metrics;

import java.time.Instant;

/**
 * Heap in use just after a garbage collection, as the collector reported it. The young
 * generation's garbage is gone then; after a collection of the whole heap (a full or major
 * collection, a ZGC or Shenandoah cycle) so is the old generation's, and what is left is live
 * data. After a young collection, garbage already promoted to the old generation still counts.
 *
 * @param time when the collection ended, on the run's wall clock
 * @param bytes heap in use after it, every heap pool together
 * @param wholeHeap whether the collection covered the whole heap
 */
public record HeapAfterGc(Instant time, long bytes, boolean wholeHeap) {}
