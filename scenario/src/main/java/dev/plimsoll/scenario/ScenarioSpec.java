package dev.plimsoll.scenario;

import dev.plimsoll.core.Defaults;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.Redaction;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario file as read and checked: every value is valid, every template compiled, every
 * feeder loaded. {@link ScenarioBuilder#open} turns it into a runnable
 * {@link dev.plimsoll.core.Scenario}; {@link DryRun#describe} explains it.
 *
 * @param name the scenario's name (the file name without extension when the file gives none)
 * @param source where it was read from, as named in messages ({@code shop.yaml}); empty when built in code
 * @param target the base address relative addresses (request URLs) are appended to, without a
 *     trailing slash; null when every address is absolute
 * @param duration the whole run, warm-up included
 * @param warmUp the first part of the run, kept out of the summary and the verdicts
 * @param interval the length of one interval snapshot
 * @param gracefulStop how long in-flight flows may take to finish when the run ends
 * @param seed the seed of every random source (Poisson arrivals, think times, templates, feeders)
 * @param settings each driver's settings and defaults, by driver name, for the drivers the scenario uses
 * @param variables constants templates can use as {@code ${name}}, with {@code ${env.X}} already resolved
 * @param feeders data files templates can use as {@code ${feeder.column}}, by name
 * @param workloads what runs, side by side
 * @param criteria the criteria, parsed once where their text was read ({@link Criterion#source()} keeps it)
 * @param preset a {@link dev.plimsoll.core.criteria.Preset} name whose criteria are added, or null
 * @param secretVariables the variables whose values came from the environment, never shown
 */
public record ScenarioSpec(
    String name,
    String source,
    URI target,
    Duration duration,
    Duration warmUp,
    Duration interval,
    Duration gracefulStop,
    long seed,
    Map<String, DriverSettings> settings,
    Map<String, String> variables,
    Map<String, FeederSpec> feeders,
    List<WorkloadSpec> workloads,
    List<Criterion> criteria,
    String preset,
    Set<String> secretVariables) {

  public ScenarioSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(warmUp, "warmUp");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(gracefulStop, "gracefulStop");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    variables = Map.copyOf(variables);
    feeders = Collections.unmodifiableMap(new LinkedHashMap<>(feeders));
    workloads = List.copyOf(workloads);
    criteria = List.copyOf(criteria);
    secretVariables = Set.copyOf(secretVariables);
  }

  /** A spec none of whose variables is secret but by its name. */
  public ScenarioSpec(String name, String source, URI target, Duration duration, Duration warmUp, Duration interval,
      Duration gracefulStop, long seed, Map<String, DriverSettings> settings, Map<String, String> variables,
      Map<String, FeederSpec> feeders, List<WorkloadSpec> workloads, List<Criterion> criteria, String preset) {
    this(name, source, target, duration, warmUp, interval, gracefulStop, seed, settings, variables, feeders, workloads,
        criteria, preset, Set.of());
  }

  /** Whether the variable's value must not be shown: it came from the environment, or its name is secret. */
  public boolean isSecretVariable(String variable) {
    return secretVariables.contains(variable) || Redaction.isSensitive(variable);
  }

  /**
   * A spec built in code rather than read from a file (a one-URL quick test, say), with the same
   * {@link Defaults} a file gets: a duration of 1m, no warm-up, 1s intervals, 5s graceful stop,
   * seed 42.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The settings of the driver called {@code driver}, if the scenario uses it. */
  public Optional<DriverSettings> settings(String driver) {
    return Optional.ofNullable(settings.get(driver));
  }

  public ScenarioSpec withTarget(URI newTarget) {
    return new ScenarioSpec(name, source, newTarget, duration, warmUp, interval, gracefulStop, seed, settings,
        variables, feeders, workloads, criteria, preset, secretVariables);
  }

  public ScenarioSpec withDuration(Duration newDuration) {
    return new ScenarioSpec(name, source, target, newDuration, warmUp, interval, gracefulStop, seed, settings,
        variables, feeders, workloads, criteria, preset, secretVariables);
  }

  public ScenarioSpec withWarmUp(Duration newWarmUp) {
    return new ScenarioSpec(name, source, target, duration, newWarmUp, interval, gracefulStop, seed, settings,
        variables, feeders, workloads, criteria, preset, secretVariables);
  }

  /** Replaces the settings of every driver. */
  public ScenarioSpec withSettings(Map<String, DriverSettings> newSettings) {
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, newSettings,
        variables, feeders, workloads, criteria, preset, secretVariables);
  }

  /** Replaces (or adds) the settings of the driver called {@code driver}. */
  public ScenarioSpec withSettings(String driver, DriverSettings newSettings) {
    Map<String, DriverSettings> all = new LinkedHashMap<>(settings);
    all.put(driver, newSettings);
    return withSettings(all);
  }

  public ScenarioSpec withWorkloads(List<WorkloadSpec> newWorkloads) {
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, settings,
        variables, feeders, newWorkloads, criteria, preset, secretVariables);
  }

  /** Replaces the criteria and the preset together: both decide the verdict. */
  public ScenarioSpec withCriteria(List<Criterion> newCriteria, String newPreset) {
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, settings,
        variables, feeders, workloads, newCriteria, newPreset, secretVariables);
  }

  /** Builds a {@link ScenarioSpec}; unset values are those of a file that does not give them. */
  public static final class Builder {
    private final String name;
    private String source = "";
    private URI target;
    private Duration duration = Defaults.DURATION;
    private Duration warmUp = Defaults.WARM_UP;
    private Duration interval = Defaults.INTERVAL;
    private Duration gracefulStop = Defaults.GRACEFUL_STOP;
    private long seed = Defaults.SEED;
    private final Map<String, DriverSettings> settings = new LinkedHashMap<>();
    private final List<WorkloadSpec> workloads = new ArrayList<>();
    private List<String> criteria = List.of();
    private String preset;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** How messages and the dry run name where the spec came from, e.g. {@code command line}. */
    public Builder source(String origin) {
      this.source = Objects.requireNonNull(origin, "source");
      return this;
    }

    public Builder target(URI base) {
      this.target = base;
      return this;
    }

    public Builder duration(Duration runLength) {
      this.duration = runLength;
      return this;
    }

    public Builder warmUp(Duration length) {
      this.warmUp = length;
      return this;
    }

    public Builder interval(Duration length) {
      this.interval = length;
      return this;
    }

    public Builder gracefulStop(Duration grace) {
      this.gracefulStop = grace;
      return this;
    }

    public Builder seed(long randomSeed) {
      this.seed = randomSeed;
      return this;
    }

    /** The settings of the driver called {@code driver}. */
    public Builder settings(String driver, DriverSettings driverSettings) {
      settings.put(driver, Objects.requireNonNull(driverSettings, "settings"));
      return this;
    }

    public Builder workload(WorkloadSpec workload) {
      workloads.add(Objects.requireNonNull(workload, "workload"));
      return this;
    }

    /** Criteria as text, e.g. {@code p95 < 25ms}; parsed by {@link #build()}. */
    public Builder criteria(List<String> texts) {
      this.criteria = List.copyOf(texts);
      return this;
    }

    public Builder preset(String name) {
      this.preset = name;
      return this;
    }

    /**
     * The spec.
     *
     * @throws ScenarioException naming the source and {@code criteria[i]} for a criterion that
     *     does not parse or names an operation that no flow has
     */
    public ScenarioSpec build() {
      String where = source.isEmpty() ? "scenario" : source;
      List<String> operations = CriteriaScopes.operations(workloads);
      List<Criterion> parsed = new ArrayList<>();
      for (String text : criteria) {
        String path = "criteria[" + parsed.size() + "]";
        Criterion criterion;
        try {
          criterion = Criterion.parse(text);
        } catch (IllegalArgumentException e) {
          throw ScenarioException.inFile(where, path, e.getMessage());
        }
        String problem = CriteriaScopes.problem(criterion, operations);
        if (problem != null) {
          throw ScenarioException.inFile(where, path, problem);
        }
        parsed.add(criterion);
      }
      return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, settings,
          Map.of(), Map.of(), workloads, parsed, preset);
    }
  }
}
