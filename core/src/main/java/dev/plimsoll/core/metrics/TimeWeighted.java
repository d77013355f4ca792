package dev.plimsoll.core.metrics;

import java.time.Duration;
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
    return running(points).average();
  }

  /**
   * The highest {@linkplain #average average} over consecutive stretches of at least
   * {@link #SHORTEST_PEAK_STRETCH}; a run shorter than that is one stretch. -1 when no value is
   * known.
   */
  static double peak(List<Point> points) {
    return running(points).peak();
  }

  private static Running running(List<Point> points) {
    Running running = new Running();
    points.forEach(p -> running.add(p.length, p.value));
    return running;
  }

  /**
   * {@link #average} and {@link #peak} of points added one at a time, in constant memory: a run's
   * summary is kept up to date every interval however long it runs.
   */
  static final class Running {
    private final Stretch all = new Stretch();
    private final Stretch open = new Stretch();
    private int openPoints;
    private Stretch last;
    private double peakBeforeLast = -1;

    void add(Duration length, double value) {
      long nanos = length == null || length.isNegative() ? 0 : length.toNanos();
      all.add(nanos, value);
      open.add(nanos, value);
      openPoints++;
      if (open.nanos >= SHORTEST_PEAK_STRETCH.toNanos()) {
        if (last != null) {
          peakBeforeLast = Math.max(peakBeforeLast, last.average());
        }
        last = open.copy();
        open.clear();
        openPoints = 0;
      }
    }

    double average() {
      return all.average();
    }

    /** A short remainder joins the last whole stretch; a run with no whole stretch is one stretch. */
    double peak() {
      if (openPoints > 0) {
        if (last == null) {
          return open.average();
        }
        Stretch joined = last.copy();
        joined.join(open);
        return Math.max(peakBeforeLast, joined.average());
      }
      return last == null ? -1 : Math.max(peakBeforeLast, last.average());
    }
  }

  /** Weighted sums over a stretch of time; only known values count toward its average. */
  private static final class Stretch {
    private double weighted;
    private long knownNanos;
    private long nanos;

    void add(long length, double value) {
      if (value >= 0 && length > 0) {
        weighted += value * length;
        knownNanos += length;
      }
      nanos += length;
    }

    void join(Stretch other) {
      weighted += other.weighted;
      knownNanos += other.knownNanos;
      nanos += other.nanos;
    }

    double average() {
      return knownNanos == 0 ? -1 : weighted / knownNanos;
    }

    Stretch copy() {
      Stretch copy = new Stretch();
      copy.join(this);
      return copy;
    }

    void clear() {
      weighted = 0;
      knownNanos = 0;
      nanos = 0;
    }
  }
}
