package dev.plimsoll.scenario.driver;

import java.util.concurrent.ScheduledExecutorService;

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

  /**
   * Gets ready for the run, once every step is compiled and before the run's clock starts: opens
   * connections and loads and exercises code paths, so that the first operations do not pay for
   * them inside the measured run. Sends the system under test nothing it would count as load (a
   * report promises the system saw exactly the operations reported). Failing to get ready is not
   * an error: the run reports the operations that then fail, as usual. Returns within a few
   * seconds; the default does nothing.
   */
  default void prepare() {}

  /**
   * As {@link #prepare()}, knowing how hard the run will drive the driver: a demanding run may
   * warrant a longer preparation (for HTTP, rehearsing until the JIT has compiled the request
   * path). By default {@link #prepare()}.
   */
  default void prepare(ExpectedLoad load) {
    prepare();
  }

  /**
   * The single thread the session's actions are cheapest to start on (for HTTP, the client's I/O
   * event loop), or null (the default): a flow whose driver steps all come from this session
   * offers it to the engine as its {@link dev.plimsoll.core.AsyncOperation#startingExecutor()}.
   */
  default ScheduledExecutorService startingExecutor() {
    return null;
  }

  /** Releases the run's resources; called once, after the run, even when it failed. */
  @Override
  void close();
}
