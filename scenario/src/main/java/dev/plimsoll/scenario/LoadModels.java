package dev.plimsoll.scenario;

import static dev.plimsoll.scenario.driver.Nodes.child;
import static dev.plimsoll.scenario.driver.Nodes.get;
import static dev.plimsoll.scenario.driver.Nodes.has;
import static dev.plimsoll.scenario.driver.Nodes.later;

import dev.plimsoll.core.Arrivals;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Stage;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.scenario.driver.Yaml.Field;
import dev.plimsoll.scenario.driver.Yaml.MapNode;
import dev.plimsoll.scenario.driver.Yaml.Node;
import dev.plimsoll.scenario.driver.Yaml.ScalarNode;
import dev.plimsoll.scenario.driver.Nodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts the load settings of a workload ({@code open}, {@code closed}, stages, think times)
 * into core's {@link LoadModel} types. Core validates its own values; its
 * {@link dev.plimsoll.core.InvalidConfigurationException}s are reported again at the position of
 * the node that supplied the value.
 */
final class LoadModels {

  private static final List<String> OPEN_PROFILES = List.of("rate", "stages", "ramp", "spike", "burst", "random");

  private final Nodes nodes;
  private final long seed;

  LoadModels(Nodes nodes, long seed) {
    this.nodes = nodes;
    this.seed = seed;
  }

  LoadModel open(Node n, String path) {
    MapNode m = nodes.map(n, path, SpecKeys.OPEN);
    List<Field> profiles = m.fields().values().stream().filter(f -> OPEN_PROFILES.contains(f.key())).toList();
    if (profiles.isEmpty()) {
      throw nodes.error(m, path, "needs a rate profile: one of " + String.join(", ", OPEN_PROFILES));
    }
    if (profiles.size() > 1) {
      Field second = profiles.get(1);
      throw nodes.error(second.keyAt(), child(path, second.key()), "cannot be combined with '" + profiles.get(0).key()
          + "' (give one of " + String.join(", ", OPEN_PROFILES) + ")");
    }
    Field kind = profiles.get(0);
    if (has(m, "start") && !kind.key().equals("stages")) {
      Field start = m.fields().get("start");
      throw nodes.error(start.keyAt(), child(path, "start"), "only goes with stages (it is the rate the first stage starts from)");
    }
    String p = child(path, kind.key());
    Node v = kind.value();
    RateProfile profile = switch (kind.key()) {
      case "rate" -> {
        double rate = nodes.rate(v, p);
        yield nodes.core(v, p, () -> RateProfile.constant(rate));
      }
      case "stages" -> {
        double start = has(m, "start") ? nodes.rate(get(m, "start"), child(path, "start")) : 0;
        List<Stage> stages = stages(v, p, SpecKeys.RATE_STAGE, true);
        yield nodes.core(v, p, () -> RateProfile.stages(start, stages.toArray(Stage[]::new)));
      }
      case "ramp" -> {
        MapNode r = nodes.map(v, p, SpecKeys.RAMP);
        double from = nodes.rate(nodes.required(r, p, "from"), child(p, "from"));
        double to = nodes.rate(nodes.required(r, p, "to"), child(p, "to"));
        Duration over = nodes.positive(nodes.required(r, p, "over"), child(p, "over"));
        yield nodes.core(v, p, () -> RateProfile.ramp(from, to, over));
      }
      case "spike" -> {
        MapNode s = nodes.map(v, p, SpecKeys.SPIKE);
        double base = nodes.rate(nodes.required(s, p, "base"), child(p, "base"));
        double peak = nodes.rate(nodes.required(s, p, "peak"), child(p, "peak"));
        Duration at = nodes.duration(nodes.required(s, p, "at"), child(p, "at"));
        Duration length = nodes.positive(nodes.required(s, p, "length"), child(p, "length"));
        yield nodes.core(v, p, () -> RateProfile.spike(base, peak, at, length));
      }
      case "burst" -> {
        MapNode b = nodes.map(v, p, SpecKeys.BURST);
        int size = nodes.integer(nodes.required(b, p, "size"), child(p, "size"));
        Duration every = nodes.positive(nodes.required(b, p, "every"), child(p, "every"));
        yield nodes.core(get(b, "size"), child(p, "size"), () -> RateProfile.burst(size, every));
      }
      default -> {
        MapNode r = nodes.map(v, p, SpecKeys.RANDOM);
        double min = nodes.rate(nodes.required(r, p, "min"), child(p, "min"));
        double max = nodes.rate(nodes.required(r, p, "max"), child(p, "max"));
        Duration every = nodes.positive(nodes.required(r, p, "every"), child(p, "every"));
        long randomSeed = has(r, "seed") ? nodes.longValue(get(r, "seed"), child(p, "seed")) : seed;
        yield nodes.core(v, p, () -> RateProfile.random(min, max, every, randomSeed));
      }
    };
    Arrivals arrivals = Arrivals.UNIFORM;
    if (has(m, "arrivals")) {
      arrivals = Arrivals.valueOf(
          nodes.choice(get(m, "arrivals"), child(path, "arrivals"), List.of("uniform", "poisson")).toUpperCase(Locale.ROOT));
    }
    int maxInFlight = OpenModel.DEFAULT_MAX_IN_FLIGHT;
    Node limitNode = m;
    if (has(m, "maxInFlight")) {
      limitNode = get(m, "maxInFlight");
      maxInFlight = nodes.integer(limitNode, child(path, "maxInFlight"));
    }
    Arrivals a = arrivals;
    int limit = maxInFlight;
    return nodes.core(limitNode, child(path, "maxInFlight"), () -> new OpenModel(profile, a, limit));
  }

  LoadModel closed(Node n, String path, ThinkTime defaultThink) {
    MapNode m = nodes.map(n, path, SpecKeys.CLOSED);
    UserProfile users;
    if (has(m, "users") && has(m, "stages")) {
      Field second = later(m, "users", "stages");
      throw nodes.error(second.keyAt(), child(path, second.key()), "give users (a constant number) or stages, not both");
    } else if (has(m, "users")) {
      if (has(m, "start")) {
        throw nodes.error(m.fields().get("start").keyAt(), child(path, "start"), "only goes with stages (the users the first stage starts from)");
      }
      int count = nodes.integer(get(m, "users"), child(path, "users"));
      users = nodes.core(get(m, "users"), child(path, "users"), () -> UserProfile.constant(count));
    } else if (has(m, "stages")) {
      int start = has(m, "start") ? nodes.integer(get(m, "start"), child(path, "start")) : 0;
      if (start < 0) {
        throw nodes.error(get(m, "start"), child(path, "start"), "must be >= 0 (was " + start + ")");
      }
      List<Stage> stages = stages(get(m, "stages"), child(path, "stages"), SpecKeys.USER_STAGE, false);
      users = nodes.core(get(m, "stages"), child(path, "stages"), () -> UserProfile.stages(start, stages.toArray(Stage[]::new)));
    } else {
      throw nodes.error(m, path, "needs users (a number) or stages (users over time)");
    }
    ThinkTime think = has(m, "thinkTime") ? thinkTime(get(m, "thinkTime"), child(path, "thinkTime")) : defaultThink;
    Duration pacing = Duration.ZERO;
    if (has(m, "pacing")) {
      pacing = nodes.positive(get(m, "pacing"), child(path, "pacing"));
      if (has(m, "thinkTime")) {
        Field second = later(m, "pacing", "thinkTime");
        throw nodes.error(second.keyAt(), child(path, second.key()),
            "pacing and thinkTime cannot be combined (a paced user starts an iteration every pacing, whatever it thinks)");
      }
      think = ThinkTime.none();
    }
    long perUser = has(m, "iterationsPerUser") ? nodes.nonNegativeLong(get(m, "iterationsPerUser"), child(path, "iterationsPerUser")) : 0;
    long shared = has(m, "sharedIterations") ? nodes.nonNegativeLong(get(m, "sharedIterations"), child(path, "sharedIterations")) : 0;
    ThinkTime t = think;
    Duration pace = pacing;
    return nodes.core(m, path, () -> new ClosedModel(users, t, pace, perUser, shared));
  }

  List<Stage> stages(Node n, String path, List<String> keys, boolean rates) {
    List<Node> items = nodes.nonEmptyList(n, path, "a stage ({duration: 30s, target: " + (rates ? "200/s" : "50") + "})");
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      MapNode s = nodes.map(items.get(i), p, keys);
      Duration d = nodes.positive(nodes.required(s, p, "duration"), child(p, "duration"));
      Node targetNode = nodes.required(s, p, "target");
      double target;
      if (rates) {
        target = nodes.rate(targetNode, child(p, "target"));
      } else {
        target = nodes.integer(targetNode, child(p, "target"));
        if (target < 0) {
          throw nodes.error(targetNode, child(p, "target"), "must be >= 0 (was " + (long) target + ")");
        }
      }
      stages.add(new Stage(d, target));
    }
    return stages;
  }

  ThinkTime thinkTime(Node n, String path) {
    if (n instanceof ScalarNode) {
      Duration d = nodes.duration(n, path);
      return d.isZero() ? ThinkTime.none() : ThinkTime.constant(d);
    }
    if (!(n instanceof MapNode)) {
      throw nodes.error(n, path, "expected a duration (1s), or {uniform: [0.5s, 2s]} or {exponential: 1s}, got " + n.describe());
    }
    MapNode m = nodes.map(n, path, SpecKeys.THINK_TIME);
    if (m.fields().size() != 1) {
      throw nodes.error(m, path, "give exactly one of constant, uniform, exponential");
    }
    Field f = m.fields().values().iterator().next();
    String p = child(path, f.key());
    return switch (f.key()) {
      case "constant" -> {
        Duration d = nodes.duration(f.value(), p);
        yield d.isZero() ? ThinkTime.none() : ThinkTime.constant(d);
      }
      case "uniform" -> {
        List<Node> bounds = nodes.list(f.value(), p);
        if (bounds.size() != 2) {
          throw nodes.error(f.value(), p, "expected two durations [min, max], e.g. [500ms, 2s]");
        }
        Duration min = nodes.duration(bounds.get(0), p + "[0]");
        Duration max = nodes.duration(bounds.get(1), p + "[1]");
        yield nodes.core(bounds.get(1), p + "[1]", () -> ThinkTime.uniform(min, max));
      }
      default -> {
        Duration mean = nodes.positive(f.value(), p);
        yield ThinkTime.exponential(mean);
      }
    };
  }
}
