/**
 * The driver SPI: how a protocol plugs into scenario files, and everything a driver may use. It is
 * the bottom of the scenario module: it names nothing of {@code dev.plimsoll.scenario} (the loader,
 * the spec, overrides, the builder and the dry run), which is built on it.
 *
 * <ul>
 *   <li>What a driver implements: a {@link dev.plimsoll.scenario.driver.Driver} declares its keys
 *       ({@link dev.plimsoll.scenario.driver.DriverSyntax}) and schema fragment, reads its parts of
 *       each file ({@link dev.plimsoll.scenario.driver.DriverReader} into
 *       {@link dev.plimsoll.scenario.driver.DriverSettings} and
 *       {@link dev.plimsoll.scenario.driver.DriverStep}s), and opens a
 *       {@link dev.plimsoll.scenario.driver.DriverSession} per run that compiles its steps into
 *       {@link dev.plimsoll.scenario.driver.Action}s.
 *   <li>What it is given: a {@link dev.plimsoll.scenario.driver.ReadContext} per file, a
 *       {@link dev.plimsoll.scenario.driver.BuildContext} per run, and the
 *       {@link dev.plimsoll.scenario.driver.DriverOverrides} its settings may take.
 *   <li>What it reads and reports with, shared with the loader: the file's
 *       {@link dev.plimsoll.scenario.driver.Yaml} tree, {@link dev.plimsoll.scenario.driver.Nodes}
 *       and {@link dev.plimsoll.scenario.driver.Suggestions} for errors at a position
 *       ({@link dev.plimsoll.scenario.driver.ScenarioException}), and
 *       {@link dev.plimsoll.scenario.driver.Template}s.
 *   <li>What its steps are and how they fail or print: {@link dev.plimsoll.scenario.driver.StepSpec},
 *       {@link dev.plimsoll.scenario.driver.CheckFailedException},
 *       {@link dev.plimsoll.scenario.driver.Redaction}.
 * </ul>
 */
package dev.plimsoll.scenario.driver;
