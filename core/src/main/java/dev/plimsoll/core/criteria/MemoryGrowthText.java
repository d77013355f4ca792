package dev.plimsoll.core.criteria;

import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.units.Units;
import java.time.Duration;

/** Memory growth in words, the same in verdicts and reports. */
public final class MemoryGrowthText {
  private MemoryGrowthText() {}

  /**
   * {@code 0.41 ± 1.2 MB/min (95% confidence; heap after 14 collections over 2m10s)}, or why the
   * run is too short to judge: {@code too short to judge: 4 collections over 14s (needs 5 over
   * 30s)}. A slope from an older result, which recorded nothing else, is shown alone.
   */
  public static String describe(MemoryGrowth growth) {
    return switch (growth.basis()) {
      case UNRECORDED -> Units.decimal(growth.mbPerMinute()) + " MB/min";
      case NONE -> "too short to judge: no garbage collection in the measured time";
      case WHOLE_HEAP, AFTER_ANY_COLLECTION -> growth.judgeable()
          ? Units.decimal(growth.mbPerMinute()) + " ± " + Units.decimal(growth.marginMbPerMinute())
              + " MB/min (95% confidence; heap after " + readings(growth) + ")"
          : "too short to judge: " + readings(growth) + " (needs " + MemoryGrowth.MIN_COLLECTIONS
              + " over " + Units.formatDuration(MemoryGrowth.MIN_SPAN) + ")";
    };
  }

  private static String readings(MemoryGrowth growth) {
    int n = growth.collections();
    String kind = growth.basis() == MemoryGrowth.Basis.WHOLE_HEAP ? " full collection" : " collection";
    String count = n + kind + (n == 1 ? "" : "s");
    return n < 2 ? count : count + " over " + Units.formatDuration(shown(growth.span()));
  }

  /** Whole seconds from a second on, whole milliseconds below. */
  private static Duration shown(Duration d) {
    return d.compareTo(Duration.ofSeconds(1)) >= 0
        ? Duration.ofSeconds(Math.round(d.toMillis() / 1000.0))
        : Duration.ofMillis(d.toMillis());
  }
}
