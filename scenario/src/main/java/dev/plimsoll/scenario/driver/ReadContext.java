package dev.plimsoll.scenario.driver;

import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.nio.file.Path;

/** What the loader offers a driver's reader for one file: positioned errors, files, templates and names. */
public interface ReadContext {

  /** Reads values and reports problems at their position in the file. */
  Nodes nodes();

  /**
   * The file a value names, resolved against the scenario file's folder.
   *
   * @throws ScenarioException at {@code n} when there is no such file
   */
  Path file(Node n, String path);

  /** The bytes of the file {@code n} names; a problem is reported at {@code n}. */
  byte[] readBytes(Node n, String path);

  /** The file {@code n} names, as UTF-8 text; a problem (not UTF-8, unreadable) is reported at {@code n}. */
  String readText(Node n, String path);

  /** The text of {@code n} compiled as a template; an unknown name is reported at {@code n}. */
  Template template(Node n, String path, Template.Scope scope);

  /**
   * Checks a name a step stores in the user's state: an identifier, not reserved by templates, not
   * a feeder's name.
   *
   * @param at where the name was written
   * @param what how messages call such a name: {@code "extracted value"}
   */
  void checkStoredName(String name, Location at, String path, String what);
}
