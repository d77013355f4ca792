package dev.plimsoll.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file as read and checked: every value is valid, every template compiled, every
 * feeder loaded. {@link ScenarioBuilder#build} turns it into a runnable
 * {@link dev.plimsoll.core.Scenario}; {@link DryRun#describe} explains it.
 *
 * @param name the scenario's name (the file name without extension when the file gives none)
 * @param source where it was read from, as named in messages ({@code shop.yaml}); empty when built in code
 * @param target the base URL relative request URLs are appended to, without a trailing slash; null when
 *     every URL is absolute
 * @param duration the whole run, warm-up included
 * @param warmUp the first part of the run, kept out of the summary and the verdicts
 * @param interval the length of one interval snapshot
 * @param gracefulStop how long in-flight flows may take to finish when the run ends
 * @param seed the seed of every random source (Poisson arrivals, think times, templates, feeders)
 * @param http client settings, for the protocol driver
 * @param defaults settings applied to every workload and request
 * @param variables constants templates can use as {@code ${name}}, with {@code ${env.X}} already resolved
 * @param feeders data files templates can use as {@code ${feeder.column}}, by name
 * @param workloads what runs, side by side
 * @param criteria criteria as text, each already checked by {@link dev.plimsoll.core.criteria.Criterion#parse}
 * @param preset a {@link dev.plimsoll.core.criteria.Preset} name whose criteria are added, or null
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
    HttpSettingsSpec http,
    DefaultsSpec defaults,
    Map<String, String> variables,
    Map<String, FeederSpec> feeders,
    List<WorkloadSpec> workloads,
    List<String> criteria,
    String preset) {

  public ScenarioSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(warmUp, "warmUp");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(gracefulStop, "gracefulStop");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(defaults, "defaults");
    variables = Map.copyOf(variables);
    feeders = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(feeders));
    workloads = List.copyOf(workloads);
    criteria = List.copyOf(criteria);
  }

  public ScenarioSpec withTarget(URI newTarget) {
    return new ScenarioSpec(name, source, newTarget, duration, warmUp, interval, gracefulStop, seed, http,
        defaults, variables, feeders, workloads, criteria, preset);
  }

  public ScenarioSpec withDuration(Duration newDuration) {
    return new ScenarioSpec(name, source, target, newDuration, warmUp, interval, gracefulStop, seed, http,
        defaults, variables, feeders, workloads, criteria, preset);
  }

  public ScenarioSpec withWarmUp(Duration newWarmUp) {
    return new ScenarioSpec(name, source, target, duration, newWarmUp, interval, gracefulStop, seed, http,
        defaults, variables, feeders, workloads, criteria, preset);
  }

  public ScenarioSpec withHttp(HttpSettingsSpec newHttp) {
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, newHttp,
        defaults, variables, feeders, workloads, criteria, preset);
  }

  public ScenarioSpec withWorkloads(List<WorkloadSpec> newWorkloads) {
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, http,
        defaults, variables, feeders, newWorkloads, criteria, preset);
  }

  /** Replaces the criteria and the preset together: both decide the verdict. */
  public ScenarioSpec withCriteria(List<String> newCriteria, String newPreset) {
    return new ScenarioSpec(name, source, target, duration, warmUp, interval, gracefulStop, seed, http,
        defaults, variables, feeders, workloads, newCriteria, newPreset);
  }
}
