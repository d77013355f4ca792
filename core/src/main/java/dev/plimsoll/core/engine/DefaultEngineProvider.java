package dev.plimsoll.core.engine;

import dev.plimsoll.core.EngineProvider;
import dev.plimsoll.core.PreparedRun;
import dev.plimsoll.core.RemoteRun;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import java.time.Instant;

/** The engine's one public entry, for {@link java.util.ServiceLoader}. */
public final class DefaultEngineProvider implements EngineProvider {

  @Override
  public RunHandle start(Scenario scenario) {
    return Engine.prepare(scenario).start();
  }

  @Override
  public PreparedRun prepare(Scenario scenario) {
    return Engine.prepare(scenario);
  }

  @Override
  public RemoteRun follow(Scenario scenario, Instant startTime, RemoteRun.StopRequests stopRequests) {
    return RemoteEngine.follow(scenario, startTime, stopRequests);
  }

  @Override
  public RemoteRun follow(Scenario scenario, Instant startTime, RemoteRun.StopRequests stopRequests,
      RemoteRun.ProfileChanges changes, java.time.Duration changeLead) {
    return RemoteEngine.follow(scenario, startTime, stopRequests, changes, changeLead);
  }
}
