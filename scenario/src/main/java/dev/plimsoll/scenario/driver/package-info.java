/**
 * The driver SPI: how a protocol plugs into scenario files. A {@link dev.plimsoll.scenario.driver.Driver}
 * declares its keys ({@link dev.plimsoll.scenario.driver.DriverSyntax}) and schema fragment, reads its
 * parts of each file ({@link dev.plimsoll.scenario.driver.DriverReader}, with
 * {@link dev.plimsoll.scenario.driver.Nodes} for positioned errors), and opens a
 * {@link dev.plimsoll.scenario.driver.DriverSession} per run that compiles its steps into
 * {@link dev.plimsoll.scenario.driver.Action}s.
 */
package dev.plimsoll.scenario.driver;
