package dev.plimsoll.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;
import static dev.plimsoll.scenario.driver.Nodes.later;

import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.Nodes;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.StepSpec;
import dev.plimsoll.scenario.driver.Suggestions;
import dev.plimsoll.scenario.driver.Template;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.ListNode;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code workloads} section: each workload's load model and mix, each flow's steps. A
 * step is a think, or a step of the driver whose step kind introduces it ({@code request:}); the
 * driver reads it.
 */
final class WorkloadReader {
  private static final String THINK = "think";

  private final FileContext context;
  private final Nodes nodes;
  private final LoadModels loads;
  private final FileDrivers files;
  private final Drivers drivers;

  WorkloadReader(FileContext context, LoadModels loads, FileDrivers files) {
    this.context = context;
    this.nodes = context.nodes();
    this.loads = loads;
    this.files = files;
    this.drivers = files.drivers();
  }

  /**
   * The names each workload's steps store in the user's state, by workload index, read ahead so
   * that templates anywhere in the workload can use them. Malformed parts are skipped here and
   * reported when they are read.
   */
  Map<Integer, Set<String>> storedNames(Node workloads) {
    Map<Integer, Set<String>> names = new HashMap<>();
    eachStep(workloads, (i, reader, kind, step) ->
        names.computeIfAbsent(i, k -> new TreeSet<>()).addAll(reader.storedNames(kind, step)));
    return names;
  }

  /** Of the stored names, those secret by where their values come from, in any workload. */
  Set<String> secretStoredNames(Node workloads) {
    Set<String> names = new TreeSet<>();
    eachStep(workloads, (i, reader, kind, step) -> names.addAll(reader.secretStoredNames(kind, step)));
    return names;
  }

  private interface StepVisitor {
    void visit(int workload, DriverReader reader, StepKind kind, MapNode step);
  }

  /** Visits every well-formed driver step (a one-step flow, or a step of a flow), by workload index. */
  private void eachStep(Node workloads, StepVisitor visitor) {
    if (!(workloads instanceof ListNode list)) {
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      if (list.items().get(i) instanceof MapNode w && w.fields().get("mix") != null
          && w.fields().get("mix").value() instanceof ListNode mix) {
        for (Node flow : mix.items()) {
          if (flow instanceof MapNode fm) {
            visitStep(i, fm, visitor);
            if (fm.fields().get("steps") != null && fm.fields().get("steps").value() instanceof ListNode steps) {
              for (Node step : steps.items()) {
                if (step instanceof MapNode sm) {
                  visitStep(i, sm, visitor);
                }
              }
            }
          }
        }
      }
    }
  }

  private void visitStep(int workload, MapNode m, StepVisitor visitor) {
    for (String key : m.fields().keySet()) {
      Drivers.Kind kind = drivers.kind(key);
      if (kind != null) {
        visitor.visit(workload, files.peek(kind.driver()), kind.kind(), m);
        return;
      }
    }
  }

  List<WorkloadSpec> workloads(Node workloadsNode, ThinkTime defaultThink, Map<Integer, Set<String>> stored) {
    List<WorkloadSpec> workloads = new ArrayList<>();
    List<Node> workloadNodes = nodes.nonEmptyList(workloadsNode, "workloads", "a workload");
    Map<String, String> workloadNames = new HashMap<>();
    Map<String, String> flowNames = new HashMap<>();
    for (int i = 0; i < workloadNodes.size(); i++) {
      String path = "workloads[" + i + "]";
      WorkloadSpec w = workload(workloadNodes.get(i), path, defaultThink, context.scope(stored.getOrDefault(i, Set.of())));
      MapNode wm = (MapNode) workloadNodes.get(i);
      String firstUse = workloadNames.putIfAbsent(w.name(), path);
      if (firstUse != null) {
        throw nodes.error(get(wm, "name"), path + ".name", "'" + w.name() + "' is already the name of " + firstUse);
      }
      List<Node> flowNodes = ((ListNode) get(wm, "mix")).items();
      for (int f = 0; f < w.mix().size(); f++) {
        String flowPath = path + ".mix[" + f + "]";
        String first = flowNames.putIfAbsent(w.mix().get(f).name(), flowPath);
        if (first != null) {
          throw nodes.error(get((MapNode) flowNodes.get(f), "name"), flowPath + ".name", "'" + w.mix().get(f).name()
              + "' is already the name of " + first + " (flow names are operation names, unique in the scenario)");
        }
      }
      workloads.add(w);
    }
    return workloads;
  }

  private WorkloadSpec workload(Node n, String path, ThinkTime defaultThink, Template.Scope scope) {
    MapNode m = nodes.map(n, path, SpecKeys.WORKLOAD);
    if (!has(m, "name")) {
      throw nodes.error(m, child(path, "name"), "is required");
    }
    String name = context.operationName(get(m, "name"), child(path, "name"));
    LoadModel load;
    if (has(m, "open") && has(m, "closed")) {
      Field second = later(m, "open", "closed");
      throw nodes.error(second.keyAt(), child(path, second.key()), "a workload has one load model: open or closed, not both");
    } else if (has(m, "open")) {
      load = loads.open(get(m, "open"), child(path, "open"));
    } else if (has(m, "closed")) {
      load = loads.closed(get(m, "closed"), child(path, "closed"), defaultThink);
    } else {
      throw nodes.error(m, path, "needs a load model: open (an arrival rate) or closed (virtual users)");
    }
    if (!has(m, "mix")) {
      throw nodes.error(m, child(path, "mix"), "is required (the weighted flows this workload runs)");
    }
    List<Node> items = nodes.nonEmptyList(get(m, "mix"), child(path, "mix"), "a flow");
    List<FlowSpec> flows = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String flowPath = child(path, "mix") + "[" + i + "]";
      FlowSpec flow = flow(items.get(i), flowPath, scope);
      Integer first = names.putIfAbsent(flow.name(), i);
      if (first != null) {
        throw nodes.error(get((MapNode) items.get(i), "name"), flowPath + ".name",
            "'" + flow.name() + "' is already the name of mix[" + first + "]");
      }
      flows.add(flow);
    }
    if (flows.stream().mapToInt(FlowSpec::weight).sum() == 0) {
      throw nodes.error(get(m, "mix"), child(path, "mix"), "every weight is 0 (at least one must be > 0)");
    }
    return new WorkloadSpec(name, load, flows);
  }

  private FlowSpec flow(Node n, String path, Template.Scope scope) {
    MapNode m = nodes.map(n, path, null);
    List<Field> kinds = kinds(m, false);
    checkKeys(m, path, drivers.keys("flow"), !kinds.isEmpty() || has(m, "steps"), false);
    if (!has(m, "name")) {
      throw nodes.error(m, child(path, "name"), "is required (it names the operation in reports and criteria)");
    }
    String name = context.flowName(get(m, "name"), child(path, "name"));
    int weight = 1;
    if (has(m, "weight")) {
      weight = nodes.integer(get(m, "weight"), child(path, "weight"));
      if (weight < 0) {
        throw nodes.error(get(m, "weight"), child(path, "weight"), "must be >= 0 (was " + weight + ")");
      }
    }
    List<StepSpec> steps = new ArrayList<>();
    if (has(m, "steps") && !kinds.isEmpty()) {
      String kind = kinds.get(0).key();
      Field second = later(m, kind, "steps");
      throw nodes.error(second.keyAt(), child(path, second.key()), "give " + kind + " (one step) or steps (a sequence), not both");
    } else if (has(m, "steps")) {
      for (Field f : m.fields().values()) {
        if (drivers.stepKeys().contains(f.key())) {
          throw nodes.error(f.keyAt(), child(path, f.key()), "goes inside a step when the flow has steps");
        }
      }
      List<Node> items = nodes.nonEmptyList(get(m, "steps"), child(path, "steps"), "a step");
      for (int i = 0; i < items.size(); i++) {
        steps.add(step(items.get(i), child(path, "steps") + "[" + i + "]", scope));
      }
    } else if (kinds.size() > 1) {
      throw notBoth(kinds, path);
    } else if (kinds.size() == 1) {
      checkCompanions(m, path, kinds.get(0).key(), Set.of("name", "weight"));
      steps.add(driverStep(drivers.kind(kinds.get(0).key()), m, path, scope));
    } else {
      throw nodes.error(m, path, drivers.kindKeys().isEmpty() ? noDriver() : "needs " + orList(drivers.kindKeys(), true) + ", or steps");
    }
    Set<String> used = new LinkedHashSet<>();
    for (StepSpec s : steps) {
      if (s instanceof DriverStep d) {
        used.addAll(d.feeders());
      }
    }
    if (steps.stream().noneMatch(s -> s instanceof DriverStep)) {
      throw nodes.error(get(m, "steps"), child(path, "steps"), drivers.kindKeys().isEmpty() ? noDriver()
          : "has no " + orList(drivers.kindKeys(), false) + " (a flow needs at least one)");
    }
    return new FlowSpec(name, weight, steps, used);
  }

  private StepSpec step(Node n, String path, Template.Scope scope) {
    MapNode m = nodes.map(n, path, null);
    List<Field> kinds = kinds(m, true);
    checkKeys(m, path, drivers.keys("step"), !kinds.isEmpty(), true);
    if (kinds.size() > 1) {
      throw notBoth(kinds, path);
    }
    if (kinds.isEmpty()) {
      List<String> all = new ArrayList<>(drivers.kindKeys());
      all.add(THINK);
      throw nodes.error(m, path, "needs " + orList(all, true));
    }
    String kind = kinds.get(0).key();
    checkCompanions(m, path, kind, Set.of());
    if (kind.equals(THINK)) {
      return new ThinkStep(loads.thinkTime(get(m, THINK), child(path, THINK)));
    }
    return driverStep(drivers.kind(kind), m, path, scope);
  }

  private DriverStep driverStep(Drivers.Kind kind, MapNode m, String path, Template.Scope scope) {
    DriverStep step = files.use(kind.driver()).readStep(kind.kind(), m, path, scope);
    if (step == null || !kind.driver().name().equals(step.driver())) {
      throw new IllegalStateException("driver '" + kind.driver().name() + "' read a " + kind.kind().key()
          + " step as " + (step == null ? "null" : "a step of driver '" + step.driver() + "'"));
    }
    return step;
  }

  /** The fields of {@code m} that say what kind of step it is. */
  private List<Field> kinds(MapNode m, boolean thinkToo) {
    return m.fields().values().stream()
        .filter(f -> drivers.kind(f.key()) != null || thinkToo && f.key().equals(THINK)).toList();
  }

  /** Unknown keys: a misspelling gets a suggestion, a step kind no driver provides says so. */
  private void checkKeys(MapNode m, String path, List<String> allowed, boolean kindKnown, boolean thinkToo) {
    for (Field f : m.fields().values()) {
      if (allowed.contains(f.key())) {
        continue;
      }
      if (Suggestions.closest(f.key(), allowed) == null && !kindKnown) {
        List<String> known = new ArrayList<>(drivers.kindKeys());
        if (thinkToo) {
          known.add(THINK);
        }
        throw nodes.error(f.keyAt(), child(path, f.key()), "unknown key: no driver on the classpath has a step kind '"
            + f.key() + "' (" + (known.isEmpty() ? "" : "step kinds: " + String.join(", ", known) + "; ")
            + "drivers: " + drivers.names() + ")");
      }
      throw nodes.error(f.keyAt(), child(path, f.key()), "unknown key" + Suggestions.hint(f.key(), allowed, "allowed keys"));
    }
  }

  /** Keys of a step that belong to another kind than {@code kind}. */
  private void checkCompanions(MapNode m, String path, String kind, Set<String> ignored) {
    List<String> allowed = kind.equals(THINK) ? List.of() : drivers.kind(kind).kind().keys();
    for (Field f : m.fields().values()) {
      if (f.key().equals(kind) || ignored.contains(f.key()) || allowed.contains(f.key())) {
        continue;
      }
      List<String> owners = drivers.kindKeys().stream()
          .filter(k -> drivers.kind(k).kind().keys().contains(f.key())).toList();
      throw nodes.error(f.keyAt(), child(path, f.key()), "goes with " + orList(owners, true) + ", not " + article(kind)
          + " step");
    }
  }

  private RuntimeException notBoth(List<Field> kinds, String path) {
    Field second = kinds.get(1);
    return nodes.error(second.keyAt(), child(path, second.key()), "a step is " + article(kinds.get(0).key()) + " or "
        + article(second.key()) + ", not both");
  }

  private String noDriver() {
    return "needs a step of a driver, and no driver is on the classpath (plimsoll-http provides request steps)";
  }

  /** "a request, an echo or a think". */
  private static String orList(Collection<String> words, boolean articles) {
    List<String> items = words.stream().map(w -> articles ? article(w) : w).toList();
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
  }

  private static String article(String word) {
    return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
  }
}
