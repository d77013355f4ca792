package dev.plimsoll.scenario;

import dev.plimsoll.core.Arrivals;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Stage;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Preset;
import dev.plimsoll.scenario.HttpSettingsSpec.HttpProtocol;
import dev.plimsoll.scenario.YamlTree.Field;
import dev.plimsoll.scenario.YamlTree.ListNode;
import dev.plimsoll.scenario.YamlTree.Location;
import dev.plimsoll.scenario.YamlTree.MapNode;
import dev.plimsoll.scenario.YamlTree.Node;
import dev.plimsoll.scenario.YamlTree.ScalarKind;
import dev.plimsoll.scenario.YamlTree.ScalarNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the YAML tree of a scenario file into a {@link ScenarioSpec}, checking every value where
 * it was written. Checks that overrides can change the outcome of (the target that relative URLs
 * need, a warm-up shorter than the run) are kept for {@link #checkEffective}.
 */
final class SpecReader {

  static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(5);
  static final long DEFAULT_SEED = 42;

  /** Workload and flow names become operation names and criterion scopes. */
  private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final String OPERATION_NAME_RULE = "a letter or '_', then letters, digits, '_' or '-'";
  /** Variables, feeders and extracted values are named in templates, so no '-' or '.'. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String IDENTIFIER_RULE = "a letter or '_', then letters, digits or '_'";
  private static final Pattern KEY_AS_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");
  private static final List<String> OPEN_PROFILES = List.of("rate", "stages", "ramp", "spike", "burst", "random");

  private final String source;
  private final Path baseDirectory;
  private final Map<String, String> environment;

  private Location warmUpAt;
  private Location durationAt;
  /** Relative request URLs, checked once the target is final. */
  private final List<Deferred> relativeUrls = new ArrayList<>();

  private long seed = DEFAULT_SEED;
  private Map<String, String> variables = Map.of();
  private final Map<String, FeederSpec> feeders = new LinkedHashMap<>();

  private record Deferred(Location at, String path, String text) {}

  SpecReader(String source, Path baseDirectory, Map<String, String> environment) {
    this.source = source;
    this.baseDirectory = baseDirectory;
    this.environment = environment;
  }

  ScenarioSpec read(Node rootNode) {
    MapNode root = map(rootNode, "", SpecKeys.SCENARIO);
    String name = has(root, "name") ? nonBlank(get(root, "name"), "name") : defaultName();
    URI target = has(root, "target") ? target(get(root, "target"), "target") : null;
    Duration duration = DEFAULT_DURATION;
    if (has(root, "duration")) {
      durationAt = get(root, "duration").at();
      duration = positive(get(root, "duration"), "duration");
    }
    Duration warmUp = Duration.ZERO;
    if (has(root, "warmUp")) {
      warmUpAt = get(root, "warmUp").at();
      warmUp = duration(get(root, "warmUp"), "warmUp");
    }
    Duration interval = DEFAULT_INTERVAL;
    if (has(root, "interval")) {
      interval = duration(get(root, "interval"), "interval");
      if (interval.toMillis() < 10) {
        throw error(get(root, "interval"), "interval", "must be at least 10ms (was " + Units.formatDuration(interval) + ")");
      }
    }
    Duration gracefulStop = has(root, "gracefulStop") ? duration(get(root, "gracefulStop"), "gracefulStop") : DEFAULT_GRACEFUL_STOP;
    seed = has(root, "seed") ? longValue(get(root, "seed"), "seed") : DEFAULT_SEED;
    HttpSettingsSpec http = has(root, "http") ? http(get(root, "http"), "http") : HttpSettingsSpec.DEFAULTS;
    if (has(root, "variables")) {
      variables = variables(get(root, "variables"), "variables");
    }
    if (has(root, "feeders")) {
      readFeeders(get(root, "feeders"), "feeders");
    }
    if (!has(root, "workloads")) {
      throw error(root, "workloads", "is required (a list of workloads, each with a load model and a mix)");
    }
    Node workloadsNode = get(root, "workloads");
    Map<Integer, Set<String>> extractedByWorkload = extractedNames(workloadsNode);
    Set<String> allExtracted = new TreeSet<>();
    extractedByWorkload.values().forEach(allExtracted::addAll);
    DefaultsSpec defaults = has(root, "defaults")
        ? defaults(get(root, "defaults"), "defaults", scope(allExtracted))
        : DefaultsSpec.NONE;
    Set<String> defaultHeaderFeeders = new LinkedHashSet<>();
    defaults.headers().values().forEach(t -> defaultHeaderFeeders.addAll(t.feeders()));

    List<WorkloadSpec> workloads = new ArrayList<>();
    List<Node> workloadNodes = nonEmptyList(workloadsNode, "workloads", "a workload");
    Map<String, String> workloadNames = new HashMap<>();
    Map<String, String> flowNames = new HashMap<>();
    for (int i = 0; i < workloadNodes.size(); i++) {
      String path = "workloads[" + i + "]";
      WorkloadSpec w = workload(workloadNodes.get(i), path, defaults,
          scope(extractedByWorkload.getOrDefault(i, Set.of())), defaultHeaderFeeders);
      MapNode wm = (MapNode) workloadNodes.get(i);
      String firstUse = workloadNames.putIfAbsent(w.name(), path);
      if (firstUse != null) {
        throw error(get(wm, "name"), path + ".name", "'" + w.name() + "' is already the name of " + firstUse);
      }
      List<Node> flowNodes = ((ListNode) get(wm, "mix")).items();
      for (int f = 0; f < w.mix().size(); f++) {
        String flowPath = path + ".mix[" + f + "]";
        String first = flowNames.putIfAbsent(w.mix().get(f).name(), flowPath);
        if (first != null) {
          throw error(get((MapNode) flowNodes.get(f), "name"), flowPath + ".name", "'" + w.mix().get(f).name()
              + "' is already the name of " + first + " (flow names are operation names, unique in the scenario)");
        }
      }
      workloads.add(w);
    }
    List<String> criteria = has(root, "criteria") ? criteria(get(root, "criteria"), "criteria") : List.of();
    String preset = null;
    if (has(root, "preset")) {
      preset = text(get(root, "preset"), "preset");
      String p = preset;
      core(get(root, "preset"), "preset", () -> Preset.named(p));
    }
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, http, defaults,
        variables, feeders, workloads, criteria, preset);
  }

  /**
   * The checks that overrides could change: relative URLs need a target, and the warm-up must be
   * shorter than the run. Values that an override supplied were checked by {@link Overrides}.
   */
  void checkEffective(ScenarioSpec spec) {
    if (spec.target() == null && !relativeUrls.isEmpty()) {
      Deferred d = relativeUrls.get(0);
      throw new ScenarioException(source, d.at().line(), d.at().column(), d.path(), "'" + d.text()
          + "' is relative and there is no target (set target: http://host:port, or PLIMSOLL_TARGET)");
    }
    if (spec.warmUp().compareTo(spec.duration()) >= 0) {
      Location at = warmUpAt != null ? warmUpAt : durationAt;
      String path = warmUpAt != null ? "warmUp" : "duration";
      String problem = "the warm-up " + Units.formatDuration(spec.warmUp()) + " must be shorter than the duration "
          + Units.formatDuration(spec.duration()) + (durationAt == null ? " (the default)" : "");
      if (at == null) {
        throw new ScenarioException(source, path, problem);
      }
      throw new ScenarioException(source, at.line(), at.column(), path, problem);
    }
  }

  // ---------------------------------------------------------------- sections

  private HttpSettingsSpec http(Node n, String path) {
    MapNode m = map(n, path, SpecKeys.HTTP);
    HttpSettingsSpec d = HttpSettingsSpec.DEFAULTS;
    int connections = d.connections();
    if (has(m, "connections")) {
      connections = integer(get(m, "connections"), child(path, "connections"));
      if (connections <= 0) {
        throw error(get(m, "connections"), child(path, "connections"), "must be > 0 (was " + connections + ")");
      }
    }
    HttpProtocol protocol = d.protocol();
    if (has(m, "protocol")) {
      String token = choice(get(m, "protocol"), child(path, "protocol"), List.of("http1", "h2", "h2c"));
      for (HttpProtocol p : HttpProtocol.values()) {
        if (p.token().equals(token)) {
          protocol = p;
        }
      }
    }
    Duration timeout = has(m, "timeout") ? positive(get(m, "timeout"), child(path, "timeout")) : d.timeout();
    Duration connectTimeout = has(m, "connectTimeout")
        ? positive(get(m, "connectTimeout"), child(path, "connectTimeout"))
        : d.connectTimeout();
    boolean insecure = has(m, "insecure") ? bool(get(m, "insecure"), child(path, "insecure")) : d.insecure();
    Path caFile = has(m, "caFile") ? existingFile(get(m, "caFile"), child(path, "caFile")) : null;
    boolean follow = has(m, "followRedirects") ? bool(get(m, "followRedirects"), child(path, "followRedirects")) : d.followRedirects();
    boolean compression = has(m, "compression") ? bool(get(m, "compression"), child(path, "compression")) : d.compression();
    return new HttpSettingsSpec(connections, protocol, timeout, connectTimeout, insecure, caFile, follow, compression);
  }

  private Map<String, String> variables(Node n, String path) {
    MapNode m = map(n, path, null);
    Map<String, String> values = new LinkedHashMap<>();
    Template.Scope envOnly = Template.Scope.environmentOnly(environment);
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      identifier(f, p, "variable");
      Template t = template(f.value(), p, envOnly);
      if (!t.isConstant()) {
        throw error(f.value(), p, "a variable may only use ${env.NAME} (found '" + t.source() + "')");
      }
      values.put(f.key(), t.render(null, null));
    }
    return values;
  }

  private void readFeeders(Node n, String path) {
    MapNode m = map(n, path, null);
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      identifier(f, p, "feeder");
      if (variables.containsKey(f.key())) {
        throw error(f.keyAt(), p, "'" + f.key() + "' is already a variable (feeders and variables need distinct names)");
      }
      MapNode fm = map(f.value(), p, SpecKeys.FEEDER);
      if (!has(fm, "file")) {
        throw error(fm, child(p, "file"), "is required (a .csv file with a header row, or a .json array of objects)");
      }
      Node fileNode = get(fm, "file");
      Path file = existingFile(fileNode, child(p, "file"));
      FeederSpec.Format format;
      if (has(fm, "format")) {
        format = FeederSpec.Format.valueOf(
            choice(get(fm, "format"), child(p, "format"), List.of("csv", "json")).toUpperCase(Locale.ROOT));
      } else {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
          format = FeederSpec.Format.CSV;
        } else if (lower.endsWith(".json")) {
          format = FeederSpec.Format.JSON;
        } else {
          throw error(fileNode, child(p, "file"), "cannot tell the format from the name '" + file.getFileName()
              + "' (add format: csv or format: json)");
        }
      }
      FeederSpec.Order order = FeederSpec.Order.CIRCULAR;
      if (has(fm, "order")) {
        order = FeederSpec.Order.valueOf(choice(get(fm, "order"), child(p, "order"),
            List.of("sequential", "random", "circular")).toUpperCase(Locale.ROOT));
      }
      String written = text(fileNode, child(p, "file"));
      FeederFiles.Table table;
      try {
        String content = readText(file);
        table = format == FeederSpec.Format.CSV ? FeederFiles.csv(content, written) : FeederFiles.json(content, written);
      } catch (IllegalArgumentException e) {
        throw error(fileNode, child(p, "file"), e.getMessage());
      } catch (IOException e) {
        throw error(fileNode, child(p, "file"), "'" + written + "' cannot be read: " + e.getMessage());
      }
      if (table.records().isEmpty()) {
        throw error(fileNode, child(p, "file"), "'" + written + "' has no records");
      }
      feeders.put(f.key(), new FeederSpec(f.key(), file, format, order, table.columns(), table.records()));
    }
  }

  private DefaultsSpec defaults(Node n, String path, Template.Scope scope) {
    MapNode m = map(n, path, SpecKeys.DEFAULTS);
    Map<String, Template> headers = has(m, "headers") ? headers(get(m, "headers"), child(path, "headers"), scope) : Map.of();
    ThinkTime think = has(m, "thinkTime") ? thinkTime(get(m, "thinkTime"), child(path, "thinkTime")) : ThinkTime.none();
    CheckSpec checks = has(m, "checks") ? checks(get(m, "checks"), child(path, "checks"), scope, CheckSpec.DEFAULT) : CheckSpec.DEFAULT;
    return new DefaultsSpec(headers, think, checks);
  }

  private WorkloadSpec workload(
      Node n, String path, DefaultsSpec defaults, Template.Scope scope, Set<String> defaultHeaderFeeders) {
    MapNode m = map(n, path, SpecKeys.WORKLOAD);
    if (!has(m, "name")) {
      throw error(m, child(path, "name"), "is required");
    }
    String name = operationName(get(m, "name"), child(path, "name"));
    LoadModel load;
    if (has(m, "open") && has(m, "closed")) {
      Field second = later(m, "open", "closed");
      throw error(second.keyAt(), child(path, second.key()), "a workload has one load model: open or closed, not both");
    } else if (has(m, "open")) {
      load = open(get(m, "open"), child(path, "open"));
    } else if (has(m, "closed")) {
      load = closed(get(m, "closed"), child(path, "closed"), defaults.thinkTime());
    } else {
      throw error(m, path, "needs a load model: open (an arrival rate) or closed (virtual users)");
    }
    if (!has(m, "mix")) {
      throw error(m, child(path, "mix"), "is required (the weighted flows this workload runs)");
    }
    List<Node> items = nonEmptyList(get(m, "mix"), child(path, "mix"), "a flow");
    List<FlowSpec> flows = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String flowPath = child(path, "mix") + "[" + i + "]";
      FlowSpec flow = flow(items.get(i), flowPath, defaults.checks(), scope, defaultHeaderFeeders);
      Integer first = names.putIfAbsent(flow.name(), i);
      if (first != null) {
        throw error(get((MapNode) items.get(i), "name"), flowPath + ".name",
            "'" + flow.name() + "' is already the name of mix[" + first + "]");
      }
      flows.add(flow);
    }
    if (flows.stream().mapToInt(FlowSpec::weight).sum() == 0) {
      throw error(get(m, "mix"), child(path, "mix"), "every weight is 0 (at least one must be > 0)");
    }
    return new WorkloadSpec(name, load, flows);
  }

  private LoadModel open(Node n, String path) {
    MapNode m = map(n, path, SpecKeys.OPEN);
    List<Field> profiles = m.fields().values().stream().filter(f -> OPEN_PROFILES.contains(f.key())).toList();
    if (profiles.isEmpty()) {
      throw error(m, path, "needs a rate profile: one of " + String.join(", ", OPEN_PROFILES));
    }
    if (profiles.size() > 1) {
      Field second = profiles.get(1);
      throw error(second.keyAt(), child(path, second.key()), "cannot be combined with '" + profiles.get(0).key()
          + "' (give one of " + String.join(", ", OPEN_PROFILES) + ")");
    }
    Field kind = profiles.get(0);
    if (has(m, "start") && !kind.key().equals("stages")) {
      Field start = m.fields().get("start");
      throw error(start.keyAt(), child(path, "start"), "only goes with stages (it is the rate the first stage starts from)");
    }
    String p = child(path, kind.key());
    Node v = kind.value();
    RateProfile profile = switch (kind.key()) {
      case "rate" -> {
        double rate = rate(v, p);
        yield core(v, p, () -> RateProfile.constant(rate));
      }
      case "stages" -> {
        double start = has(m, "start") ? rate(get(m, "start"), child(path, "start")) : 0;
        List<Stage> stages = stages(v, p, SpecKeys.RATE_STAGE, true);
        yield core(v, p, () -> RateProfile.stages(start, stages.toArray(Stage[]::new)));
      }
      case "ramp" -> {
        MapNode r = map(v, p, SpecKeys.RAMP);
        double from = rate(required(r, p, "from"), child(p, "from"));
        double to = rate(required(r, p, "to"), child(p, "to"));
        Duration over = positive(required(r, p, "over"), child(p, "over"));
        yield core(v, p, () -> RateProfile.ramp(from, to, over));
      }
      case "spike" -> {
        MapNode s = map(v, p, SpecKeys.SPIKE);
        double base = rate(required(s, p, "base"), child(p, "base"));
        double peak = rate(required(s, p, "peak"), child(p, "peak"));
        Duration at = duration(required(s, p, "at"), child(p, "at"));
        Duration length = positive(required(s, p, "length"), child(p, "length"));
        yield core(v, p, () -> RateProfile.spike(base, peak, at, length));
      }
      case "burst" -> {
        MapNode b = map(v, p, SpecKeys.BURST);
        int size = integer(required(b, p, "size"), child(p, "size"));
        Duration every = positive(required(b, p, "every"), child(p, "every"));
        yield core(get(b, "size"), child(p, "size"), () -> RateProfile.burst(size, every));
      }
      default -> {
        MapNode r = map(v, p, SpecKeys.RANDOM);
        double min = rate(required(r, p, "min"), child(p, "min"));
        double max = rate(required(r, p, "max"), child(p, "max"));
        Duration every = positive(required(r, p, "every"), child(p, "every"));
        long randomSeed = has(r, "seed") ? longValue(get(r, "seed"), child(p, "seed")) : seed;
        yield core(v, p, () -> RateProfile.random(min, max, every, randomSeed));
      }
    };
    Arrivals arrivals = Arrivals.UNIFORM;
    if (has(m, "arrivals")) {
      arrivals = Arrivals.valueOf(
          choice(get(m, "arrivals"), child(path, "arrivals"), List.of("uniform", "poisson")).toUpperCase(Locale.ROOT));
    }
    int maxInFlight = OpenModel.DEFAULT_MAX_IN_FLIGHT;
    Node limitNode = m;
    if (has(m, "maxInFlight")) {
      limitNode = get(m, "maxInFlight");
      maxInFlight = integer(limitNode, child(path, "maxInFlight"));
    }
    Arrivals a = arrivals;
    int limit = maxInFlight;
    return core(limitNode, child(path, "maxInFlight"), () -> new OpenModel(profile, a, limit));
  }

  private LoadModel closed(Node n, String path, ThinkTime defaultThink) {
    MapNode m = map(n, path, SpecKeys.CLOSED);
    UserProfile users;
    if (has(m, "users") && has(m, "stages")) {
      Field second = later(m, "users", "stages");
      throw error(second.keyAt(), child(path, second.key()), "give users (a constant number) or stages, not both");
    } else if (has(m, "users")) {
      if (has(m, "start")) {
        throw error(m.fields().get("start").keyAt(), child(path, "start"), "only goes with stages (the users the first stage starts from)");
      }
      int count = integer(get(m, "users"), child(path, "users"));
      users = core(get(m, "users"), child(path, "users"), () -> UserProfile.constant(count));
    } else if (has(m, "stages")) {
      int start = has(m, "start") ? integer(get(m, "start"), child(path, "start")) : 0;
      if (start < 0) {
        throw error(get(m, "start"), child(path, "start"), "must be >= 0 (was " + start + ")");
      }
      List<Stage> stages = stages(get(m, "stages"), child(path, "stages"), SpecKeys.USER_STAGE, false);
      users = core(get(m, "stages"), child(path, "stages"), () -> UserProfile.stages(start, stages.toArray(Stage[]::new)));
    } else {
      throw error(m, path, "needs users (a number) or stages (users over time)");
    }
    ThinkTime think = has(m, "thinkTime") ? thinkTime(get(m, "thinkTime"), child(path, "thinkTime")) : defaultThink;
    Duration pacing = Duration.ZERO;
    if (has(m, "pacing")) {
      pacing = positive(get(m, "pacing"), child(path, "pacing"));
      if (has(m, "thinkTime")) {
        Field second = later(m, "pacing", "thinkTime");
        throw error(second.keyAt(), child(path, second.key()),
            "pacing and thinkTime cannot be combined (a paced user starts an iteration every pacing, whatever it thinks)");
      }
      think = ThinkTime.none();
    }
    long perUser = has(m, "iterationsPerUser") ? nonNegativeLong(get(m, "iterationsPerUser"), child(path, "iterationsPerUser")) : 0;
    long shared = has(m, "sharedIterations") ? nonNegativeLong(get(m, "sharedIterations"), child(path, "sharedIterations")) : 0;
    ThinkTime t = think;
    Duration pace = pacing;
    return core(m, path, () -> new ClosedModel(users, t, pace, perUser, shared));
  }

  private List<Stage> stages(Node n, String path, List<String> keys, boolean rates) {
    List<Node> items = nonEmptyList(n, path, "a stage ({duration: 30s, target: " + (rates ? "200/s" : "50") + "})");
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      MapNode s = map(items.get(i), p, keys);
      Duration d = positive(required(s, p, "duration"), child(p, "duration"));
      Node targetNode = required(s, p, "target");
      double target;
      if (rates) {
        target = rate(targetNode, child(p, "target"));
      } else {
        target = integer(targetNode, child(p, "target"));
        if (target < 0) {
          throw error(targetNode, child(p, "target"), "must be >= 0 (was " + (long) target + ")");
        }
      }
      stages.add(new Stage(d, target));
    }
    return stages;
  }

  private ThinkTime thinkTime(Node n, String path) {
    if (n instanceof ScalarNode) {
      Duration d = duration(n, path);
      return d.isZero() ? ThinkTime.none() : ThinkTime.constant(d);
    }
    if (!(n instanceof MapNode)) {
      throw error(n, path, "expected a duration (1s), or {uniform: [0.5s, 2s]} or {exponential: 1s}, got " + n.describe());
    }
    MapNode m = map(n, path, SpecKeys.THINK_TIME);
    if (m.fields().size() != 1) {
      throw error(m, path, "give exactly one of constant, uniform, exponential");
    }
    Field f = m.fields().values().iterator().next();
    String p = child(path, f.key());
    return switch (f.key()) {
      case "constant" -> {
        Duration d = duration(f.value(), p);
        yield d.isZero() ? ThinkTime.none() : ThinkTime.constant(d);
      }
      case "uniform" -> {
        List<Node> bounds = list(f.value(), p);
        if (bounds.size() != 2) {
          throw error(f.value(), p, "expected two durations [min, max], e.g. [500ms, 2s]");
        }
        Duration min = duration(bounds.get(0), p + "[0]");
        Duration max = duration(bounds.get(1), p + "[1]");
        yield core(bounds.get(1), p + "[1]", () -> ThinkTime.uniform(min, max));
      }
      default -> {
        Duration mean = positive(f.value(), p);
        yield ThinkTime.exponential(mean);
      }
    };
  }

  private FlowSpec flow(Node n, String path, CheckSpec defaultChecks, Template.Scope scope, Set<String> headerFeeders) {
    MapNode m = map(n, path, SpecKeys.FLOW);
    if (!has(m, "name")) {
      throw error(m, child(path, "name"), "is required (it names the operation in reports and criteria)");
    }
    String name = operationName(get(m, "name"), child(path, "name"));
    int weight = 1;
    if (has(m, "weight")) {
      weight = integer(get(m, "weight"), child(path, "weight"));
      if (weight < 0) {
        throw error(get(m, "weight"), child(path, "weight"), "must be >= 0 (was " + weight + ")");
      }
    }
    List<StepSpec> steps = new ArrayList<>();
    if (has(m, "request") && has(m, "steps")) {
      Field second = later(m, "request", "steps");
      throw error(second.keyAt(), child(path, second.key()), "give request (one request) or steps (a sequence), not both");
    } else if (has(m, "steps")) {
      for (String key : List.of("checks", "extract")) {
        if (has(m, key)) {
          throw error(m.fields().get(key).keyAt(), child(path, key), "goes inside a step when the flow has steps");
        }
      }
      List<Node> items = nonEmptyList(get(m, "steps"), child(path, "steps"), "a step");
      for (int i = 0; i < items.size(); i++) {
        steps.add(step(items.get(i), child(path, "steps") + "[" + i + "]", defaultChecks, scope));
      }
    } else if (has(m, "request")) {
      steps.add(requestStep(m, path, defaultChecks, scope));
    } else {
      throw error(m, path, "needs a request, or steps");
    }
    Set<String> used = new LinkedHashSet<>(headerFeeders);
    for (StepSpec s : steps) {
      if (s instanceof StepSpec.RequestStep r) {
        used.addAll(r.request().url().feeders());
        r.request().headers().values().forEach(t -> used.addAll(t.feeders()));
        if (r.request().body() instanceof BodySpec.Text text) {
          used.addAll(text.template().feeders());
        }
        if (r.checks().bodyContains() != null) {
          used.addAll(r.checks().bodyContains().feeders());
        }
      }
    }
    if (steps.stream().noneMatch(s -> s instanceof StepSpec.RequestStep)) {
      throw error(get(m, "steps"), child(path, "steps"), "has no request (a flow sends at least one)");
    }
    return new FlowSpec(name, weight, steps, used);
  }

  private StepSpec step(Node n, String path, CheckSpec defaultChecks, Template.Scope scope) {
    MapNode m = map(n, path, SpecKeys.STEP);
    if (has(m, "request") && has(m, "think")) {
      Field second = later(m, "request", "think");
      throw error(second.keyAt(), child(path, second.key()), "a step is a request or a think, not both");
    }
    if (has(m, "think")) {
      for (String key : List.of("checks", "extract")) {
        if (has(m, key)) {
          throw error(m.fields().get(key).keyAt(), child(path, key), "goes with a request, not a think step");
        }
      }
      return new StepSpec.ThinkStep(thinkTime(get(m, "think"), child(path, "think")));
    }
    if (!has(m, "request")) {
      throw error(m, path, "needs a request or a think");
    }
    return requestStep(m, path, defaultChecks, scope);
  }

  private StepSpec.RequestStep requestStep(MapNode m, String path, CheckSpec defaultChecks, Template.Scope scope) {
    RequestSpec request = request(get(m, "request"), child(path, "request"), scope);
    CheckSpec checks = has(m, "checks") ? checks(get(m, "checks"), child(path, "checks"), scope, defaultChecks) : defaultChecks;
    List<ExtractSpec> extract = has(m, "extract") ? extract(get(m, "extract"), child(path, "extract")) : List.of();
    return new StepSpec.RequestStep(request, checks, extract);
  }

  private RequestSpec request(Node n, String path, Template.Scope scope) {
    MapNode m = map(n, path, SpecKeys.REQUEST);
    String method = "GET";
    if (has(m, "method")) {
      method = text(get(m, "method"), child(path, "method"));
      if (!METHOD.matcher(method).matches()) {
        throw error(get(m, "method"), child(path, "method"), "'" + method + "' is not an HTTP method (examples: GET, POST, PUT, DELETE)");
      }
      method = method.toUpperCase(Locale.ROOT);
    }
    if (!has(m, "url")) {
      throw error(m, child(path, "url"), "is required");
    }
    Node urlNode = get(m, "url");
    Template url = template(urlNode, child(path, "url"), scope);
    String lower = url.source().toLowerCase(Locale.ROOT);
    boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
    if (!absolute && !url.source().startsWith("${")) {
      if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
        throw error(urlNode, child(path, "url"), "'" + url.source() + "' is not an http:// or https:// URL");
      }
      relativeUrls.add(new Deferred(urlNode.at(), child(path, "url"), url.source()));
    }
    Map<String, Template> headers = has(m, "headers") ? headers(get(m, "headers"), child(path, "headers"), scope) : Map.of();
    List<Field> bodies = m.fields().values().stream()
        .filter(f -> List.of("body", "bodyFile", "bodyTemplate").contains(f.key())).toList();
    if (bodies.size() > 1) {
      throw error(bodies.get(1).keyAt(), child(path, bodies.get(1).key()),
          "cannot be combined with '" + bodies.get(0).key() + "' (a request has one body)");
    }
    BodySpec body = BodySpec.NONE;
    if (!bodies.isEmpty()) {
      Field f = bodies.get(0);
      String p = child(path, f.key());
      body = switch (f.key()) {
        case "body" -> new BodySpec.Text(template(f.value(), p, scope));
        case "bodyFile" -> {
          Path file = existingFile(f.value(), p);
          try {
            yield new BodySpec.File(file, Files.readAllBytes(file));
          } catch (IOException e) {
            throw error(f.value(), p, "'" + text(f.value(), p) + "' cannot be read: " + e.getMessage());
          }
        }
        default -> {
          Path file = existingFile(f.value(), p);
          String content;
          try {
            content = readText(file);
          } catch (IOException e) {
            throw error(f.value(), p, "'" + text(f.value(), p) + "' cannot be read: " + e.getMessage());
          }
          try {
            yield new BodySpec.Text(Template.compile(content, scope));
          } catch (IllegalArgumentException e) {
            throw error(f.value(), p, "in '" + text(f.value(), p) + "': " + e.getMessage());
          }
        }
      };
    }
    return new RequestSpec(method, url, headers, body);
  }

  private Map<String, Template> headers(Node n, String path, Template.Scope scope) {
    MapNode m = map(n, path, null);
    Map<String, Template> headers = new LinkedHashMap<>();
    Map<String, String> lowerCase = new HashMap<>();
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      if (!HEADER_NAME.matcher(f.key()).matches()) {
        throw error(f.keyAt(), p, "'" + f.key() + "' is not a valid header name");
      }
      String first = lowerCase.putIfAbsent(f.key().toLowerCase(Locale.ROOT), f.key());
      if (first != null) {
        throw error(f.keyAt(), p, "header '" + f.key() + "' is already given as '" + first + "' (header names ignore case)");
      }
      headers.put(f.key(), template(f.value(), p, scope));
    }
    return headers;
  }

  private CheckSpec checks(Node n, String path, Template.Scope scope, CheckSpec defaults) {
    MapNode m = map(n, path, SpecKeys.CHECKS);
    List<String> status = defaults.status();
    if (has(m, "status")) {
      Node s = get(m, "status");
      List<Node> items = s instanceof ListNode l ? l.items() : List.of(s);
      if (items.isEmpty()) {
        throw error(s, child(path, "status"), "is empty (give the allowed codes, e.g. [200, 404] or [2xx])");
      }
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String p = s instanceof ListNode ? child(path, "status") + "[" + i + "]" : child(path, "status");
        codes.add(statusCode(items.get(i), p));
      }
      status = codes;
    }
    Template bodyContains = defaults.bodyContains();
    if (has(m, "bodyContains")) {
      bodyContains = template(get(m, "bodyContains"), child(path, "bodyContains"), scope);
      if (bodyContains.source().isEmpty()) {
        throw error(get(m, "bodyContains"), child(path, "bodyContains"), "is empty");
      }
    }
    Map<String, String> jsonPath = new LinkedHashMap<>(defaults.jsonPath());
    if (has(m, "jsonPath")) {
      MapNode paths = map(get(m, "jsonPath"), child(path, "jsonPath"), null);
      for (Field f : paths.fields().values()) {
        String p = child(child(path, "jsonPath"), f.key());
        jsonPath(f.keyAt(), f.key(), p);
        if (!(f.value() instanceof ScalarNode v)) {
          throw error(f.value(), p, "expected the value to compare with, got " + f.value().describe());
        }
        jsonPath.put(f.key(), v.kind() == ScalarKind.NULL ? "null" : v.text());
      }
    }
    OptionalLong maxSize = defaults.maxSizeBytes();
    if (has(m, "maxSize")) {
      maxSize = OptionalLong.of(size(get(m, "maxSize"), child(path, "maxSize")));
    }
    return new CheckSpec(status, bodyContains, jsonPath, maxSize);
  }

  private String statusCode(Node n, String path) {
    if (n instanceof ScalarNode s) {
      if (s.kind() == ScalarKind.NUMBER && s.text().matches("[1-5]\\d\\d")) {
        return s.text();
      }
      if (s.kind() == ScalarKind.STRING && STATUS_CLASS.matcher(s.text()).matches()) {
        return s.text();
      }
    }
    throw error(n, path, (n instanceof ScalarNode s ? "'" + s.text() + "'" : n.describe())
        + " is not a status code (examples: 200, 404, 2xx)");
  }

  private List<ExtractSpec> extract(Node n, String path) {
    MapNode m = map(n, path, null);
    List<ExtractSpec> extract = new ArrayList<>();
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      identifier(f, p, "extracted value");
      if (feeders.containsKey(f.key())) {
        throw error(f.keyAt(), p, "'" + f.key() + "' is already a feeder (extracted values and feeders need distinct names)");
      }
      MapNode e = map(f.value(), p, SpecKeys.EXTRACTOR);
      if (e.fields().size() != 1) {
        throw error(e, p, "give exactly one of jsonPath, regex, header");
      }
      Field how = e.fields().values().iterator().next();
      String hp = child(p, how.key());
      String expression = text(how.value(), hp);
      ExtractSpec.From from = switch (how.key()) {
        case "jsonPath" -> {
          jsonPath(how.value().at(), expression, hp);
          yield ExtractSpec.From.JSON_PATH;
        }
        case "regex" -> {
          try {
            if (Pattern.compile(expression).matcher("").groupCount() < 1) {
              throw error(how.value(), hp, "'" + expression + "' has no group: the value taken is group 1, e.g. \"id=(\\\\d+)\"");
            }
          } catch (PatternSyntaxException x) {
            throw error(how.value(), hp, "'" + expression + "' is not a regular expression: "
                + x.getDescription() + " near position " + (x.getIndex() + 1));
          }
          yield ExtractSpec.From.REGEX;
        }
        default -> {
          if (!HEADER_NAME.matcher(expression).matches()) {
            throw error(how.value(), hp, "'" + expression + "' is not a valid header name");
          }
          yield ExtractSpec.From.HEADER;
        }
      };
      extract.add(new ExtractSpec(f.key(), from, expression));
    }
    return extract;
  }

  private List<String> criteria(Node n, String path) {
    List<Node> items = list(n, path);
    List<String> criteria = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      String text = text(items.get(i), p);
      core(items.get(i), p, () -> Criterion.parse(text));
      criteria.add(text);
    }
    return criteria;
  }

  /** Names each workload's requests extract, so templates anywhere in it can use them. */
  private static Map<Integer, Set<String>> extractedNames(Node workloads) {
    Map<Integer, Set<String>> names = new HashMap<>();
    if (!(workloads instanceof ListNode list)) {
      return names;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Set<String> found = new TreeSet<>();
      if (list.items().get(i) instanceof MapNode w && w.fields().get("mix") != null
          && w.fields().get("mix").value() instanceof ListNode mix) {
        for (Node flow : mix.items()) {
          if (flow instanceof MapNode fm) {
            collectExtracted(fm, found);
            if (fm.fields().get("steps") != null && fm.fields().get("steps").value() instanceof ListNode steps) {
              for (Node step : steps.items()) {
                if (step instanceof MapNode sm) {
                  collectExtracted(sm, found);
                }
              }
            }
          }
        }
      }
      names.put(i, found);
    }
    return names;
  }

  private static void collectExtracted(MapNode m, Set<String> into) {
    Field f = m.fields().get("extract");
    if (f != null && f.value() instanceof MapNode e) {
      into.addAll(e.fields().keySet());
    }
  }

  private Template.Scope scope(Set<String> extracted) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    feeders.forEach((name, feeder) -> columns.put(name, feeder.columns()));
    return new Template.Scope(variables, extracted, columns, environment);
  }

  // ---------------------------------------------------------------- values

  private URI target(Node n, String path) {
    Template t = template(n, path, Template.Scope.environmentOnly(environment));
    if (!t.isConstant()) {
      throw error(n, path, "the target may only use ${env.NAME} (found '" + t.source() + "')");
    }
    try {
      return parseTarget(t.render(null, null));
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  /** An absolute http(s) URL with a host, without a trailing slash. */
  static URI parseTarget(String text) {
    String t = text.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      URI uri = new URI(t);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a base URL (expected http://host:port or https://host/path)");
  }

  private Path existingFile(Node n, String path) {
    String written = text(n, path);
    Path file = baseDirectory.resolve(written).normalize();
    if (!Files.isRegularFile(file)) {
      throw error(n, path, "'" + written + "' not found (looked for " + file.toAbsolutePath() + ")");
    }
    return file;
  }

  private static String readText(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
  }

  private String defaultName() {
    String file = source.isEmpty() ? "scenario" : Path.of(source).getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private Template template(Node n, String path, Template.Scope scope) {
    String text = text(n, path);
    try {
      return Template.compile(text, scope);
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  private void jsonPath(Location at, String expression, String path) {
    try {
      JsonPath.compile(expression);
    } catch (IllegalArgumentException e) {
      throw error(at, path, e.getMessage());
    }
  }

  private void identifier(Field f, String path, String what) {
    if (!IDENTIFIER.matcher(f.key()).matches()) {
      throw error(f.keyAt(), path, "'" + f.key() + "' is not allowed as a " + what + " name (" + IDENTIFIER_RULE + ")");
    }
    if (Template.RESERVED.contains(f.key())) {
      throw error(f.keyAt(), path, "'" + f.key() + "' is reserved (" + String.join(", ", new TreeSet<>(Template.RESERVED))
          + " are built into templates)");
    }
  }

  private String operationName(Node n, String path) {
    String name = text(n, path);
    if (!OPERATION_NAME.matcher(name).matches()) {
      throw error(n, path, "'" + name + "' is not allowed (" + OPERATION_NAME_RULE + ")");
    }
    return name;
  }

  private String nonBlank(Node n, String path) {
    String text = text(n, path);
    if (text.isBlank()) {
      throw error(n, path, "is empty");
    }
    return text;
  }

  private String text(Node n, String path) {
    if (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL) {
      return s.text();
    }
    throw error(n, path, n instanceof ScalarNode ? "is empty" : "expected text, got " + n.describe());
  }

  private String choice(Node n, String path, List<String> allowed) {
    String text = text(n, path);
    if (allowed.contains(text)) {
      return text;
    }
    throw error(n, path, "'" + text + "' is not one of " + String.join(", ", allowed)
        + Suggestions.hint(text, allowed, "allowed").replaceFirst(" \\(allowed: .*\\)$", ""));
  }

  private Duration duration(Node n, String path) {
    try {
      return Units.parseDuration(scalarText(n, path, "a duration (" + Units.DURATION_EXAMPLES + ")"));
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  private Duration positive(Node n, String path) {
    Duration d = duration(n, path);
    if (d.isZero()) {
      throw error(n, path, "must be longer than 0s");
    }
    return d;
  }

  private double rate(Node n, String path) {
    try {
      return Units.parseRate(scalarText(n, path, "a rate (" + Units.RATE_EXAMPLES + ")"));
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  private long size(Node n, String path) {
    try {
      return Units.parseSize(scalarText(n, path, "a size (" + Units.SIZE_EXAMPLES + ")"));
    } catch (IllegalArgumentException e) {
      throw error(n, path, e.getMessage());
    }
  }

  private String scalarText(Node n, String path, String expected) {
    if (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL) {
      return s.text();
    }
    throw error(n, path, "expected " + expected + ", got " + n.describe());
  }

  private int integer(Node n, String path) {
    long value = longValue(n, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(n, path, "'" + value + "' is too large");
    }
    return (int) value;
  }

  private long nonNegativeLong(Node n, String path) {
    long value = longValue(n, path);
    if (value < 0) {
      throw error(n, path, "must be >= 0 (was " + value + ")");
    }
    return value;
  }

  private long longValue(Node n, String path) {
    if (n instanceof ScalarNode s && s.kind() == ScalarKind.NUMBER) {
      try {
        return Long.parseLong(s.text());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(n, path, (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL ? "'" + s.text() + "'" : n.describe())
        + " is not a whole number");
  }

  private boolean bool(Node n, String path) {
    // YAML 1.1 also reads yes/no/on/off as booleans; only true and false are accepted here.
    if (n instanceof ScalarNode s && s.kind() == ScalarKind.BOOLEAN
        && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
      return s.text().equalsIgnoreCase("true");
    }
    throw error(n, path, (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL ? "'" + s.text() + "'" : n.describe())
        + " is not true or false");
  }

  // ---------------------------------------------------------------- structure

  /** The node as a mapping whose keys are all in {@code allowed} (any key when null). */
  private MapNode map(Node n, String path, List<String> allowed) {
    if (!(n instanceof MapNode m)) {
      throw error(n, path, "expected a mapping (key: value), got " + n.describe());
    }
    if (allowed != null) {
      for (Field f : m.fields().values()) {
        if (!allowed.contains(f.key())) {
          throw error(f.keyAt(), child(path, f.key()), "unknown key" + Suggestions.hint(f.key(), allowed, "allowed keys"));
        }
      }
    }
    return m;
  }

  private List<Node> list(Node n, String path) {
    if (n instanceof ListNode l) {
      return l.items();
    }
    throw error(n, path, "expected a list, got " + n.describe());
  }

  private List<Node> nonEmptyList(Node n, String path, String what) {
    List<Node> items = list(n, path);
    if (items.isEmpty()) {
      throw error(n, path, "is empty (give at least " + what + ")");
    }
    return items;
  }

  private static boolean has(MapNode m, String key) {
    return m.fields().containsKey(key);
  }

  private static Node get(MapNode m, String key) {
    return m.fields().get(key).value();
  }

  private Node required(MapNode m, String path, String key) {
    if (!has(m, key)) {
      throw error(m, child(path, key), "is required");
    }
    return get(m, key);
  }

  /** Of two keys both present, the one written second. */
  private static Field later(MapNode m, String a, String b) {
    for (Field f : m.fields().values()) {
      if (f.key().equals(a)) {
        return m.fields().get(b);
      }
      if (f.key().equals(b)) {
        return m.fields().get(a);
      }
    }
    throw new IllegalStateException();
  }

  static String child(String path, String key) {
    if (KEY_AS_PATH.matcher(key).matches()) {
      return path.isEmpty() ? key : path + "." + key;
    }
    return path + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  private <T> T core(Node at, String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidConfigurationException e) {
      String message = e.getMessage();
      String prefix = e.field() + ": ";
      throw error(at, path, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    } catch (IllegalArgumentException e) {
      throw error(at, path, e.getMessage());
    }
  }

  private ScenarioException error(Node n, String path, String problem) {
    return error(n.at(), path, problem);
  }

  private ScenarioException error(Location at, String path, String problem) {
    return new ScenarioException(source, at.line(), at.column(), path, problem);
  }
}
