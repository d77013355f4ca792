package dev.plimsoll.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys each kind of mapping in a scenario file accepts, before drivers add theirs (to
 * {@code scenario}, {@code defaults}, {@code flow} and {@code step}; see {@link Drivers#keys}).
 * The reader rejects any other key, and a test checks that the JSON Schema lists exactly these,
 * under {@code $defs} of the same names ({@code scenario} is the schema's root).
 */
final class SpecKeys {
  private SpecKeys() {}

  static final List<String> SCENARIO = List.of(
      "name", "target", "duration", "warmUp", "interval", "gracefulStop", "seed", "defaults",
      "variables", "feeders", "workloads", "criteria", "preset");
  static final List<String> DEFAULTS = List.of("thinkTime");
  static final List<String> FEEDER = List.of("file", "format", "order");
  static final List<String> WORKLOAD = List.of("name", "open", "closed", "mix");
  static final List<String> OPEN = List.of(
      "rate", "stages", "start", "ramp", "spike", "burst", "random", "arrivals", "maxInFlight");
  static final List<String> RATE_STAGE = List.of("duration", "target");
  static final List<String> RAMP = List.of("from", "to", "over");
  static final List<String> SPIKE = List.of("base", "peak", "at", "length");
  static final List<String> BURST = List.of("size", "every");
  static final List<String> RANDOM = List.of("min", "max", "every", "seed");
  static final List<String> CLOSED = List.of(
      "users", "stages", "start", "thinkTime", "pacing", "iterationsPerUser", "sharedIterations");
  static final List<String> USER_STAGE = List.of("duration", "target");
  static final List<String> THINK_TIME = List.of("constant", "uniform", "exponential");
  static final List<String> FLOW = List.of("name", "weight", "steps");
  static final List<String> STEP = List.of("think");

  /** Every mapping kind by its schema name. */
  static final Map<String, List<String>> ALL = all();

  /** The mappings drivers add keys to. */
  static final List<String> EXTENSIBLE = List.of("scenario", "defaults", "flow", "step");

  private static Map<String, List<String>> all() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("scenario", SCENARIO);
    all.put("defaults", DEFAULTS);
    all.put("feeder", FEEDER);
    all.put("workload", WORKLOAD);
    all.put("open", OPEN);
    all.put("rateStage", RATE_STAGE);
    all.put("ramp", RAMP);
    all.put("spike", SPIKE);
    all.put("burst", BURST);
    all.put("random", RANDOM);
    all.put("closed", CLOSED);
    all.put("userStage", USER_STAGE);
    all.put("thinkTime", THINK_TIME);
    all.put("flow", FLOW);
    all.put("step", STEP);
    return Collections.unmodifiableMap(all);
  }
}
