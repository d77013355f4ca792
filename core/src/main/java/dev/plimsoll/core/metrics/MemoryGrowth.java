package dev.plimsoll.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trend of heap after garbage collection over a run's measured time, in MB per minute (1 MB =
 * 1024 × 1024 bytes), with its 95 % confidence interval.
 *
 * <p>Heap in use climbs as a program allocates and drops at each collection, so its trend says
 * nothing about leaks until the drops are taken: only heap just after a collection tells data
 * that stays from garbage. The slope is fitted by least squares through the readings taken during
 * the measured time (never the warm-up's): through those after collections of the whole heap when
 * there are at least {@link #MIN_COLLECTIONS} of them ({@link Basis#WHOLE_HEAP}), otherwise
 * through those after every collection ({@link Basis#AFTER_ANY_COLLECTION}), which count garbage
 * promoted to the old generation until an old collection takes it, and so lean high.
 *
 * <p>A slope from a few collections or a few seconds mostly shows one-time growth (caches,
 * connection pools, compiled code's data) as if it went on for ever, so the trend is
 * {@linkplain #judgeable() judged} only from {@link #MIN_COLLECTIONS} collections spread over at
 * least {@link #MIN_SPAN}; a shorter run is too short to judge.
 *
 * @param mbPerMinute the least-squares slope; NaN with fewer than two readings
 * @param marginMbPerMinute half the width of the slope's 95 % confidence interval; NaN with
 *     fewer than three readings, or in a result written before it was measured
 * @param collections how many readings the fit used; -1 when not recorded
 * @param span from the first reading used to the last
 * @param basis which readings the fit used
 */
public record MemoryGrowth(
    double mbPerMinute, double marginMbPerMinute, int collections, Duration span, Basis basis) {

  /** The fewest readings a trend is judged from. */
  public static final int MIN_COLLECTIONS = 5;

  /** The shortest time, first reading to last, a trend is judged over. */
  public static final Duration MIN_SPAN = Duration.ofSeconds(30);

  /** No reading: no collection happened in the measured time. */
  public static final MemoryGrowth NONE =
      new MemoryGrowth(Double.NaN, Double.NaN, 0, Duration.ZERO, Basis.NONE);

  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  /** Which readings of heap after collection the trend was fitted through. */
  public enum Basis {
    /** After collections of the whole heap only: live data. */
    WHOLE_HEAP,
    /** After every collection, young ones included: live data plus promoted garbage. */
    AFTER_ANY_COLLECTION,
    /** None: no collection in the measured time. */
    NONE,
    /** Not recorded: a result written by an older Plimsoll, whose slope was of heap in use. */
    UNRECORDED
  }

  public MemoryGrowth {
    span = span == null ? Duration.ZERO : span;
    basis = basis == null ? Basis.UNRECORDED : basis;
  }

  /** A slope from a result written before anything but the slope was recorded. */
  public static MemoryGrowth unrecorded(double mbPerMinute) {
    return new MemoryGrowth(mbPerMinute, Double.NaN, -1, Duration.ZERO, Basis.UNRECORDED);
  }

  /**
   * The trend of {@code readings} taken from {@code from} to {@code to} (both included); readings
   * outside are left out.
   */
  public static MemoryGrowth of(List<HeapAfterGc> readings, Instant from, Instant to) {
    List<HeapAfterGc> inWindow = new ArrayList<>();
    List<HeapAfterGc> wholeHeap = new ArrayList<>();
    for (HeapAfterGc r : readings) {
      if (r.bytes() >= 0 && !r.time().isBefore(from) && !r.time().isAfter(to)) {
        inWindow.add(r);
        if (r.wholeHeap()) {
          wholeHeap.add(r);
        }
      }
    }
    if (inWindow.isEmpty()) {
      return NONE;
    }
    boolean whole = wholeHeap.size() >= MIN_COLLECTIONS;
    List<HeapAfterGc> used = whole ? wholeHeap : inWindow;
    used.sort((a, b) -> a.time().compareTo(b.time()));
    double[] seconds = new double[used.size()];
    double[] mb = new double[used.size()];
    Instant origin = used.get(0).time();
    for (int i = 0; i < used.size(); i++) {
      seconds[i] = Duration.between(origin, used.get(i).time()).toNanos() / 1e9;
      mb[i] = used.get(i).bytes() / BYTES_PER_MB;
    }
    LeastSquares.Fit fit = LeastSquares.fit(seconds, mb);
    return new MemoryGrowth(fit.slope() * 60, fit.margin() * 60, used.size(),
        Duration.between(origin, used.get(used.size() - 1).time()),
        whole ? Basis.WHOLE_HEAP : Basis.AFTER_ANY_COLLECTION);
  }

  /** Whether there is enough to judge: {@link #MIN_COLLECTIONS} readings over {@link #MIN_SPAN}. */
  public boolean judgeable() {
    return (basis == Basis.WHOLE_HEAP || basis == Basis.AFTER_ANY_COLLECTION)
        && collections >= MIN_COLLECTIONS
        && span.compareTo(MIN_SPAN) >= 0
        && !Double.isNaN(marginMbPerMinute);
  }

  /** The low end of the 95 % confidence interval; NaN when there is none. */
  public double lowerMbPerMinute() {
    return mbPerMinute - marginMbPerMinute;
  }

  /** The high end of the 95 % confidence interval; NaN when there is none. */
  public double upperMbPerMinute() {
    return mbPerMinute + marginMbPerMinute;
  }
}
