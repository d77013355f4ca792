/**
 * Scenario files without a protocol: {@link dev.plimsoll.scenario.ScenarioLoader} reads a file into a
 * {@link dev.plimsoll.scenario.ScenarioSpec} (structure, settings layering with
 * {@link dev.plimsoll.scenario.Overrides}, feeders, load models, criteria),
 * {@link dev.plimsoll.scenario.DryRun} describes it and {@link dev.plimsoll.scenario.ScenarioBuilder}
 * turns it into a runnable scenario. Each protocol's parts go through the driver SPI,
 * {@link dev.plimsoll.scenario.driver}, on which this package is built and which never refers back
 * to it.
 */
package dev.plimsoll.scenario;
