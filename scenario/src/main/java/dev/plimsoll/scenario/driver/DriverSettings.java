package dev.plimsoll.scenario.driver;

import java.util.List;
import java.util.Objects;

/**
 * What a driver read from a file's top level: its settings section and its defaults, an immutable
 * value the loader keeps in the scenario's spec ({@code ScenarioSpec.settings()}) under the
 * driver's name.
 */
public interface DriverSettings {

  /** The dry run's lines for these settings, e.g. {@code http  64 connections, http1, timeout 10s}. */
  List<Line> describe();

  /**
   * The most connections this driver may hold open at once to one target, each a file descriptor;
   * 0 for a driver that opens none. The runner checks, before any load, that the process may open
   * that many files.
   */
  default int connectionsPerTarget() {
    return 0;
  }

  /**
   * These settings with the overrides that concern the driver applied, e.g.
   * {@link DriverOverrides#connections()}; unchanged by default.
   *
   * @throws IllegalArgumentException when the driver cannot use an overridden value; the message
   *     says why in the user's words and is prefixed with where the value came from
   */
  default DriverSettings overriddenBy(DriverOverrides overrides) {
    return this;
  }

  /**
   * One line of a dry run: a short label and what it says. Secrets must be masked
   * ({@link Redaction}).
   */
  record Line(String label, String text) {
    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(text, "text");
    }
  }
}
