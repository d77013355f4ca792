package dev.plimsoll.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A rate profile laid out over a run: consecutive pieces whose rate changes linearly, each of which
 * may begin with an impulse (a number of arrivals at one instant, for bursts). Its integral
 * Λ(t), the expected number of arrivals by time t, is what arrival schedules invert: uniform
 * arrivals happen where Λ crosses k − ½, Poisson arrivals where it crosses a sum of unit
 * exponentials.
 */
public final class RatePlan {

  private final double[] start;
  private final double[] end;
  private final double[] fromRate;
  private final double[] toRate;
  private final double[] impulse;
  /** Λ just before each piece's impulse. */
  private final double[] cumulativeBefore;

  private RatePlan(List<double[]> pieces) {
    int n = pieces.size();
    start = new double[n];
    end = new double[n];
    fromRate = new double[n];
    toRate = new double[n];
    impulse = new double[n];
    cumulativeBefore = new double[n];
    double cumulative = 0;
    for (int i = 0; i < n; i++) {
      double[] p = pieces.get(i);
      start[i] = p[0];
      end[i] = p[1];
      fromRate[i] = p[2];
      toRate[i] = p[3];
      impulse[i] = p[4];
      cumulativeBefore[i] = cumulative;
      cumulative += impulse[i] + (fromRate[i] + toRate[i]) / 2 * (end[i] - start[i]);
    }
  }

  /** Builds a plan piece by piece, in time order, from t = 0. */
  static final class Builder {
    private final List<double[]> pieces = new ArrayList<>();
    private double time;

    /** A piece of {@code seconds} whose rate goes linearly from {@code from} to {@code to}. */
    Builder linear(double seconds, double from, double to) {
      pieces.add(new double[] {time, time + seconds, from, to, 0});
      time += seconds;
      return this;
    }

    /** {@code count} arrivals at the current instant. */
    Builder impulse(double count) {
      pieces.add(new double[] {time, time, 0, 0, count});
      return this;
    }

    double time() {
      return time;
    }

    RatePlan build() {
      return new RatePlan(pieces);
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** The length of the plan in seconds. */
  public double durationSeconds() {
    return start.length == 0 ? 0 : end[end.length - 1];
  }

  /** The instantaneous rate at {@code seconds} (impulses excluded); 0 outside the plan. */
  public double ratePerSecond(double seconds) {
    int i = pieceAt(seconds);
    if (i < 0) {
      return 0;
    }
    return rateWithin(i, seconds - start[i]);
  }

  /** Λ(t): the expected number of arrivals in [0, t], impulses at t included. */
  public double cumulative(double seconds) {
    double total = 0;
    for (int i = 0; i < start.length && start[i] <= seconds; i++) {
      double within = Math.min(seconds, end[i]) - start[i];
      total = cumulativeBefore[i] + impulse[i] + within * (fromRate[i] + rateWithin(i, within)) / 2;
    }
    return total;
  }

  /** The expected number of arrivals in (from, to]. */
  public double expectedArrivals(double fromSeconds, double toSeconds) {
    return cumulative(toSeconds) - cumulative(fromSeconds);
  }

  /** Λ over the whole plan. */
  public double totalArrivals() {
    return cumulative(durationSeconds());
  }

  /**
   * The arrival times of an open model over this plan, one per call, as seconds from its start; NaN
   * once the plan has no more. Each call of this method starts a new schedule, the same for the
   * same {@code seed}.
   */
  public DoubleSupplier arrivalTimes(Arrivals arrivals, long seed) {
    return new ArrivalSchedule(this, arrivals, seed);
  }

  /**
   * This plan up to {@code seconds}, then {@code perSecond} held to its end: the plan of a run
   * whose rate was changed at {@code seconds} while it went. Impulses at or after {@code seconds}
   * are left out.
   */
  public RatePlan withRateFrom(double seconds, double perSecond) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a finite number >= 0 (was " + perSecond + ")");
    }
    List<double[]> pieces = new ArrayList<>();
    double at = Math.max(0, seconds);
    for (int i = 0; i < start.length && start[i] < at; i++) {
      double pieceEnd = Math.min(end[i], at);
      pieces.add(new double[] {start[i], pieceEnd, fromRate[i], rateWithin(i, pieceEnd - start[i]), impulse[i]});
    }
    double total = durationSeconds();
    if (at < total) {
      pieces.add(new double[] {at, total, perSecond, perSecond, 0});
    }
    return new RatePlan(pieces);
  }

  /**
   * The arrival times of {@link #arrivalTimes} from {@code seconds} on, for a schedule continued
   * over this plan from that moment (after {@link #withRateFrom}): uniform arrivals are exactly
   * those of a whole schedule at or after {@code seconds}; Poisson arrivals start afresh from it,
   * which, the process being memoryless, is the same process.
   */
  public DoubleSupplier arrivalTimesFrom(Arrivals arrivals, long seed, double seconds) {
    ArrivalSchedule schedule = new ArrivalSchedule(this, arrivals, seed, cumulative(seconds));
    return () -> {
      double at;
      do {
        at = schedule.next();
      } while (at < seconds); // an arrival of Λ's level at a flat stretch before the moment
      return at;
    };
  }

  /**
   * The earliest time at which Λ reaches {@code target}, searching from piece {@code cursor[0]}
   * onwards and leaving there the piece found, so that a schedule walking forward costs O(1) per
   * arrival. Returns NaN when Λ never reaches the target within the plan.
   */
  double timeOfCumulative(double target, int[] cursor) {
    for (int i = cursor[0]; i < start.length; i++) {
      double atImpulseEnd = cumulativeBefore[i] + impulse[i];
      if (target <= atImpulseEnd) {
        cursor[0] = i;
        return start[i];
      }
      double afterPiece = i + 1 < start.length ? cumulativeBefore[i + 1] : totalArrivals();
      if (target <= afterPiece) {
        cursor[0] = i;
        return start[i] + timeWithin(i, target - atImpulseEnd);
      }
    }
    cursor[0] = start.length;
    return Double.NaN;
  }

  /** Solves a·x + b·x²/2 = area for x within piece i (rate a + b·x). */
  private double timeWithin(int i, double area) {
    double length = end[i] - start[i];
    double a = fromRate[i];
    double b = length == 0 ? 0 : (toRate[i] - fromRate[i]) / length;
    double x;
    if (Math.abs(b) < 1e-12) {
      x = area / a;
    } else {
      // The numerically stable root of b/2·x² + a·x − area = 0.
      x = 2 * area / (a + Math.sqrt(Math.max(0, a * a + 2 * b * area)));
    }
    return Math.min(Math.max(x, 0), length);
  }

  private double rateWithin(int i, double within) {
    double length = end[i] - start[i];
    return length == 0 ? fromRate[i] : fromRate[i] + (toRate[i] - fromRate[i]) * within / length;
  }

  private int pieceAt(double seconds) {
    for (int i = 0; i < start.length; i++) {
      if (seconds >= start[i] && seconds < end[i]) {
        return i;
      }
    }
    return -1;
  }
}
