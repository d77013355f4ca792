package dev.plimsoll.core.engine;

import dev.plimsoll.core.EngineProvider;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;

/** The engine's one public entry, for {@link java.util.ServiceLoader}. */
public final class DefaultEngineProvider implements EngineProvider {

  @Override
  public RunHandle start(Scenario scenario) {
    return Engine.start(scenario);
  }
}
