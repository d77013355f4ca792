package dev.plimsoll.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.units.Units;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A simulation written in YAML: the same settings as {@link Simulation.Builder}, optionally on top
 * of a predefined size. Every key is checked; a mistake names the field.
 *
 * <pre>{@code
 * name: gossip
 * size: medium                 # optional: start from a predefined size (its criteria included)
 * nodes: 100
 * connectionsPerNode: 10
 * rampUp: 10s
 * rate: 1000/s
 * duration: 5m
 * traffic: unicast             # or broadcast
 * sessions: 1
 * seed: 42
 * deterministic: true
 * transport: memory            # or tcp, udp: real sockets on 127.0.0.1 (real time only)
 * deliveryTimeout: 1s
 * clockSkew: 50ms
 * link:
 *   latency: uniform(5ms,15ms)
 *   jitter: 2ms
 *   correlation: 0.25          # each latency sample leans on the one before
 *   loss: 0.01                 # or: {goodToBad: 0.05, badToGood: 0.25, lossInGood: 0, lossInBad: 0.9}
 *   duplicate: 0.001
 *   reorder: 0.01
 *   bandwidth: 1MB/s           # one message at a time, each messageBytes long (1024)
 *   queueLimit: 100            # a message finding 100 waiting is dropped
 * faults:
 *   - partition: {at: 2m, healAt: 150s, oneWay: false, side: [0, 1, 2], bridge: [3], holdInFlight: false}
 *   - crash: {nodes: 5, at: 3m, restartAt: 200s}
 *   - pause: {nodes: 2, at: 4m, resumeAt: 250s}
 * criteria:
 *   - delivery.p95 < 100ms
 * }</pre>
 */
public final class SimulationFile {
  private static final Set<String> TOP = Set.of("name", "size", "nodes", "connectionsPerNode", "rampUp", "rate",
      "duration", "traffic", "sessions", "seed", "deterministic", "deliveryTimeout", "clockSkew", "messageBytes",
      "transport", "link", "faults", "criteria");
  private static final Set<String> LINK = Set.of("latency", "jitter", "loss", "duplicate", "reorder", "bandwidth",
      "queueLimit", "correlation");
  private static final Set<String> GILBERT_ELLIOTT = Set.of("goodToBad", "badToGood", "lossInGood", "lossInBad");
  private static final Set<String> PARTITION = Set.of("at", "healAt", "oneWay", "side", "bridge", "holdInFlight");
  private static final Set<String> CRASH = Set.of("nodes", "at", "restartAt");
  private static final Set<String> PAUSE = Set.of("nodes", "at", "resumeAt");

  private SimulationFile() {}

  /**
   * Reads {@code file} into a builder, to change further or build.
   *
   * @throws InvalidConfigurationException naming the field at fault, or the file when it is not YAML
   */
  public static Simulation.Builder read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidConfigurationException(file.toString(), "cannot read it as YAML (" + firstLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidConfigurationException(file.toString(), "must be a YAML mapping of settings");
    }
    known(root, TOP, "");
    Simulation.Builder b = root.has("size") ? Simulation.preset(text(root, "size", "size"))
        : Simulation.builder(stem(file));
    if (root.has("name")) {
      b.name(text(root, "name", "name"));
    }
    if (root.has("nodes")) {
      b.nodes(integer(root, "nodes", "nodes"));
    }
    if (root.has("connectionsPerNode")) {
      b.connectionsPerNode(integer(root, "connectionsPerNode", "connectionsPerNode"));
    }
    if (root.has("rampUp")) {
      b.rampUp(duration(root, "rampUp", "rampUp"));
    }
    if (root.has("rate")) {
      String rate = text(root, "rate", "rate");
      b.rate(convert("rate", () -> Units.parseRate(rate)));
    }
    if (root.has("duration")) {
      b.duration(duration(root, "duration", "duration"));
    }
    if (root.has("traffic")) {
      String traffic = text(root, "traffic", "traffic");
      b.traffic(convert("traffic", () -> Traffic.valueOf(traffic.toUpperCase(Locale.ROOT))));
    }
    if (root.has("sessions")) {
      b.sessions(integer(root, "sessions", "sessions"));
    }
    if (root.has("seed")) {
      b.seed(convert("seed", () -> Long.parseLong(text(root, "seed", "seed"))));
    }
    if (root.has("deterministic")) {
      b.deterministic(bool(root.get("deterministic"), "deterministic"));
    }
    if (root.has("transport")) {
      String transport = text(root, "transport", "transport");
      b.transport(convert("transport", () -> Transport.parse(transport)));
    }
    if (root.has("deliveryTimeout")) {
      b.deliveryTimeout(duration(root, "deliveryTimeout", "deliveryTimeout"));
    }
    if (root.has("messageBytes")) {
      b.messageBytes(integer(root, "messageBytes", "messageBytes"));
    }
    if (root.has("clockSkew")) {
      b.clockSkew(duration(root, "clockSkew", "clockSkew"));
    }
    if (root.has("link")) {
      b.link(link(root.get("link"), b.currentLink()));
    }
    if (root.has("faults")) {
      JsonNode faults = list(root.get("faults"), "faults");
      for (int i = 0; i < faults.size(); i++) {
        b.fault(fault(faults.get(i), "faults[" + i + "]"));
      }
    }
    if (root.has("criteria")) {
      JsonNode criteria = list(root.get("criteria"), "criteria");
      for (int i = 0; i < criteria.size(); i++) {
        b.criterion(criteria.get(i).asText());
      }
    }
    return b;
  }

  private static LinkConditions link(JsonNode node, LinkConditions base) {
    known(node, LINK, "link.");
    LinkConditions c = base;
    if (node.has("latency")) {
      c = c.latency(Latency.parse(text(node, "latency", "link.latency")));
    }
    if (node.has("jitter")) {
      c = c.jitter(duration(node, "jitter", "link.jitter"));
    }
    if (node.has("loss")) {
      JsonNode loss = node.get("loss");
      if (loss.isObject()) {
        known(loss, GILBERT_ELLIOTT, "link.loss.");
        c = c.loss(Loss.gilbertElliott(number(loss, "goodToBad", "link.loss"), number(loss, "badToGood", "link.loss"),
            number(loss, "lossInGood", "link.loss"), number(loss, "lossInBad", "link.loss")));
      } else {
        c = c.loss(Loss.random(number(node, "loss", "link")));
      }
    }
    if (node.has("duplicate")) {
      c = c.duplicate(number(node, "duplicate", "link"));
    }
    if (node.has("reorder")) {
      c = c.reorder(number(node, "reorder", "link"));
    }
    if (node.has("bandwidth")) {
      String size = text(node, "bandwidth", "link.bandwidth");
      c = c.bandwidth(convert("link.bandwidth", () -> Units.parseSize(size.replaceFirst("/s$", ""))));
    }
    if (node.has("correlation")) {
      c = c.correlation(number(node, "correlation", "link"));
    }
    if (node.has("queueLimit")) {
      c = c.queueLimit(integer(node, "queueLimit", "link.queueLimit"));
    }
    return c;
  }

  private static Fault fault(JsonNode node, String field) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw new InvalidConfigurationException(field, "must be one of: partition: {...}, crash: {...}, pause: {...}");
    }
    Map.Entry<String, JsonNode> only = node.properties().iterator().next();
    JsonNode v = only.getValue();
    String where = field + "." + only.getKey();
    return switch (only.getKey()) {
      case "partition" -> {
        known(v, PARTITION, where + ".");
        Fault.Partition p = Fault.partition(duration(v, "at", where + ".at"),
            v.has("healAt") ? duration(v, "healAt", where + ".healAt") : null);
        if (v.has("side")) {
          p = p.side(ids(v.get("side"), where + ".side"));
        }
        if (v.has("bridge")) {
          p = p.bridge(ids(v.get("bridge"), where + ".bridge"));
        }
        if (v.has("holdInFlight") && bool(v.get("holdInFlight"), where + ".holdInFlight")) {
          p = p.holdInFlight();
        }
        yield v.has("oneWay") && bool(v.get("oneWay"), where + ".oneWay") ? p.oneWay() : p;
      }
      case "crash" -> {
        known(v, CRASH, where + ".");
        yield new Fault.Crash(integer(v, "nodes", where + ".nodes"), duration(v, "at", where + ".at"),
            v.has("restartAt") ? duration(v, "restartAt", where + ".restartAt") : null);
      }
      case "pause" -> {
        known(v, PAUSE, where + ".");
        yield Fault.pause(integer(v, "nodes", where + ".nodes"), duration(v, "at", where + ".at"),
            duration(v, "resumeAt", where + ".resumeAt"));
      }
      default -> throw new InvalidConfigurationException(field,
          "unknown fault '" + only.getKey() + "' (faults: partition, crash, pause)");
    };
  }

  private static void known(JsonNode node, Set<String> keys, String prefix) {
    if (node == null || !node.isObject()) {
      throw new InvalidConfigurationException(prefix.isEmpty() ? "file" : prefix.substring(0, prefix.length() - 1),
          "must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (!keys.contains(key)) {
        throw new InvalidConfigurationException(prefix + key,
            "unknown setting (settings here: " + String.join(", ", keys.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String text(JsonNode parent, String key, String field) {
    JsonNode v = parent.get(key);
    if (v == null || !v.isValueNode() || v.isNull()) {
      throw new InvalidConfigurationException(field, "is required as a value");
    }
    return v.asText();
  }

  private static int integer(JsonNode parent, String key, String field) {
    JsonNode v = parent.get(key);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new InvalidConfigurationException(field, "must be a whole number (was " + v + ")");
    }
    return v.intValue();
  }

  private static double number(JsonNode parent, String key, String field) {
    JsonNode v = parent.get(key);
    if (v == null || !v.isNumber()) {
      throw new InvalidConfigurationException(field + (field.endsWith(key) ? "" : "." + key),
          "must be a number (was " + v + ")");
    }
    return v.doubleValue();
  }

  private static boolean bool(JsonNode v, String field) {
    if (v == null || !v.isBoolean()) {
      throw new InvalidConfigurationException(field, "must be true or false (was " + v + ")");
    }
    return v.booleanValue();
  }

  private static Duration duration(JsonNode parent, String key, String field) {
    String text = text(parent, key, field);
    return convert(field, () -> Units.parseDuration(text));
  }

  private static Set<Integer> ids(JsonNode v, String field) {
    JsonNode list = list(v, field);
    java.util.Set<Integer> ids = new java.util.TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      ids.add(integer(list, i, field + "[" + i + "]"));
    }
    return ids;
  }

  private static int integer(JsonNode list, int index, String field) {
    JsonNode v = list.get(index);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidConfigurationException(field, "must be a whole number (was " + v + ")");
    }
    return v.intValue();
  }

  private static JsonNode list(JsonNode v, String field) {
    if (v == null || !v.isArray()) {
      throw new InvalidConfigurationException(field, "must be a list");
    }
    return v;
  }

  private static <T> T convert(String field, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(field, e.getMessage());
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String firstLine(IOException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
