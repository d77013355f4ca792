package dev.plimsoll.junit;

import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Preset;
import dev.plimsoll.results.RegressionGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A load test's settings, immutable: each method returns a changed copy, so a class may keep a
 * common plan in a constant and derive each test's from it. Start one with {@link Load}.
 *
 * <p>{@link #run} runs the operation on virtual threads for the duration, writes
 * {@code result.json}, {@code report.md} and {@code report.html} under
 * {@code target/plimsoll/<test class>/<name>/}, and returns the numbers. It throws a
 * {@link LoadTestFailure} listing every failed criterion and gate comparison when any failed;
 * failing operations alone never do (an {@code error_rate} criterion judges them).
 *
 * <h2>Settings the build may change</h2>
 * Each replaces the setting of the same name, whatever the test says; a property wins over the
 * variable:
 * <table>
 *   <caption>Overrides</caption>
 *   <tr><th>variable</th><th>property</th><th>replaces</th></tr>
 *   <tr><td>{@code PLIMSOLL_USERS}</td><td>{@code plimsoll.users}</td><td>{@link #users}</td></tr>
 *   <tr><td>{@code PLIMSOLL_RATE} (200/s)</td><td>{@code plimsoll.rate}</td><td>{@link #rate}</td></tr>
 *   <tr><td>{@code PLIMSOLL_DURATION} (10s)</td><td>{@code plimsoll.duration}</td><td>{@link #duration}</td></tr>
 *   <tr><td>{@code PLIMSOLL_WARMUP}</td><td>{@code plimsoll.warmup}</td><td>{@link #warmUp}</td></tr>
 *   <tr><td>{@code PLIMSOLL_BASELINE_UPDATE=true}</td><td>{@code plimsoll.baseline.update}</td><td>writes the
 *       {@link #baseline} instead of gating against it</td></tr>
 *   <tr><td>{@code PLIMSOLL_REPORTS}</td><td>{@code plimsoll.reports}</td><td>the folder in place of
 *       {@code target/plimsoll}</td></tr>
 * </table>
 */
public final class LoadPlan {
  static final LoadPlan DEFAULTS = new LoadPlan(0, 0, null, null, null, List.of(), null, null, RegressionGate.defaults(), null);

  private final int users;
  private final double ratePerSecond;
  /** A load model given whole, in place of users and a rate; or null. */
  private final LoadModel model;
  private final Duration duration;
  private final Duration warmUp;
  private final List<String> criteria;
  private final Preset preset;
  private final Path baseline;
  private final RegressionGate gate;
  /** Null for this process's environment and system properties. */
  private final Environment environment;

  private LoadPlan(int users, double ratePerSecond, LoadModel model, Duration duration, Duration warmUp,
      List<String> criteria, Preset preset, Path baseline, RegressionGate gate, Environment environment) {
    this.users = users;
    this.ratePerSecond = ratePerSecond;
    this.model = model;
    this.duration = duration;
    this.warmUp = warmUp;
    this.criteria = List.copyOf(criteria);
    this.preset = preset;
    this.baseline = baseline;
    this.gate = gate;
    this.environment = environment;
  }

  /**
   * The number of virtual users (the concurrency), each calling the operation again as soon as it
   * returns, or at its share of the {@link #rate} when one is set.
   *
   * @throws IllegalArgumentException unless {@code count > 0}
   */
  public LoadPlan users(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("users must be > 0, was " + count);
    }
    requireNoModel("users");
    return new LoadPlan(count, ratePerSecond, model, duration, warmUp, criteria, preset, baseline, gate, environment);
  }

  /**
   * A target rate in operations per second. With {@link #users}, each user is paced to its share of
   * it (at most the users' concurrency in flight); without, operations arrive at this rate however
   * slowly the system answers. Either way a late start's wait counts in its latency.
   *
   * @throws IllegalArgumentException unless {@code perSecond} is a finite number {@code > 0}
   */
  public LoadPlan rate(double perSecond) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a finite number of operations per second > 0, was " + perSecond);
    }
    requireNoModel("rate");
    return new LoadPlan(users, perSecond, model, duration, warmUp, criteria, preset, baseline, gate, environment);
  }

  /**
   * A load model given whole, for a load that users and a rate cannot say: stages of users, a ramp
   * or a spike of arrivals ({@code OpenModel.of(RateProfile.stages(...))}), think time, Poisson
   * arrivals. {@code PLIMSOLL_USERS} then sets a closed model's users, {@code PLIMSOLL_RATE} an open
   * model's rate, keeping the rest of it; an override the model has no place for fails the test.
   *
   * @throws IllegalStateException if users or a rate were given, which this replaces
   */
  public LoadPlan load(LoadModel loadModel) {
    Objects.requireNonNull(loadModel, "loadModel");
    if (users != 0 || ratePerSecond != 0) {
      throw new IllegalStateException("load(model) replaces users and rate, which were already set ("
          + (users != 0 ? users + " users" : "") + (users != 0 && ratePerSecond != 0 ? ", " : "")
          + (ratePerSecond != 0 ? ratePerSecond + "/s" : "") + ")");
    }
    return new LoadPlan(users, ratePerSecond, loadModel, duration, warmUp, criteria, preset, baseline, gate, environment);
  }

  private void requireNoModel(String setting) {
    if (model != null) {
      throw new IllegalStateException(setting + " cannot be combined with load(model) (" + model.describe() + ")");
    }
  }

  /** The run's length, warm-up included (default 30 s). */
  public LoadPlan duration(Duration runLength) {
    Objects.requireNonNull(runLength, "runLength");
    Scenario.checkDuration(runLength);
    return new LoadPlan(users, ratePerSecond, model, runLength, warmUp, criteria, preset, baseline, gate, environment);
  }

  /** The first part of the run, whose operations are left out of the numbers and the verdicts (default none). */
  public LoadPlan warmUp(Duration length) {
    Objects.requireNonNull(length, "length");
    Scenario.checkWarmUp(length, null);
    return new LoadPlan(users, ratePerSecond, model, duration, length, criteria, preset, baseline, gate, environment);
  }

  /**
   * Criteria the run must meet, added to any given before: {@code "p99 < 50ms"},
   * {@code "error_rate < 0.1%"}, {@code "throughput > 1000/s"}, {@code "memory_growth < 10MB/min"}
   * (see {@link Criterion} for the form).
   *
   * @throws IllegalArgumentException naming the criterion that cannot be read
   */
  public LoadPlan criteria(String... texts) {
    List<String> all = new ArrayList<>(criteria);
    for (String text : texts) {
      Criterion.parse(text);
      all.add(text);
    }
    return new LoadPlan(users, ratePerSecond, model, duration, warmUp, all, preset, baseline, gate, environment);
  }

  /** A named set of criteria, {@code "development"} or {@code "production"} (see {@link Preset}). */
  public LoadPlan preset(String name) {
    return new LoadPlan(users, ratePerSecond, model, duration, warmUp, criteria, Preset.named(name), baseline, gate, environment);
  }

  /**
   * Gates the run against the result in {@code file} (a {@code result.json} of an earlier run of the
   * same load): it fails when throughput falls below 90 % of the baseline's or p99 rises above
   * 150 % of it, for all operations together and each one (change the limits with {@link #gate}).
   * With {@code -Dplimsoll.baseline.update=true} (or {@code PLIMSOLL_BASELINE_UPDATE=true}) the run
   * writes its result to {@code file} instead, if it passed its criteria. A relative path is
   * resolved against the working directory, the module's folder under Maven.
   */
  public LoadPlan baseline(Path file) {
    Objects.requireNonNull(file, "file");
    return new LoadPlan(users, ratePerSecond, model, duration, warmUp, criteria, preset, file, gate, environment);
  }

  /** The limits the {@link #baseline} gate judges with (default {@link RegressionGate#defaults()}). */
  public LoadPlan gate(RegressionGate limits) {
    Objects.requireNonNull(limits, "limits");
    return new LoadPlan(users, ratePerSecond, model, duration, warmUp, criteria, preset, baseline, limits, environment);
  }

  /** Reads overrides from {@code source} instead of this process's environment and system properties. */
  LoadPlan environment(Environment source) {
    return new LoadPlan(users, ratePerSecond, model, duration, warmUp, criteria, preset, baseline, gate, source);
  }

  /**
   * Runs {@code operation} under this load, as one operation named {@code name}, and writes the
   * reports to {@code target/plimsoll/<test class>/<name>/}.
   *
   * @param name the operation's (and the run's) name: letters, digits, '_' and '-'
   * @throws LoadTestFailure when a criterion or the baseline gate failed, listing every failure
   */
  public LoadResult run(String name, Task operation) {
    Objects.requireNonNull(operation, "operation");
    return run(name, Mix.of(name, context -> operation.run()));
  }

  /** As {@link #run(String, Task)}, for a weighted mix of operations; {@code name} names the run. */
  public LoadResult run(String name, Mix mix) {
    Optional<ExtensionContext> test = CurrentTest.get();
    Environment source = environment != null ? environment
        : test.map(LoadTestExtension::environment).orElseGet(Environment::ofProcess);
    Class<?> testClass = test.<Class<?>>map(ExtensionContext::getRequiredTestClass)
        .or(ReportPlace::callingTestClass).orElse(null);
    Path directory = ReportPlace.of(source.reportsRoot(), testClass, name);
    try {
      return new LoadRun(this, source).run(name, mix, directory);
    } finally {
      test.ifPresent(context -> ReportEntries.publish(context, directory));
    }
  }

  /** The settings after the environment's overrides. */
  LoadSettings settings(Environment source) {
    return LoadSettings.resolve(users, ratePerSecond, model, duration, warmUp, source);
  }

  List<String> criteria() {
    return criteria;
  }

  Preset preset() {
    return preset;
  }

  Path baseline() {
    return baseline;
  }

  RegressionGate gate() {
    return gate;
  }
}
