package dev.plimsoll.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;

import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code variables} and {@code feeders} sections: the names templates use besides the built-ins. */
final class FeederReader {
  private final FileContext context;
  private final Nodes nodes;

  FeederReader(FileContext context) {
    this.context = context;
    this.nodes = context.nodes();
  }

  /** Reads the variables into the context, and which of them come from the environment. */
  void variables(Node n, String path) {
    MapNode m = nodes.map(n, path, null);
    Map<String, String> values = new LinkedHashMap<>();
    java.util.Set<String> secret = new java.util.HashSet<>();
    Template.Scope envOnly = Template.Scope.environmentOnly(context.environment());
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      context.identifier(f, p, "variable");
      Template t = context.template(f.value(), p, envOnly);
      if (!t.isConstant()) {
        throw nodes.error(f.value(), p, "a variable may only use ${env.NAME} (found '" + t.source() + "')");
      }
      values.put(f.key(), t.render(null, null));
      if (t.hasSecrets()) {
        secret.add(f.key());
      }
    }
    context.variables(values, secret);
  }

  /** Reads every feeder into the context's feeders. */
  void feeders(Node n, String path) {
    MapNode m = nodes.map(n, path, null);
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      context.identifier(f, p, "feeder");
      if (context.variables().containsKey(f.key())) {
        throw nodes.error(f.keyAt(), p, "'" + f.key() + "' is already a variable (feeders and variables need distinct names)");
      }
      context.feeders().put(f.key(), feeder(f.key(), f.value(), p));
    }
  }

  private FeederSpec feeder(String name, Node n, String p) {
    MapNode fm = nodes.map(n, p, SpecKeys.FEEDER);
    if (!has(fm, "file")) {
      throw nodes.error(fm, child(p, "file"), "is required (a .csv file with a header row, or a .json array of objects)");
    }
    Node fileNode = get(fm, "file");
    Path file = context.file(fileNode, child(p, "file"));
    FeederSpec.Format format;
    if (has(fm, "format")) {
      format = FeederSpec.Format.valueOf(
          nodes.choice(get(fm, "format"), child(p, "format"), List.of("csv", "json")).toUpperCase(Locale.ROOT));
    } else {
      String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".csv")) {
        format = FeederSpec.Format.CSV;
      } else if (lower.endsWith(".json")) {
        format = FeederSpec.Format.JSON;
      } else {
        throw nodes.error(fileNode, child(p, "file"), "cannot tell the format from the name '" + file.getFileName()
            + "' (add format: csv or format: json)");
      }
    }
    FeederSpec.Order order = FeederSpec.Order.CIRCULAR;
    if (has(fm, "order")) {
      order = FeederSpec.Order.valueOf(nodes.choice(get(fm, "order"), child(p, "order"),
          List.of("sequential", "random", "circular")).toUpperCase(Locale.ROOT));
    }
    String written = nodes.text(fileNode, child(p, "file"));
    FeederFiles.Table table;
    try {
      String content = FileContext.utf8(file);
      table = format == FeederSpec.Format.CSV ? FeederFiles.csv(content, written) : FeederFiles.json(content, written);
    } catch (IllegalArgumentException e) {
      throw nodes.error(fileNode, child(p, "file"), e.getMessage());
    } catch (IOException e) {
      throw nodes.error(fileNode, child(p, "file"), "'" + written + "' cannot be read: " + e.getMessage());
    }
    if (table.records().isEmpty()) {
      throw nodes.error(fileNode, child(p, "file"), "'" + written + "' has no records");
    }
    return new FeederSpec(name, file, format, order, table.columns(), table.records());
  }
}
