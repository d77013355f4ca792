package dev.plimsoll.core.criteria;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Named sets of criteria, for a quick start: {@code production} for a service's real limits and
 * {@code development} for a laptop or a shared CI machine, where only gross regressions should
 * fail. Their memory-growth limit is judged only when the run shows a trend with confidence
 * (see {@link dev.plimsoll.core.metrics.MemoryGrowth}): a short run leaves it not judged rather
 * than failed.
 */
public enum Preset {
  /**
   * {@code p95 < 25ms}, {@code error_rate < 0.1%}, {@code memory_growth < 10MB/min},
   * {@code cpu_avg < 70%} (this process's CPU, as a share of the machine).
   */
  PRODUCTION("p95 < 25ms", "error_rate < 0.1%", "memory_growth < 10MB/min", "cpu_avg < 70%"),
  /**
   * {@code p95 < 250ms}, {@code error_rate < 5%}, {@code memory_growth < 100MB/min}; no CPU limit,
   * since a development machine runs other things too.
   */
  DEVELOPMENT("p95 < 250ms", "error_rate < 5%", "memory_growth < 100MB/min");

  private final List<Criterion> criteria;

  Preset(String... criteria) {
    this.criteria = Stream.of(criteria).map(Criterion::parse).toList();
  }

  /** The preset's criteria, none of them aborting the run. */
  public List<Criterion> criteria() {
    return criteria;
  }

  /** The name {@link #named} accepts: the constant's name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a preset up by its {@link #label()}, case-insensitively.
   *
   * @throws IllegalArgumentException for an unknown name, listing the presets
   */
  public static Preset named(String name) {
    for (Preset preset : values()) {
      if (preset.label().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return preset;
      }
    }
    String allowed = Stream.of(values()).map(Preset::label).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown preset '" + name + "' (allowed: " + allowed + ")");
  }
}
