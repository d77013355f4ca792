package dev.plimsoll.core.system;

import java.util.List;

/**
 * One garbage collector MXBean's cumulative counters: collections and accumulated time in ms,
 * each -1 when the collector does not report it.
 */
record GcCounters(String name, long count, long timeMs) {

  /**
   * Sums collectors into collections and pause time. Concurrent collectors publish two beans
   * each ({@code ZGC Major Cycles} / {@code ZGC Major Pauses}, {@code Shenandoah Cycles} /
   * {@code Shenandoah Pauses}): a "Cycles" bean counts collections but its time is mostly
   * concurrent work, not pause; a "Pauses" bean's time is pause but its count is of pauses. So
   * collections come from the cycles and pause time from the pauses. G1's {@code G1 Concurrent GC}
   * (remark and cleanup pauses of a concurrent cycle) is treated like a "Pauses" bean. Other
   * collectors (G1 young and old, Parallel, Serial) stop the world, so both counters count.
   *
   * @return the totals, named "total", -1 where no collector reported
   */
  static GcCounters total(List<GcCounters> collectors) {
    long count = -1;
    long timeMs = -1;
    for (GcCounters c : collectors) {
      boolean pausesOnly = c.name.endsWith(" Pauses") || c.name.equals("G1 Concurrent GC");
      boolean cyclesOnly = c.name.endsWith(" Cycles");
      if (!pausesOnly && c.count >= 0) {
        count = Math.max(count, 0) + c.count;
      }
      if (!cyclesOnly && c.timeMs >= 0) {
        timeMs = Math.max(timeMs, 0) + c.timeMs;
      }
    }
    return new GcCounters("total", count, timeMs);
  }
}
