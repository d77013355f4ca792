package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Averages and peaks of a rate measured over intervals of different lengths (a CPU share), each
 * interval weighted by its length. Values below 0 are unknown and skipped, with their time.
 *
 * <p>A run's last interval is cut wherever the run stops, often a few milliseconds long, and a
 * share read over a few milliseconds says little: /proc/stat counts in 10 ms ticks, and the
 * stop's own work (closing connections, waking threads) can fill so short a stretch. So a peak is
 * read over stretches of at least {@link #SHORTEST_PEAK_STRETCH}: an interval shorter than that
 * is joined with its neighbours (time-weighted) until the stretch is long enough, and a short
 * remainder at the end joins the stretch before it.
 */
final class TimeWeighted {
  private TimeWeighted() {}

  /**
   * The shortest stretch of time a peak is read over: 20 of /proc/stat's 10 ms ticks per
   * processor, so one tick more or less moves a machine share by at most 5 %, while a run's
   * ordinary intervals (1 s by default) stand alone.
   */
  static final Duration SHORTEST_PEAK_STRETCH = Duration.ofMillis(200);

  /** One interval's length and value; a value below 0 is unknown. */
  record Point(Duration length, double value) {}

  /** The mean of the known values weighted by their intervals' lengths; -1 when none is known. */
  static double average(List<Point> points) {
    double weighted = 0;
    long nanos = 0;
    for (Point p : points) {
      if (p.value >= 0 && nanos(p) > 0) {
        weighted += p.value * nanos(p);
        nanos += nanos(p);
      }
    }
    return nanos == 0 ? -1 : weighted / nanos;
  }

  /**
   * The highest {@linkplain #average average} over consecutive stretches of at least
   * {@link #SHORTEST_PEAK_STRETCH}; a run shorter than that is one stretch. -1 when no value is
   * known.
   */
  static double peak(List<Point> points) {
    List<List<Point>> stretches = new ArrayList<>();
    List<Point> current = new ArrayList<>();
    long currentNanos = 0;
    for (Point p : points) {
      current.add(p);
      currentNanos += nanos(p);
      if (currentNanos >= SHORTEST_PEAK_STRETCH.toNanos()) {
        stretches.add(current);
        current = new ArrayList<>();
        currentNanos = 0;
      }
    }
    if (!current.isEmpty()) {
      if (stretches.isEmpty()) {
        stretches.add(current);
      } else {
        stretches.get(stretches.size() - 1).addAll(current);
      }
    }
    double peak = -1;
    for (List<Point> stretch : stretches) {
      peak = Math.max(peak, average(stretch));
    }
    return peak;
  }

  private static long nanos(Point p) {
    return p.length == null || p.length.isNegative() ? 0 : p.length.toNanos();
  }
}
