package dev.plimsoll.scenario.driver;

/**
 * A driver's resources for one run (for HTTP, the client and its connections): opened before the
 * scenario is built, closed when the run ends.
 */
public interface DriverSession extends AutoCloseable {

  /**
   * Turns one of the driver's steps into what a flow runs, once per step when the scenario is
   * built: do here whatever can be done once (compiling, merging defaults).
   *
   * @throws IllegalArgumentException for a step that is not the driver's
   */
  Action compile(DriverStep step, BuildContext context);

  /** Releases the run's resources; called once, after the run, even when it failed. */
  @Override
  void close();
}
