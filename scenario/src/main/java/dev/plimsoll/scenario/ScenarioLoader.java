package dev.plimsoll.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * <p>A loader is immutable; {@link #environment} and {@link #overrides} return changed copies.
 */
public final class ScenarioLoader {

  private final Map<String, String> environment;
  private final Overrides overrides;

  private ScenarioLoader(Map<String, String> environment, Overrides overrides) {
    this.environment = Map.copyOf(environment);
    this.overrides = overrides;
  }

  /** A loader that resolves {@code ${env.NAME}} from this process's environment, with no overrides. */
  public static ScenarioLoader create() {
    return new ScenarioLoader(System.getenv(), Overrides.none());
  }

  /** The environment {@code ${env.NAME}} is resolved from (tests pass their own). */
  public ScenarioLoader environment(Map<String, String> variables) {
    return new ScenarioLoader(variables, overrides);
  }

  /** Values that replace the file's; see {@link Overrides} for what each one replaces. */
  public ScenarioLoader overrides(Overrides values) {
    return new ScenarioLoader(environment, Objects.requireNonNull(values, "overrides"));
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
      throw new ScenarioException(name, "", "no such file");
    } catch (CharacterCodingException e) {
      throw new ScenarioException(name, "", "is not UTF-8 text");
    } catch (IOException e) {
      throw new ScenarioException(name, "", "cannot be read: " + e.getMessage());
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(yaml, name, folder);
  }

  /** The classpath resource holding the JSON Schema of scenario files. */
  public static final String SCHEMA_RESOURCE = "/dev/plimsoll/scenario/scenario-schema.json";

  /** The JSON Schema (draft 2020-12) of scenario files, for editors and validators. */
  public static String jsonSchema() {
    try (java.io.InputStream in = ScenarioLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads scenario text.
   *
   * @param yaml the scenario
   * @param sourceName how messages name it, e.g. {@code shop.yaml}
   * @param baseDirectory the folder relative paths in it are resolved against
   */
  public ScenarioSpec parse(String yaml, String sourceName, Path baseDirectory) {
    YamlTree.Node root = YamlTree.parse(yaml, sourceName);
    SpecReader reader = new SpecReader(sourceName, baseDirectory, environment);
    ScenarioSpec spec = overrides.applyTo(reader.read(root));
    reader.checkEffective(spec);
    return spec;
  }
}
