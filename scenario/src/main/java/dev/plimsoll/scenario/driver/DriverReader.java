package dev.plimsoll.scenario.driver;

import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.net.URI;
import java.util.Set;

/**
 * Reads a driver's parts of one scenario file, in this order: its settings section, its keys of
 * the {@code defaults} section, its steps, then {@link #settings()}; once overrides are applied,
 * {@link #checkTarget}. Each value is checked where it was written: a problem is a
 * {@link ScenarioException} made with {@link ReadContext#nodes()}.
 */
public interface DriverReader {

  /** Reads the driver's settings section; called only when the file has one. */
  default void readSection(Node section, String path) {}

  /**
   * Reads the driver's keys of the {@code defaults} section (and only those: the other keys belong
   * to the scenario or to other drivers); called only when the file has one of them.
   *
   * @param scope what templates in defaults may use: variables, feeders, and every value any flow
   *     extracts
   */
  default void readDefaults(MapNode defaults, String path, Template.Scope scope) {}

  /**
   * The names a step will store in the user's state, for later templates: read before any step,
   * so that a template may use a value a later step of the workload stores. The step is not
   * checked yet; ignore what is malformed.
   */
  default Set<String> storedNames(StepKind kind, MapNode step) {
    return Set.of();
  }

  /**
   * Of the {@linkplain #storedNames names a step stores}, those whose values are secret by where
   * they come from (a credential header such as {@code Set-Cookie}, a JSON field named
   * {@code token}), whatever name they are stored under: templates that use them are never shown.
   * Read ahead like {@link #storedNames}; ignore what is malformed.
   */
  default Set<String> secretStoredNames(StepKind kind, MapNode step) {
    return Set.of();
  }

  /**
   * Reads one step of this driver.
   *
   * @param kind which of the driver's step kinds it is
   * @param step the step's mapping; for a flow of one step it is the flow's, with its name and
   *     weight too: read only the kind's keys. The loader has already checked that no other
   *     kind's keys are present
   * @param path the step's path in messages, e.g. {@code workloads[0].mix[1].steps[0]}
   * @param scope what the step's templates may use
   */
  DriverStep readStep(StepKind kind, MapNode step, String path, Template.Scope scope);

  /** What the driver read from the file's top level, with its defaults where the file said nothing. */
  DriverSettings settings();

  /**
   * Checks what depends on the scenario's final target, which overrides can change: relative
   * addresses need one. Throws a {@link ScenarioException} at the value at fault.
   *
   * @param target the base address relative addresses resolve against, or null when there is none
   */
  default void checkTarget(URI target) {}
}
