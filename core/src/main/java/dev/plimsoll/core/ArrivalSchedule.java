package dev.plimsoll.core;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The intended arrival times of an open model, computed by inverting the plan's expected-arrivals
 * curve Λ(t): uniform arrivals where Λ crosses ½, 1½, 2½, … (so any window gets its expected count
 * to within one), Poisson arrivals where it crosses a running sum of unit exponentials (the
 * time-rescaling construction of an inhomogeneous Poisson process). The engine gets one through
 * {@link RatePlan#arrivalTimes}.
 */
final class ArrivalSchedule implements DoubleSupplier {
  private final RatePlan plan;
  private final Arrivals arrivals;
  private final SplittableRandom random;
  private final int[] cursor = {0};
  private double target;
  private boolean first = true;

  ArrivalSchedule(RatePlan plan, Arrivals arrivals, long seed) {
    this.plan = plan;
    this.arrivals = arrivals;
    this.random = new SplittableRandom(seed);
  }

  /**
   * A schedule that continues from where Λ is {@code cumulative}: its first uniform arrival is
   * at the first crossing of k + ½ at or above it; Poisson arrivals draw afresh from it.
   */
  ArrivalSchedule(RatePlan plan, Arrivals arrivals, long seed, double cumulative) {
    this(plan, arrivals, seed);
    if (arrivals == Arrivals.POISSON) {
      target = cumulative;
    } else {
      target = Math.max(0, Math.ceil(cumulative - 0.5)) - 0.5;
    }
    first = false;
  }

  @Override
  public double getAsDouble() {
    return next();
  }

  /** Seconds from the start of the plan to the next arrival, or NaN when the plan has no more. */
  double next() {
    if (arrivals == Arrivals.POISSON) {
      target += random.nextExponential();
    } else {
      target += first ? 0.5 : 1;
    }
    first = false;
    return plan.timeOfCumulative(target, cursor);
  }
}
