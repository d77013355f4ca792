package dev.plimsoll.scenario;

import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the readers of one file share: where it is, its environment, the names it defines so far
 * (variables, feeders), and the checks of names and files every section uses.
 */
final class FileContext implements ReadContext {

  /** Workload and flow names become operation names and criterion scopes. */
  private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final String OPERATION_NAME_RULE = "a letter or '_', then letters, digits, '_' or '-'";
  private static final String RESERVED_OPERATION = "total";
  /** Variables, feeders and extracted values are named in templates, so no '-' or '.'. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String IDENTIFIER_RULE = "a letter or '_', then letters, digits or '_'";

  private final String source;
  private final Nodes nodes;
  private final Path baseDirectory;
  private final Map<String, String> environment;
  private Map<String, String> variables = Map.of();
  private Set<String> secretVariables = Set.of();
  private final Map<String, FeederSpec> feeders = new LinkedHashMap<>();

  FileContext(String source, Path baseDirectory, Map<String, String> environment) {
    this.source = source;
    this.nodes = new Nodes(source);
    this.baseDirectory = baseDirectory;
    this.environment = environment;
  }

  String source() {
    return source;
  }

  Map<String, String> environment() {
    return environment;
  }

  Map<String, String> variables() {
    return variables;
  }

  void variables(Map<String, String> values, Set<String> secret) {
    variables = Map.copyOf(values);
    secretVariables = Set.copyOf(secret);
  }

  /** Marks more names as secret: stored values secret by where they come from. */
  void markSecret(Set<String> names) {
    Set<String> secret = new HashSet<>(secretVariables);
    secret.addAll(names);
    secretVariables = Set.copyOf(secret);
  }

  /** The variables whose values came from the environment, and stored values secret by their source. */
  Set<String> secretVariables() {
    return secretVariables;
  }

  /** The feeders read so far, by name, in file order; the feeder reader adds to it. */
  Map<String, FeederSpec> feeders() {
    return feeders;
  }

  /** What templates may use, given the names the workload's steps store in the user's state. */
  Template.Scope scope(Set<String> stored) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    feeders.forEach((name, feeder) -> columns.put(name, feeder.columns()));
    return new Template.Scope(variables, stored, columns, environment, secretVariables);
  }

  @Override
  public Nodes nodes() {
    return nodes;
  }

  @Override
  public Path file(Node n, String path) {
    String written = nodes.text(n, path);
    Path file = baseDirectory.resolve(written).normalize();
    if (!Files.isRegularFile(file)) {
      throw nodes.error(n, path, "'" + written + "' not found (looked for " + file.toAbsolutePath() + ")");
    }
    return file;
  }

  @Override
  public byte[] readBytes(Node n, String path) {
    Path file = file(n, path);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw nodes.error(n, path, "'" + nodes.text(n, path) + "' cannot be read: " + e.getMessage());
    }
  }

  @Override
  public String readText(Node n, String path) {
    Path file = file(n, path);
    try {
      return utf8(file);
    } catch (IOException e) {
      throw nodes.error(n, path, "'" + nodes.text(n, path) + "' cannot be read: " + e.getMessage());
    }
  }

  /** A file's content as strict UTF-8; a malformed file is an {@link IOException} saying so. */
  static String utf8(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
  }

  @Override
  public Template template(Node n, String path, Template.Scope scope) {
    String text = nodes.text(n, path);
    try {
      return Template.compile(text, scope);
    } catch (IllegalArgumentException e) {
      throw nodes.error(n, path, e.getMessage());
    }
  }

  @Override
  public void checkStoredName(String name, Location at, String path, String what) {
    identifier(name, at, path, what);
    if (feeders.containsKey(name)) {
      throw nodes.error(at, path, "'" + name + "' is already a feeder (" + what + "s and feeders need distinct names)");
    }
  }

  /** Checks that a key can be used in templates: an identifier that is not reserved. */
  void identifier(Field f, String path, String what) {
    identifier(f.key(), f.keyAt(), path, what);
  }

  private void identifier(String name, Location at, String path, String what) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw nodes.error(at, path, "'" + name + "' is not allowed as a " + what + " name (" + IDENTIFIER_RULE + ")");
    }
    Set<String> reserved = Template.reservedNames();
    if (reserved.contains(name)) {
      throw nodes.error(at, path, "'" + name + "' is reserved (" + String.join(", ", new TreeSet<>(reserved))
          + " are built into templates)");
    }
  }

  /**
   * A flow's name: an operation name that is not {@code total}, which results and reports use for
   * all operations together (a flow of that name would be indistinguishable from the sum, and
   * {@code total.p99} ambiguous).
   */
  String flowName(Node n, String path) {
    String name = operationName(n, path);
    if (name.equalsIgnoreCase(RESERVED_OPERATION)) {
      throw nodes.error(n, path, "'" + name + "' is reserved (reports use '" + RESERVED_OPERATION
          + "' for all operations together); choose another name");
    }
    return name;
  }

  /** A workload or flow name, which becomes an operation name. */
  String operationName(Node n, String path) {
    String name = nodes.text(n, path);
    if (!OPERATION_NAME.matcher(name).matches()) {
      throw nodes.error(n, path, "'" + name + "' is not allowed (" + OPERATION_NAME_RULE + ")");
    }
    return name;
  }
}
