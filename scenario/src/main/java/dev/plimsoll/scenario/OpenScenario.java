package dev.plimsoll.scenario;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.scenario.driver.DriverSession;
import java.util.List;

/**
 * A runnable scenario and the driver sessions its steps use (for HTTP, the client and its
 * connections). Run {@link #scenario()}, then close this to end the sessions:
 *
 * <pre>{@code
 * try (OpenScenario open = ScenarioBuilder.open(spec)) {
 *   RunResult result = Plimsoll.run(open.scenario());
 * }
 * }</pre>
 */
public final class OpenScenario implements AutoCloseable {
  private final Scenario scenario;
  private final List<DriverSession> sessions;

  OpenScenario(Scenario scenario, List<DriverSession> sessions) {
    this.scenario = scenario;
    this.sessions = List.copyOf(sessions);
  }

  /** The scenario to run; valid until this is closed. */
  public Scenario scenario() {
    return scenario;
  }

  /** Closes every driver session, the last opened first; a failure to close one does not keep the others open. */
  @Override
  public void close() {
    closeAll(sessions, null);
  }

  /** Closes sessions in reverse order, adding each failure to {@code failure} (or throwing the first). */
  static void closeAll(List<DriverSession> sessions, RuntimeException failure) {
    RuntimeException first = failure;
    for (int i = sessions.size() - 1; i >= 0; i--) {
      try {
        sessions.get(i).close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
