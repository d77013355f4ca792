package dev.plimsoll.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;

import dev.plimsoll.core.Defaults;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Preset;
import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.ScenarioException;
import dev.plimsoll.scenario.driver.Suggestions;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.Location;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the YAML tree of a scenario file into a {@link ScenarioSpec}, checking every value where
 * it was written: the top level here, variables and feeders in {@link FeederReader}, workloads in
 * {@link WorkloadReader}, load models in {@link LoadModels}, and each driver's parts in its own
 * reader. Checks that overrides can change the outcome of (the target relative addresses need, a
 * warm-up shorter than the run) are kept for {@link #checkEffective}.
 */
final class SpecReader {

  private final FileContext context;
  private final Nodes nodes;
  private final FileDrivers files;

  private Location warmUpAt;
  private Location durationAt;
  /** Where each of the file's criteria was written, by index. */
  private final List<Location> criteriaAt = new ArrayList<>();

  SpecReader(String source, Path baseDirectory, Map<String, String> environment, Drivers drivers) {
    this.context = new FileContext(source, baseDirectory, environment);
    this.nodes = context.nodes();
    this.files = new FileDrivers(drivers, context);
  }

  ScenarioSpec read(Node rootNode) {
    MapNode root = root(rootNode);
    String name = has(root, "name") ? nodes.nonBlank(get(root, "name"), "name") : defaultName();
    URI target = has(root, "target") ? target(get(root, "target"), "target") : null;
    Duration duration = Defaults.DURATION;
    if (has(root, "duration")) {
      durationAt = get(root, "duration").at();
      duration = nodes.positive(get(root, "duration"), "duration");
    }
    Duration warmUp = Defaults.WARM_UP;
    if (has(root, "warmUp")) {
      warmUpAt = get(root, "warmUp").at();
      warmUp = nodes.duration(get(root, "warmUp"), "warmUp");
    }
    Duration interval = Defaults.INTERVAL;
    if (has(root, "interval")) {
      Duration given = nodes.duration(get(root, "interval"), "interval");
      nodes.core(get(root, "interval"), "interval", () -> Scenario.checkInterval(given));
      interval = given;
    }
    Duration gracefulStop = has(root, "gracefulStop") ? nodes.duration(get(root, "gracefulStop"), "gracefulStop") : Defaults.GRACEFUL_STOP;
    long seed = has(root, "seed") ? nodes.longValue(get(root, "seed"), "seed") : Defaults.SEED;
    LoadModels loads = new LoadModels(nodes, seed);
    for (Field f : root.fields().values()) {
      Driver owner = files.drivers().sectionOwner(f.key());
      if (owner != null) {
        files.use(owner).readSection(f.value(), f.key());
      }
    }
    FeederReader feeders = new FeederReader(context);
    if (has(root, "variables")) {
      feeders.variables(get(root, "variables"), "variables");
    }
    if (has(root, "feeders")) {
      feeders.feeders(get(root, "feeders"), "feeders");
    }
    if (!has(root, "workloads")) {
      throw nodes.error(root, "workloads", "is required (a list of workloads, each with a load model and a mix)");
    }
    Node workloadsNode = get(root, "workloads");
    WorkloadReader workloads = new WorkloadReader(context, loads, files);
    Map<Integer, Set<String>> stored = workloads.storedNames(workloadsNode);
    context.markSecret(workloads.secretStoredNames(workloadsNode));
    Set<String> allStored = new TreeSet<>();
    stored.values().forEach(allStored::addAll);
    ThinkTime defaultThink = has(root, "defaults")
        ? defaults(get(root, "defaults"), "defaults", loads, context.scope(allStored))
        : ThinkTime.none();
    List<WorkloadSpec> workloadSpecs = workloads.workloads(workloadsNode, defaultThink, stored);
    List<Criterion> criteria = has(root, "criteria") ? criteria(get(root, "criteria"), "criteria") : List.of();
    String preset = null;
    if (has(root, "preset")) {
      preset = nodes.text(get(root, "preset"), "preset");
      String p = preset;
      nodes.core(get(root, "preset"), "preset", () -> Preset.named(p));
    }
    return new ScenarioSpec(name, context.source(), target, duration, warmUp, interval, gracefulStop, seed,
        files.settings(), context.variables(), context.feeders(), workloadSpecs, criteria, preset,
        context.secretVariables());
  }

  /**
   * The checks that overrides could change: what depends on the target (relative addresses), the
   * warm-up must be shorter than the run, and the file's criteria (unless overrides replaced them)
   * may only name operations the scenario has. Values that an override supplied were checked by
   * {@link Overrides}.
   */
  void checkEffective(ScenarioSpec spec, boolean criteriaFromFile) {
    files.checkTarget(spec.target());
    if (criteriaFromFile) {
      List<String> operations = CriteriaScopes.operations(spec.workloads());
      for (int i = 0; i < spec.criteria().size(); i++) {
        String problem = CriteriaScopes.problem(spec.criteria().get(i), operations);
        if (problem != null) {
          throw nodes.error(criteriaAt.get(i), "criteria[" + i + "]", problem);
        }
      }
    }
    try {
      Scenario.checkWarmUp(spec.warmUp(), spec.duration());
    } catch (InvalidConfigurationException e) {
      Location at = warmUpAt != null ? warmUpAt : durationAt;
      String path = warmUpAt != null ? "warmUp" : "duration";
      String problem = e.problem() + (durationAt == null ? " (the default)" : "");
      if (at == null) {
        throw ScenarioException.inFile(context.source(), path, problem);
      }
      throw new ScenarioException(context.source(), at.line(), at.column(), path, problem);
    }
  }

  /** The top level, whose keys are the scenario's and each driver's section. */
  private MapNode root(Node n) {
    MapNode m = nodes.map(n, "", null);
    List<String> allowed = files.drivers().keys("scenario");
    for (Field f : m.fields().values()) {
      if (!allowed.contains(f.key())) {
        if (Suggestions.closest(f.key(), allowed) == null && f.value() instanceof MapNode) {
          throw nodes.error(f.keyAt(), f.key(), "unknown key: no driver on the classpath has a section '" + f.key()
              + "' (drivers: " + files.drivers().names() + "; allowed keys: " + String.join(", ", allowed) + ")");
        }
        throw nodes.error(f.keyAt(), f.key(), "unknown key" + Suggestions.hint(f.key(), allowed, "allowed keys"));
      }
    }
    return m;
  }

  /** The defaults section: the think time here, each driver's keys by its reader. */
  private ThinkTime defaults(Node n, String path, LoadModels loads, Template.Scope scope) {
    MapNode m = nodes.map(n, path, files.drivers().keys("defaults"));
    Set<Driver> owners = new LinkedHashSet<>();
    for (String key : m.fields().keySet()) {
      Driver owner = files.drivers().defaultsOwner(key);
      if (owner != null) {
        owners.add(owner);
      }
    }
    for (Driver owner : files.drivers().all()) {
      if (owners.contains(owner)) {
        files.use(owner).readDefaults(m, path, scope);
      }
    }
    return has(m, "thinkTime") ? loads.thinkTime(get(m, "thinkTime"), child(path, "thinkTime")) : ThinkTime.none();
  }

  private List<Criterion> criteria(Node n, String path) {
    List<Node> items = nodes.list(n, path);
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      String text = nodes.text(items.get(i), p);
      criteria.add(nodes.core(items.get(i), p, () -> Criterion.parse(text)));
      criteriaAt.add(items.get(i).at());
    }
    return criteria;
  }

  private URI target(Node n, String path) {
    Template t = context.template(n, path, Template.Scope.environmentOnly(context.environment()));
    if (!t.isConstant()) {
      throw nodes.error(n, path, "the target may only use ${env.NAME} (found '" + t.source() + "')");
    }
    try {
      return BaseAddress.parse(t.render(null, null));
    } catch (IllegalArgumentException e) {
      throw nodes.error(n, path, e.getMessage());
    }
  }

  private String defaultName() {
    String file = context.source().isEmpty() ? "scenario" : Path.of(context.source()).getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
