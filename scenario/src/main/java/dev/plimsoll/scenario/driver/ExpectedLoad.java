package dev.plimsoll.scenario.driver;

/**
 * How hard a run will drive its drivers, as far as its load models tell before it starts, so that
 * a driver can get ready in proportion ({@link DriverSession#prepare(ExpectedLoad)}): a generator
 * that must keep a schedule of thousands of arrivals a second has to be warmer than one sending a
 * few requests.
 *
 * @param peakArrivalsPerSecond the open-model workloads' highest planned rates, added
 * @param peakUsers the closed-model workloads' most users, added
 */
public record ExpectedLoad(double peakArrivalsPerSecond, long peakUsers) {

  /** Nothing known: a driver gets ready as for a light run. */
  public static final ExpectedLoad UNKNOWN = new ExpectedLoad(0, 0);

  /**
   * From this many arrivals a second a run is demanding: the JIT's work of its first seconds would
   * otherwise make the generator late on its schedule, and drop arrivals.
   */
  static final double DEMANDING_RATE = 5_000;

  /**
   * Whether the run is demanding enough for the longest preparation: an open model at
   * {@link #DEMANDING_RATE} or more. Users do not count: a closed model has no schedule to keep,
   * its users only go as fast as the generator lets them, and a longer preparation would only
   * delay its start.
   */
  public boolean demanding() {
    return peakArrivalsPerSecond >= DEMANDING_RATE;
  }
}
