package dev.plimsoll.core;

/**
 * The engine behind {@link Plimsoll#start}, found with {@link java.util.ServiceLoader} so that this
 * API package does not depend on the engine's: the engine depends on the API, never the other way.
 * Plimsoll's core provides the one implementation; users call {@link Plimsoll} instead.
 */
public interface EngineProvider {

  /** Starts a run of {@code scenario} and returns at once. */
  RunHandle start(Scenario scenario);

  /** Builds a run of {@code scenario} to start later; see {@link Plimsoll#prepare}. */
  default PreparedRun prepare(Scenario scenario) {
    throw new UnsupportedOperationException("this engine cannot prepare a run to start later");
  }

  /** Follows a run whose load is generated elsewhere; see {@link Plimsoll#follow}. */
  default RemoteRun follow(Scenario scenario, java.time.Instant startTime, RemoteRun.StopRequests stopRequests) {
    throw new UnsupportedOperationException("this engine cannot follow a run measured elsewhere");
  }

  /** Follows a run whose load is generated elsewhere and can be changed; see {@link Plimsoll#follow}. */
  default RemoteRun follow(Scenario scenario, java.time.Instant startTime, RemoteRun.StopRequests stopRequests,
      RemoteRun.ProfileChanges changes, java.time.Duration changeLead) {
    throw new UnsupportedOperationException("this engine cannot follow a run measured elsewhere");
  }
}
