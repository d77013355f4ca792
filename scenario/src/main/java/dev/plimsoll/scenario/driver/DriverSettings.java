package dev.plimsoll.scenario.driver;

import dev.plimsoll.scenario.Overrides;
import java.util.List;
import java.util.Objects;

/**
 * What a driver read from a file's top level: its settings section and its defaults, an immutable
 * value kept in the {@link dev.plimsoll.scenario.ScenarioSpec} under the driver's name.
 */
public interface DriverSettings {

  /** The dry run's lines for these settings, e.g. {@code http  64 connections, http1, timeout 10s}. */
  List<Line> describe();

  /**
   * These settings with the overrides that concern the driver applied, e.g.
   * {@link Overrides#connections()}; unchanged by default.
   */
  default DriverSettings overriddenBy(Overrides overrides) {
    return this;
  }

  /**
   * One line of a dry run: a short label and what it says. Secrets must be masked
   * ({@link dev.plimsoll.scenario.Redaction}).
   */
  record Line(String label, String text) {
    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(text, "text");
    }
  }
}
