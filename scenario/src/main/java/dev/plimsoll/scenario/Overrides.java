package dev.plimsoll.scenario;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.driver.DriverOverrides;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Settings that replace a scenario file's, each one optional: "unset" is not "the default".
 *
 * <h2>Precedence</h2>
 * From lowest to highest: built-in defaults, the scenario file, environment variables
 * ({@link #fromEnvironment}), command-line options ({@link #builder}). Combine layers with
 * {@link #orElse}: {@code commandLine.orElse(Overrides.fromEnvironment())}.
 *
 * <h2>What each replaces</h2>
 * <table>
 *   <caption>Overrides</caption>
 *   <tr><th>variable</th><th>replaces</th></tr>
 *   <tr><td>{@code PLIMSOLL_RATE} (200/s)</td><td>every open workload's profile, by that constant rate
 *       (arrivals and maxInFlight are kept); an error if no workload is open</td></tr>
 *   <tr><td>{@code PLIMSOLL_USERS} (50)</td><td>every closed workload's users or stages, by that
 *       constant number (think time, pacing and iteration limits are kept); an error if no workload is closed</td></tr>
 *   <tr><td>{@code PLIMSOLL_DURATION} (5m)</td><td>duration</td></tr>
 *   <tr><td>{@code PLIMSOLL_WARMUP} (30s)</td><td>warmUp</td></tr>
 *   <tr><td>{@code PLIMSOLL_CONNECTIONS} (128)</td><td>the connections of each driver that has them
 *       ({@code http.connections}); see {@link dev.plimsoll.scenario.driver.DriverSettings#overriddenBy}</td></tr>
 *   <tr><td>{@code PLIMSOLL_TARGET} (http://host:8080)</td><td>target</td></tr>
 *   <tr><td>{@code PLIMSOLL_CRITERIA} (p95 &lt; 25ms; error_rate &lt; 1%)</td><td>criteria and preset together,
 *       ';'-separated</td></tr>
 * </table>
 *
 * <p>An unusable value is a {@link ScenarioException} naming where it came from: the variable, or
 * the origin given to {@link #builder}.
 */
public final class Overrides implements DriverOverrides {

  public static final String RATE = "PLIMSOLL_RATE";
  public static final String USERS = "PLIMSOLL_USERS";
  public static final String DURATION = "PLIMSOLL_DURATION";
  public static final String WARMUP = "PLIMSOLL_WARMUP";
  public static final String CONNECTIONS = "PLIMSOLL_CONNECTIONS";
  public static final String TARGET = "PLIMSOLL_TARGET";
  public static final String CRITERIA = "PLIMSOLL_CRITERIA";

  private static final Overrides NONE = new Builder("").build();

  /** A value and where it came from, for messages. */
  private record Given<T>(T value, String where, String path) {}

  private final Given<Double> rate;
  private final Given<Integer> users;
  private final Given<Duration> duration;
  private final Given<Duration> warmUp;
  private final Given<Integer> connections;
  private final Given<URI> target;
  private final Given<List<Criterion>> criteria;

  private Overrides(Given<Double> rate, Given<Integer> users, Given<Duration> duration, Given<Duration> warmUp,
      Given<Integer> connections, Given<URI> target, Given<List<Criterion>> criteria) {
    this.rate = rate;
    this.users = users;
    this.duration = duration;
    this.warmUp = warmUp;
    this.connections = connections;
    this.target = target;
    this.criteria = criteria;
  }

  /** Nothing overridden. */
  public static Overrides none() {
    return NONE;
  }

  /** The {@code PLIMSOLL_*} variables of this process's environment. */
  public static Overrides fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * The {@code PLIMSOLL_*} variables of {@code environment}; blank values count as unset.
   *
   * @throws ScenarioException naming the variable whose value cannot be read
   */
  public static Overrides fromEnvironment(Map<String, String> environment) {
    Builder b = new Builder("");
    b.rate = fromVariable(environment, RATE, Units::parseRate);
    b.users = fromVariable(environment, USERS, Overrides::positiveInt);
    b.duration = fromVariable(environment, DURATION, v -> positive(Units.parseDuration(v)));
    b.warmUp = fromVariable(environment, WARMUP, Units::parseDuration);
    b.connections = fromVariable(environment, CONNECTIONS, Overrides::positiveInt);
    b.target = fromVariable(environment, TARGET, BaseAddress::parse);
    b.criteria = fromVariable(environment, CRITERIA, v -> {
      List<String> list = new ArrayList<>();
      for (String part : v.split(";")) {
        if (!part.isBlank()) {
          list.add(part.strip());
        }
      }
      return parsedCriteria(list, CRITERIA, true);
    });
    return b.build();
  }

  /**
   * Overrides set in code, typically from command-line options.
   *
   * @param origin how messages name where the values came from, e.g. {@code "command line"}
   */
  public static Builder builder(String origin) {
    return new Builder(origin);
  }

  /** These overrides where set, {@code lower}'s elsewhere. */
  public Overrides orElse(Overrides lower) {
    return new Overrides(
        rate != null ? rate : lower.rate,
        users != null ? users : lower.users,
        duration != null ? duration : lower.duration,
        warmUp != null ? warmUp : lower.warmUp,
        connections != null ? connections : lower.connections,
        target != null ? target : lower.target,
        criteria != null ? criteria : lower.criteria);
  }

  public OptionalDouble ratePerSecond() {
    return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate.value());
  }

  public OptionalInt users() {
    return users == null ? OptionalInt.empty() : OptionalInt.of(users.value());
  }

  public Optional<Duration> duration() {
    return Optional.ofNullable(duration).map(Given::value);
  }

  public Optional<Duration> warmUp() {
    return Optional.ofNullable(warmUp).map(Given::value);
  }

  @Override
  public OptionalInt connections() {
    return connections == null ? OptionalInt.empty() : OptionalInt.of(connections.value());
  }

  public Optional<URI> target() {
    return Optional.ofNullable(target).map(Given::value);
  }

  /** The criteria that replace the file's, parsed. */
  public Optional<List<Criterion>> criteria() {
    return Optional.ofNullable(criteria).map(Given::value);
  }

  public boolean isEmpty() {
    return rate == null && users == null && duration == null && warmUp == null && connections == null
        && target == null && criteria == null;
  }

  /**
   * The spec with these overrides applied.
   *
   * @throws ScenarioException when an overridden value does not fit the scenario (a warm-up not
   *     shorter than the run, a rate for a scenario without open workloads)
   */
  public ScenarioSpec applyTo(ScenarioSpec spec) {
    ScenarioSpec s = spec;
    if (target != null) {
      s = s.withTarget(target.value());
    }
    if (duration != null) {
      s = s.withDuration(duration.value());
    }
    if (warmUp != null) {
      s = s.withWarmUp(warmUp.value());
    }
    if (duration != null || warmUp != null) {
      ScenarioSpec timed = s;
      core(warmUp != null ? warmUp : duration, () -> Scenario.checkWarmUp(timed.warmUp(), timed.duration()));
    }
    if (connections != null) {
      Map<String, DriverSettings> settings = new LinkedHashMap<>();
      s.settings().forEach((driver, value) -> settings.put(driver, parse(connections.where(), connections.path(),
          () -> value.overriddenBy(this))));
      s = s.withSettings(settings);
    }
    if (rate != null || users != null) {
      s = s.withWorkloads(load(s.workloads()));
    }
    if (criteria != null) {
      List<String> operations = CriteriaScopes.operations(s.workloads());
      for (int i = 0; i < criteria.value().size(); i++) {
        String problem = CriteriaScopes.problem(criteria.value().get(i), operations);
        if (problem != null) {
          throw new ScenarioException(criteria.where(), criteria.path().isEmpty() ? "" : "criteria[" + i + "]", problem);
        }
      }
      s = s.withCriteria(criteria.value(), null);
    }
    return s;
  }

  private List<WorkloadSpec> load(List<WorkloadSpec> workloads) {
    boolean anyOpen = false;
    boolean anyClosed = false;
    List<WorkloadSpec> changed = new ArrayList<>();
    for (WorkloadSpec w : workloads) {
      LoadModel model = w.load();
      if (model instanceof OpenModel open) {
        anyOpen = true;
        if (rate != null) {
          model = core(rate, () -> new OpenModel(RateProfile.constant(rate.value()), open.arrivals(), open.maxInFlight()));
        }
      } else if (model instanceof ClosedModel closed) {
        anyClosed = true;
        if (users != null) {
          model = core(users, () -> new ClosedModel(UserProfile.constant(users.value()), closed.thinkTime(),
              closed.pacing(), closed.iterationsPerUser(), closed.sharedIterations()));
        }
      }
      changed.add(w.withLoad(model));
    }
    if (rate != null && !anyOpen) {
      throw new ScenarioException(rate.where(), rate.path(), "the scenario has no open workload whose rate it could set");
    }
    if (users != null && !anyClosed) {
      throw new ScenarioException(users.where(), users.path(), "the scenario has no closed workload whose users it could set");
    }
    return changed;
  }

  /** Runs core's check of a value this layer gave, and blames the override that gave it. */
  private static void core(Given<?> from, Runnable check) {
    core(from, () -> {
      check.run();
      return null;
    });
  }

  private static <T> T core(Given<?> from, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidConfigurationException e) {
      throw new ScenarioException(from.where(), from.path(), e.problem());
    }
  }

  private static <T> Given<T> fromVariable(Map<String, String> environment, String name, Function<String, T> parser) {
    String v = environment.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    return new Given<>(parse(name, "", () -> parser.apply(v.strip())), name, "");
  }

  private static <T> T parse(String where, String path, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (ScenarioException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(where, path, e.getMessage());
    }
  }

  private static int positiveInt(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a whole number > 0");
  }

  private static Duration positive(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("must be longer than 0s");
    }
    return d;
  }

  private static List<Criterion> parsedCriteria(List<String> list, String where, boolean fromEnvironment) {
    List<Criterion> parsed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String text = list.get(i);
      parsed.add(parse(where, fromEnvironment ? "" : "criteria[" + i + "]", () -> Criterion.parse(text)));
    }
    return List.copyOf(parsed);
  }

  /** Builds overrides from typed values or from text, as command-line options give them. */
  public static final class Builder {
    private final String origin;
    private Given<Double> rate;
    private Given<Integer> users;
    private Given<Duration> duration;
    private Given<Duration> warmUp;
    private Given<Integer> connections;
    private Given<URI> target;
    private Given<List<Criterion>> criteria;

    private Builder(String origin) {
      this.origin = origin;
    }

    /** Every open workload runs at this constant rate. */
    public Builder rate(double perSecond) {
      rate = new Given<>(perSecond, origin, "rate");
      return this;
    }

    /** {@code 200/s} or {@code 12000/min}. */
    public Builder rate(String text) {
      return rate(parse(origin, "rate", () -> Units.parseRate(text)));
    }

    /** Every closed workload runs this many users. */
    public Builder users(int count) {
      users = new Given<>(parse(origin, "users", () -> positiveInt(String.valueOf(count))), origin, "users");
      return this;
    }

    public Builder duration(Duration runLength) {
      duration = new Given<>(parse(origin, "duration", () -> positive(runLength)), origin, "duration");
      return this;
    }

    /** {@code 5m}, {@code 1h30m}. */
    public Builder duration(String text) {
      return duration(parse(origin, "duration", () -> Units.parseDuration(text)));
    }

    public Builder warmUp(Duration length) {
      Given<Duration> given = new Given<>(length, origin, "warmUp");
      core(given, () -> Scenario.checkWarmUp(length, null));
      warmUp = given;
      return this;
    }

    public Builder warmUp(String text) {
      return warmUp(parse(origin, "warmUp", () -> Units.parseDuration(text)));
    }

    public Builder connections(int count) {
      connections = new Given<>(parse(origin, "connections", () -> positiveInt(String.valueOf(count))), origin,
          "connections");
      return this;
    }

    /** {@code http://host:port}, optionally with a path prefix: the base address relative addresses resolve against. */
    public Builder target(String url) {
      target = new Given<>(parse(origin, "target", () -> BaseAddress.parse(url)), origin, "target");
      return this;
    }

    /** Replaces the criteria and the preset. */
    public Builder criteria(List<String> texts) {
      criteria = new Given<>(parsedCriteria(texts, origin, false), origin, "criteria");
      return this;
    }

    public Overrides build() {
      return new Overrides(rate, users, duration, warmUp, connections, target, criteria);
    }
  }
}
