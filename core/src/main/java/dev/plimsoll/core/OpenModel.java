package dev.plimsoll.core;

import java.util.Locale;

/**
 * Arrivals following a rate profile, whatever the system's response time. A synchronous operation
 * runs on a virtual thread of its in-flight slot; an asynchronous one is started on the scheduler's
 * thread, so its {@code call} must only start the work (time spent inside it delays later arrivals
 * and shows as scheduling lag). At most {@code maxInFlight} operations run at once: an arrival beyond
 * that is counted as dropped and reported — never silently delayed, which would hide the very
 * queueing an open model exists to expose.
 */
public record OpenModel(RateProfile profile, Arrivals arrivals, int maxInFlight) implements LoadModel {

  public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

  public OpenModel {
    InvalidConfigurationException.require(profile != null, "rate", "is required");
    InvalidConfigurationException.require(arrivals != null, "arrivals", "is required (uniform or poisson)");
    InvalidConfigurationException.require(
        maxInFlight > 0, "maxInFlight", "must be > 0 (was " + maxInFlight + ")");
  }

  public static OpenModel of(RateProfile profile) {
    return new OpenModel(profile, Arrivals.UNIFORM, DEFAULT_MAX_IN_FLIGHT);
  }

  /** A constant rate, uniformly spaced. */
  public static OpenModel rate(double perSecond) {
    return of(RateProfile.constant(perSecond));
  }

  public OpenModel poisson() {
    return new OpenModel(profile, Arrivals.POISSON, maxInFlight);
  }

  public OpenModel arrivals(Arrivals spacing) {
    return new OpenModel(profile, spacing, maxInFlight);
  }

  public OpenModel maxInFlight(int limit) {
    return new OpenModel(profile, arrivals, limit);
  }

  @Override
  public String describe() {
    return "open: " + profile.describe() + ", " + arrivals.name().toLowerCase(Locale.ROOT) + " arrivals, at most "
        + maxInFlight + " in flight";
  }
}
