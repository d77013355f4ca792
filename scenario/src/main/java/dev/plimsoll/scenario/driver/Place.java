package dev.plimsoll.scenario.driver;

import dev.plimsoll.scenario.driver.Yaml.Location;

/**
 * Where a value was written: a file, a position in it and the field's path. A driver keeps one for
 * what it checks only later ({@link Driver#checkBeforeRun}: that a host resolves, say), so that
 * the message still names the line.
 *
 * @param source the file, as messages name it
 * @param at the value's line and column
 * @param path the field's path, e.g. {@code workloads[0].mix[1].request.url}
 */
public record Place(String source, Location at, String path) {

  /** A problem with the value written here. */
  public ScenarioException problem(String problem) {
    return new ScenarioException(source, at.line(), at.column(), path, problem);
  }
}
