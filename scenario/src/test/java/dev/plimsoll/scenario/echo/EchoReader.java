package dev.plimsoll.scenario.echo;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;

import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import dev.plimsoll.scenario.driver.Yaml.ScalarNode;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** Reads the {@code echo:} section and {@code echo} steps of one file. */
final class EchoReader implements DriverReader {
  private final ReadContext context;
  private final Nodes nodes;
  private EchoSettings settings = EchoSettings.DEFAULTS;
  private Location firstStep;
  private String firstStepPath;

  EchoReader(ReadContext context) {
    this.context = context;
    this.nodes = context.nodes();
  }

  @Override
  public void readSection(Node section, String path) {
    MapNode m = nodes.map(section, path, EchoDriver.SECTION_KEYS);
    int connections = settings.connections();
    if (has(m, "connections")) {
      connections = nodes.integer(get(m, "connections"), child(path, "connections"));
      if (connections <= 0) {
        throw nodes.error(get(m, "connections"), child(path, "connections"), "must be > 0 (was " + connections + ")");
      }
    }
    Duration timeout = has(m, "timeout") ? nodes.positive(get(m, "timeout"), child(path, "timeout")) : settings.timeout();
    settings = new EchoSettings(connections, timeout);
  }

  @Override
  public Set<String> storedNames(StepKind kind, MapNode step) {
    return step.fields().get("store") != null && step.fields().get("store").value() instanceof ScalarNode s
        ? Set.of(s.text())
        : Set.of();
  }

  @Override
  public EchoStep readStep(StepKind kind, MapNode step, String path, Template.Scope scope) {
    Template line = context.template(get(step, "echo"), child(path, "echo"), scope);
    String expect = has(step, "expect") ? nodes.nonBlank(get(step, "expect"), child(path, "expect")) : null;
    String store = null;
    if (has(step, "store")) {
      Node n = get(step, "store");
      store = nodes.text(n, child(path, "store"));
      context.checkStoredName(store, n.at(), child(path, "store"), "stored value");
    }
    if (firstStep == null) {
      firstStep = get(step, "echo").at();
      firstStepPath = child(path, "echo");
    }
    return new EchoStep(line, expect, store);
  }

  @Override
  public DriverSettings settings() {
    return settings;
  }

  @Override
  public void checkTarget(URI target) {
    if (firstStep != null && (target == null || !"tcp".equals(target.getScheme()) || target.getPort() < 0)) {
      throw nodes.error(firstStep, firstStepPath, "echo steps need a target tcp://host:port (the target is "
          + (target == null ? "not set" : target) + ")");
    }
  }
}
