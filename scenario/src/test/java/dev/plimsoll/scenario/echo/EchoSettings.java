package dev.plimsoll.scenario.echo;

import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.driver.DriverOverrides;
import dev.plimsoll.scenario.driver.DriverSettings;
import java.time.Duration;
import java.util.List;

/** The {@code echo:} section: how many connections, and how long a line may take to come back. */
record EchoSettings(int connections, Duration timeout) implements DriverSettings {
  static final EchoSettings DEFAULTS = new EchoSettings(1, Duration.ofSeconds(5));

  @Override
  public List<Line> describe() {
    return List.of(new Line("echo", connections + (connections == 1 ? " connection" : " connections")
        + ", timeout " + Units.formatDuration(timeout)));
  }

  @Override
  public EchoSettings overriddenBy(DriverOverrides overrides) {
    return overrides.connections().isPresent() ? new EchoSettings(overrides.connections().getAsInt(), timeout) : this;
  }
}
