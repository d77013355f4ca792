package dev.plimsoll.scenario;

import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads scenario files. Every problem is a {@link ScenarioException} naming
 * {@code file:line:column} and the field; nothing is sent and nothing is started.
 *
 * <pre>{@code
 * ScenarioSpec spec = ScenarioLoader.create()
 *     .overrides(cliOverrides.orElse(Overrides.fromEnvironment()))
 *     .load(Path.of("shop.yaml"));
 * }</pre>
 *
 * <p>Settings are layered, each layer replacing what the one before it set: the built-in defaults,
 * then the file, then the {@link Overrides} given here (typically the command line over the
 * environment). Checks whose outcome an override can change, such as "a relative URL needs a
 * target", run on the result of all layers.
 *
 * <p>The scenario module knows no protocol: the step kinds and settings sections of a file
 * ({@code request:}, {@code http:}) are read by {@linkplain Driver drivers}, found on the classpath
 * with {@link java.util.ServiceLoader} unless {@link #drivers} names them.
 *
 * <p>A loader is immutable; {@link #environment}, {@link #overrides} and {@link #drivers} return
 * changed copies.
 */
public final class ScenarioLoader {

  private final Map<String, String> environment;
  private final Overrides overrides;
  /** Null until needed: discovered from the classpath on the first load. */
  private final Drivers drivers;

  private ScenarioLoader(Map<String, String> environment, Overrides overrides, Drivers drivers) {
    this.environment = Map.copyOf(environment);
    this.overrides = overrides;
    this.drivers = drivers;
  }

  /**
   * A loader that resolves {@code ${env.NAME}} from this process's environment, with no overrides
   * and the drivers on the classpath.
   */
  public static ScenarioLoader create() {
    return new ScenarioLoader(System.getenv(), Overrides.none(), null);
  }

  /** The environment {@code ${env.NAME}} is resolved from (tests pass their own). */
  public ScenarioLoader environment(Map<String, String> variables) {
    return new ScenarioLoader(variables, overrides, drivers);
  }

  /** Values that replace the file's; see {@link Overrides} for what each one replaces. */
  public ScenarioLoader overrides(Overrides values) {
    return new ScenarioLoader(environment, Objects.requireNonNull(values, "overrides"), drivers);
  }

  /**
   * Reads files with exactly these drivers instead of those on the classpath.
   *
   * @throws IllegalStateException when two of them claim the same name or key
   */
  public ScenarioLoader drivers(Driver... given) {
    return drivers(Arrays.asList(given));
  }

  /** Reads files with exactly these drivers instead of those on the classpath. */
  public ScenarioLoader drivers(List<Driver> given) {
    return new ScenarioLoader(environment, overrides, Drivers.of(given));
  }

  /**
   * Reads a scenario file. Relative paths in it (feeders, body files, the CA file) are resolved
   * against the file's folder, and messages name the file as {@code file} was written.
   */
  public ScenarioSpec load(Path file) {
    String name = file.toString();
    String yaml;
    try {
      yaml = StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw ScenarioException.inFile(name, "", "no such file");
    } catch (CharacterCodingException e) {
      throw ScenarioException.inFile(name, "", "is not UTF-8 text");
    } catch (IOException e) {
      throw ScenarioException.inFile(name, "", "cannot be read: " + e.getMessage());
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(yaml, name, folder);
  }

  /**
   * The JSON Schema (draft 2020-12) of scenario files with the drivers on the classpath, for
   * editors and validators: the scenario's own part and each driver's fragment. With the HTTP
   * driver it is {@code docs/scenario-schema.json}.
   */
  public static String jsonSchema() {
    return ScenarioSchema.assemble(Drivers.discover());
  }

  /** The JSON Schema of scenario files read with these drivers. */
  public static String jsonSchema(List<Driver> drivers) {
    return ScenarioSchema.assemble(Drivers.of(drivers));
  }

  /**
   * Reads scenario text.
   *
   * @param yaml the scenario
   * @param sourceName how messages name it, e.g. {@code shop.yaml}
   * @param baseDirectory the folder relative paths in it are resolved against
   */
  public ScenarioSpec parse(String yaml, String sourceName, Path baseDirectory) {
    dev.plimsoll.scenario.driver.Yaml.Node root = YamlTree.parse(yaml, sourceName);
    SpecReader reader = new SpecReader(sourceName, baseDirectory, environment,
        drivers != null ? drivers : Drivers.discover());
    ScenarioSpec spec = overrides.applyTo(reader.read(root));
    reader.checkEffective(spec, overrides.criteria().isEmpty());
    return spec;
  }
}
