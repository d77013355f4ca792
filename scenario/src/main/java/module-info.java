/**
 * Protocol-neutral scenario files: structure, settings layering, templates, feeders and criteria
 * ({@code dev.plimsoll.scenario}), and the driver SPI through which each protocol contributes its step
 * kinds, settings and schema ({@code dev.plimsoll.scenario.driver}). Drivers are found with
 * {@link java.util.ServiceLoader}.
 */
module dev.plimsoll.scenario {
  requires transitive dev.plimsoll.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  // Positions of YAML syntax errors.
  requires org.yaml.snakeyaml;

  exports dev.plimsoll.scenario;
  exports dev.plimsoll.scenario.driver;

  uses dev.plimsoll.scenario.driver.Driver;
}
