package dev.plimsoll.scenario.driver;

import java.util.OptionalInt;

/**
 * The overrides (environment variables, command-line options) that concern drivers' settings rather
 * than the scenario's: what {@link DriverSettings#overriddenBy} may apply. Each is optional; empty
 * means the file's value stands.
 */
public interface DriverOverrides {

  /** Connections for each driver that has them ({@code PLIMSOLL_CONNECTIONS}, {@code --connections}). */
  OptionalInt connections();
}
