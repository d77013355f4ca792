package dev.plimsoll.core.metrics;

import java.time.Instant;

/**
 * The heap still in use after a full collection, at one moment: the only reading of heap that
 * tells live data from garbage. The engine takes one just before the load starts and one just
 * after it has drained, so that memory growth compares live heap even in runs too short to see a
 * collection, without pausing the measured part of the run.
 *
 * @param time when it was read, on the run's wall clock
 * @param bytes heap in use after the collection
 */
public record LiveHeap(Instant time, long bytes) {}
