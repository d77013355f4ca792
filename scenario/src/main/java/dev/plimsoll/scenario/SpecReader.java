package dev.plimsoll.scenario;

import static dev.plimsoll.scenario.Nodes.child;
import static dev.plimsoll.scenario.Nodes.get;
import static dev.plimsoll.scenario.Nodes.has;
import static dev.plimsoll.scenario.Nodes.later;

import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.ThinkTime;
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
  private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");

  private final String source;
  private final Nodes nodes;
  private LoadModels loads;
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
    this.nodes = new Nodes(source);
    this.baseDirectory = baseDirectory;
    this.environment = environment;
  }

  ScenarioSpec read(Node rootNode) {
    MapNode root = nodes.map(rootNode, "", SpecKeys.SCENARIO);
    String name = has(root, "name") ? nodes.nonBlank(get(root, "name"), "name") : defaultName();
    URI target = has(root, "target") ? target(get(root, "target"), "target") : null;
    Duration duration = DEFAULT_DURATION;
    if (has(root, "duration")) {
      durationAt = get(root, "duration").at();
      duration = nodes.positive(get(root, "duration"), "duration");
    }
    Duration warmUp = Duration.ZERO;
    if (has(root, "warmUp")) {
      warmUpAt = get(root, "warmUp").at();
      warmUp = nodes.duration(get(root, "warmUp"), "warmUp");
    }
    Duration interval = DEFAULT_INTERVAL;
    if (has(root, "interval")) {
      interval = nodes.duration(get(root, "interval"), "interval");
      if (interval.toMillis() < 10) {
        throw nodes.error(get(root, "interval"), "interval", "must be at least 10ms (was " + Units.formatDuration(interval) + ")");
      }
    }
    Duration gracefulStop = has(root, "gracefulStop") ? nodes.duration(get(root, "gracefulStop"), "gracefulStop") : DEFAULT_GRACEFUL_STOP;
    seed = has(root, "seed") ? nodes.longValue(get(root, "seed"), "seed") : DEFAULT_SEED;
    loads = new LoadModels(nodes, seed);
    HttpSettingsSpec http = has(root, "http") ? http(get(root, "http"), "http") : HttpSettingsSpec.DEFAULTS;
    if (has(root, "variables")) {
      variables = variables(get(root, "variables"), "variables");
    }
    if (has(root, "feeders")) {
      readFeeders(get(root, "feeders"), "feeders");
    }
    if (!has(root, "workloads")) {
      throw nodes.error(root, "workloads", "is required (a list of workloads, each with a load model and a mix)");
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
    List<Node> workloadNodes = nodes.nonEmptyList(workloadsNode, "workloads", "a workload");
    Map<String, String> workloadNames = new HashMap<>();
    Map<String, String> flowNames = new HashMap<>();
    for (int i = 0; i < workloadNodes.size(); i++) {
      String path = "workloads[" + i + "]";
      WorkloadSpec w = workload(workloadNodes.get(i), path, defaults,
          scope(extractedByWorkload.getOrDefault(i, Set.of())), defaultHeaderFeeders);
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
    List<String> criteria = has(root, "criteria") ? criteria(get(root, "criteria"), "criteria") : List.of();
    String preset = null;
    if (has(root, "preset")) {
      preset = nodes.text(get(root, "preset"), "preset");
      String p = preset;
      nodes.core(get(root, "preset"), "preset", () -> Preset.named(p));
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
    MapNode m = nodes.map(n, path, SpecKeys.HTTP);
    HttpSettingsSpec d = HttpSettingsSpec.DEFAULTS;
    int connections = d.connections();
    if (has(m, "connections")) {
      connections = nodes.integer(get(m, "connections"), child(path, "connections"));
      if (connections <= 0) {
        throw nodes.error(get(m, "connections"), child(path, "connections"), "must be > 0 (was " + connections + ")");
      }
    }
    HttpProtocol protocol = d.protocol();
    if (has(m, "protocol")) {
      String token = nodes.choice(get(m, "protocol"), child(path, "protocol"), List.of("http1", "h2", "h2c"));
      for (HttpProtocol p : HttpProtocol.values()) {
        if (p.token().equals(token)) {
          protocol = p;
        }
      }
    }
    Duration timeout = has(m, "timeout") ? nodes.positive(get(m, "timeout"), child(path, "timeout")) : d.timeout();
    Duration connectTimeout = has(m, "connectTimeout")
        ? nodes.positive(get(m, "connectTimeout"), child(path, "connectTimeout"))
        : d.connectTimeout();
    boolean insecure = has(m, "insecure") ? nodes.bool(get(m, "insecure"), child(path, "insecure")) : d.insecure();
    Path caFile = has(m, "caFile") ? existingFile(get(m, "caFile"), child(path, "caFile")) : null;
    boolean follow = has(m, "followRedirects") ? nodes.bool(get(m, "followRedirects"), child(path, "followRedirects")) : d.followRedirects();
    boolean compression = has(m, "compression") ? nodes.bool(get(m, "compression"), child(path, "compression")) : d.compression();
    return new HttpSettingsSpec(connections, protocol, timeout, connectTimeout, insecure, caFile, follow, compression);
  }

  private Map<String, String> variables(Node n, String path) {
    MapNode m = nodes.map(n, path, null);
    Map<String, String> values = new LinkedHashMap<>();
    Template.Scope envOnly = Template.Scope.environmentOnly(environment);
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      identifier(f, p, "variable");
      Template t = template(f.value(), p, envOnly);
      if (!t.isConstant()) {
        throw nodes.error(f.value(), p, "a variable may only use ${env.NAME} (found '" + t.source() + "')");
      }
      values.put(f.key(), t.render(null, null));
    }
    return values;
  }

  private void readFeeders(Node n, String path) {
    MapNode m = nodes.map(n, path, null);
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      identifier(f, p, "feeder");
      if (variables.containsKey(f.key())) {
        throw nodes.error(f.keyAt(), p, "'" + f.key() + "' is already a variable (feeders and variables need distinct names)");
      }
      MapNode fm = nodes.map(f.value(), p, SpecKeys.FEEDER);
      if (!has(fm, "file")) {
        throw nodes.error(fm, child(p, "file"), "is required (a .csv file with a header row, or a .json array of objects)");
      }
      Node fileNode = get(fm, "file");
      Path file = existingFile(fileNode, child(p, "file"));
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
        String content = readText(file);
        table = format == FeederSpec.Format.CSV ? FeederFiles.csv(content, written) : FeederFiles.json(content, written);
      } catch (IllegalArgumentException e) {
        throw nodes.error(fileNode, child(p, "file"), e.getMessage());
      } catch (IOException e) {
        throw nodes.error(fileNode, child(p, "file"), "'" + written + "' cannot be read: " + e.getMessage());
      }
      if (table.records().isEmpty()) {
        throw nodes.error(fileNode, child(p, "file"), "'" + written + "' has no records");
      }
      feeders.put(f.key(), new FeederSpec(f.key(), file, format, order, table.columns(), table.records()));
    }
  }

  private DefaultsSpec defaults(Node n, String path, Template.Scope scope) {
    MapNode m = nodes.map(n, path, SpecKeys.DEFAULTS);
    Map<String, Template> headers = has(m, "headers") ? headers(get(m, "headers"), child(path, "headers"), scope) : Map.of();
    ThinkTime think = has(m, "thinkTime") ? loads.thinkTime(get(m, "thinkTime"), child(path, "thinkTime")) : ThinkTime.none();
    CheckSpec checks = has(m, "checks") ? checks(get(m, "checks"), child(path, "checks"), scope, CheckSpec.DEFAULT) : CheckSpec.DEFAULT;
    return new DefaultsSpec(headers, think, checks);
  }

  private WorkloadSpec workload(
      Node n, String path, DefaultsSpec defaults, Template.Scope scope, Set<String> defaultHeaderFeeders) {
    MapNode m = nodes.map(n, path, SpecKeys.WORKLOAD);
    if (!has(m, "name")) {
      throw nodes.error(m, child(path, "name"), "is required");
    }
    String name = operationName(get(m, "name"), child(path, "name"));
    LoadModel load;
    if (has(m, "open") && has(m, "closed")) {
      Field second = later(m, "open", "closed");
      throw nodes.error(second.keyAt(), child(path, second.key()), "a workload has one load model: open or closed, not both");
    } else if (has(m, "open")) {
      load = loads.open(get(m, "open"), child(path, "open"));
    } else if (has(m, "closed")) {
      load = loads.closed(get(m, "closed"), child(path, "closed"), defaults.thinkTime());
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
      FlowSpec flow = flow(items.get(i), flowPath, defaults.checks(), scope, defaultHeaderFeeders);
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

  private FlowSpec flow(Node n, String path, CheckSpec defaultChecks, Template.Scope scope, Set<String> headerFeeders) {
    MapNode m = nodes.map(n, path, SpecKeys.FLOW);
    if (!has(m, "name")) {
      throw nodes.error(m, child(path, "name"), "is required (it names the operation in reports and criteria)");
    }
    String name = operationName(get(m, "name"), child(path, "name"));
    int weight = 1;
    if (has(m, "weight")) {
      weight = nodes.integer(get(m, "weight"), child(path, "weight"));
      if (weight < 0) {
        throw nodes.error(get(m, "weight"), child(path, "weight"), "must be >= 0 (was " + weight + ")");
      }
    }
    List<StepSpec> steps = new ArrayList<>();
    if (has(m, "request") && has(m, "steps")) {
      Field second = later(m, "request", "steps");
      throw nodes.error(second.keyAt(), child(path, second.key()), "give request (one request) or steps (a sequence), not both");
    } else if (has(m, "steps")) {
      for (String key : List.of("checks", "extract")) {
        if (has(m, key)) {
          throw nodes.error(m.fields().get(key).keyAt(), child(path, key), "goes inside a step when the flow has steps");
        }
      }
      List<Node> items = nodes.nonEmptyList(get(m, "steps"), child(path, "steps"), "a step");
      for (int i = 0; i < items.size(); i++) {
        steps.add(step(items.get(i), child(path, "steps") + "[" + i + "]", defaultChecks, scope));
      }
    } else if (has(m, "request")) {
      steps.add(requestStep(m, path, defaultChecks, scope));
    } else {
      throw nodes.error(m, path, "needs a request, or steps");
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
      throw nodes.error(get(m, "steps"), child(path, "steps"), "has no request (a flow sends at least one)");
    }
    return new FlowSpec(name, weight, steps, used);
  }

  private StepSpec step(Node n, String path, CheckSpec defaultChecks, Template.Scope scope) {
    MapNode m = nodes.map(n, path, SpecKeys.STEP);
    if (has(m, "request") && has(m, "think")) {
      Field second = later(m, "request", "think");
      throw nodes.error(second.keyAt(), child(path, second.key()), "a step is a request or a think, not both");
    }
    if (has(m, "think")) {
      for (String key : List.of("checks", "extract")) {
        if (has(m, key)) {
          throw nodes.error(m.fields().get(key).keyAt(), child(path, key), "goes with a request, not a think step");
        }
      }
      return new StepSpec.ThinkStep(loads.thinkTime(get(m, "think"), child(path, "think")));
    }
    if (!has(m, "request")) {
      throw nodes.error(m, path, "needs a request or a think");
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
    MapNode m = nodes.map(n, path, SpecKeys.REQUEST);
    String method = "GET";
    if (has(m, "method")) {
      method = nodes.text(get(m, "method"), child(path, "method"));
      if (!METHOD.matcher(method).matches()) {
        throw nodes.error(get(m, "method"), child(path, "method"), "'" + method + "' is not an HTTP method (examples: GET, POST, PUT, DELETE)");
      }
      method = method.toUpperCase(Locale.ROOT);
    }
    if (!has(m, "url")) {
      throw nodes.error(m, child(path, "url"), "is required");
    }
    Node urlNode = get(m, "url");
    Template url = template(urlNode, child(path, "url"), scope);
    String lower = url.source().toLowerCase(Locale.ROOT);
    boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
    if (!absolute && !url.source().startsWith("${")) {
      if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
        throw nodes.error(urlNode, child(path, "url"), "'" + url.source() + "' is not an http:// or https:// URL");
      }
      relativeUrls.add(new Deferred(urlNode.at(), child(path, "url"), url.source()));
    }
    Map<String, Template> headers = has(m, "headers") ? headers(get(m, "headers"), child(path, "headers"), scope) : Map.of();
    List<Field> bodies = m.fields().values().stream()
        .filter(f -> List.of("body", "bodyFile", "bodyTemplate").contains(f.key())).toList();
    if (bodies.size() > 1) {
      throw nodes.error(bodies.get(1).keyAt(), child(path, bodies.get(1).key()),
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
            throw nodes.error(f.value(), p, "'" + nodes.text(f.value(), p) + "' cannot be read: " + e.getMessage());
          }
        }
        default -> {
          Path file = existingFile(f.value(), p);
          String content;
          try {
            content = readText(file);
          } catch (IOException e) {
            throw nodes.error(f.value(), p, "'" + nodes.text(f.value(), p) + "' cannot be read: " + e.getMessage());
          }
          try {
            yield new BodySpec.Text(Template.compile(content, scope));
          } catch (IllegalArgumentException e) {
            throw nodes.error(f.value(), p, "in '" + nodes.text(f.value(), p) + "': " + e.getMessage());
          }
        }
      };
    }
    return new RequestSpec(method, url, headers, body);
  }

  private Map<String, Template> headers(Node n, String path, Template.Scope scope) {
    MapNode m = nodes.map(n, path, null);
    Map<String, Template> headers = new LinkedHashMap<>();
    Map<String, String> lowerCase = new HashMap<>();
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      if (!HEADER_NAME.matcher(f.key()).matches()) {
        throw nodes.error(f.keyAt(), p, "'" + f.key() + "' is not a valid header name");
      }
      String first = lowerCase.putIfAbsent(f.key().toLowerCase(Locale.ROOT), f.key());
      if (first != null) {
        throw nodes.error(f.keyAt(), p, "header '" + f.key() + "' is already given as '" + first + "' (header names ignore case)");
      }
      headers.put(f.key(), template(f.value(), p, scope));
    }
    return headers;
  }

  private CheckSpec checks(Node n, String path, Template.Scope scope, CheckSpec defaults) {
    MapNode m = nodes.map(n, path, SpecKeys.CHECKS);
    List<String> status = defaults.status();
    if (has(m, "status")) {
      Node s = get(m, "status");
      List<Node> items = s instanceof ListNode l ? l.items() : List.of(s);
      if (items.isEmpty()) {
        throw nodes.error(s, child(path, "status"), "is empty (give the allowed codes, e.g. [200, 404] or [2xx])");
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
        throw nodes.error(get(m, "bodyContains"), child(path, "bodyContains"), "is empty");
      }
    }
    Map<String, String> jsonPath = new LinkedHashMap<>(defaults.jsonPath());
    if (has(m, "jsonPath")) {
      MapNode paths = nodes.map(get(m, "jsonPath"), child(path, "jsonPath"), null);
      for (Field f : paths.fields().values()) {
        String p = child(child(path, "jsonPath"), f.key());
        jsonPath(f.keyAt(), f.key(), p);
        if (!(f.value() instanceof ScalarNode v)) {
          throw nodes.error(f.value(), p, "expected the value to compare with, got " + f.value().describe());
        }
        jsonPath.put(f.key(), v.kind() == ScalarKind.NULL ? "null" : v.text());
      }
    }
    OptionalLong maxSize = defaults.maxSizeBytes();
    if (has(m, "maxSize")) {
      maxSize = OptionalLong.of(nodes.size(get(m, "maxSize"), child(path, "maxSize")));
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
    throw nodes.error(n, path, (n instanceof ScalarNode s ? "'" + s.text() + "'" : n.describe())
        + " is not a status code (examples: 200, 404, 2xx)");
  }

  private List<ExtractSpec> extract(Node n, String path) {
    MapNode m = nodes.map(n, path, null);
    List<ExtractSpec> extract = new ArrayList<>();
    for (Field f : m.fields().values()) {
      String p = child(path, f.key());
      identifier(f, p, "extracted value");
      if (feeders.containsKey(f.key())) {
        throw nodes.error(f.keyAt(), p, "'" + f.key() + "' is already a feeder (extracted values and feeders need distinct names)");
      }
      MapNode e = nodes.map(f.value(), p, SpecKeys.EXTRACTOR);
      if (e.fields().size() != 1) {
        throw nodes.error(e, p, "give exactly one of jsonPath, regex, header");
      }
      Field how = e.fields().values().iterator().next();
      String hp = child(p, how.key());
      String expression = nodes.text(how.value(), hp);
      ExtractSpec.From from = switch (how.key()) {
        case "jsonPath" -> {
          jsonPath(how.value().at(), expression, hp);
          yield ExtractSpec.From.JSON_PATH;
        }
        case "regex" -> {
          try {
            if (Pattern.compile(expression).matcher("").groupCount() < 1) {
              throw nodes.error(how.value(), hp, "'" + expression + "' has no group: the value taken is group 1, e.g. \"id=(\\\\d+)\"");
            }
          } catch (PatternSyntaxException x) {
            throw nodes.error(how.value(), hp, "'" + expression + "' is not a regular expression: "
                + x.getDescription() + " near position " + (x.getIndex() + 1));
          }
          yield ExtractSpec.From.REGEX;
        }
        default -> {
          if (!HEADER_NAME.matcher(expression).matches()) {
            throw nodes.error(how.value(), hp, "'" + expression + "' is not a valid header name");
          }
          yield ExtractSpec.From.HEADER;
        }
      };
      extract.add(new ExtractSpec(f.key(), from, expression));
    }
    return extract;
  }

  private List<String> criteria(Node n, String path) {
    List<Node> items = nodes.list(n, path);
    List<String> criteria = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      String text = nodes.text(items.get(i), p);
      nodes.core(items.get(i), p, () -> Criterion.parse(text));
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
      throw nodes.error(n, path, "the target may only use ${env.NAME} (found '" + t.source() + "')");
    }
    try {
      return parseTarget(t.render(null, null));
    } catch (IllegalArgumentException e) {
      throw nodes.error(n, path, e.getMessage());
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
    String written = nodes.text(n, path);
    Path file = baseDirectory.resolve(written).normalize();
    if (!Files.isRegularFile(file)) {
      throw nodes.error(n, path, "'" + written + "' not found (looked for " + file.toAbsolutePath() + ")");
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
    String text = nodes.text(n, path);
    try {
      return Template.compile(text, scope);
    } catch (IllegalArgumentException e) {
      throw nodes.error(n, path, e.getMessage());
    }
  }

  private void jsonPath(Location at, String expression, String path) {
    try {
      JsonPath.compile(expression);
    } catch (IllegalArgumentException e) {
      throw nodes.error(at, path, e.getMessage());
    }
  }

  private void identifier(Field f, String path, String what) {
    if (!IDENTIFIER.matcher(f.key()).matches()) {
      throw nodes.error(f.keyAt(), path, "'" + f.key() + "' is not allowed as a " + what + " name (" + IDENTIFIER_RULE + ")");
    }
    if (Template.RESERVED.contains(f.key())) {
      throw nodes.error(f.keyAt(), path, "'" + f.key() + "' is reserved (" + String.join(", ", new TreeSet<>(Template.RESERVED))
          + " are built into templates)");
    }
  }

  private String operationName(Node n, String path) {
    String name = nodes.text(n, path);
    if (!OPERATION_NAME.matcher(name).matches()) {
      throw nodes.error(n, path, "'" + name + "' is not allowed (" + OPERATION_NAME_RULE + ")");
    }
    return name;
  }

}
