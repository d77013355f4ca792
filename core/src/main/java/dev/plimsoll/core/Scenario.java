package dev.plimsoll.core;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Preset;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One or more workloads run together for a duration, with criteria the run is judged by.
 *
 * <pre>{@code
 * Scenario scenario = Scenario.builder("checkout")
 *     .workload(Workload.of("shop", mix, OpenModel.rate(200).poisson()))
 *     .duration(Duration.ofMinutes(5))
 *     .warmUp(Duration.ofSeconds(30))
 *     .criterion("p95 < 25ms")
 *     .criterion("error_rate < 0.1%")
 *     .build();
 * RunResult result = Plimsoll.run(scenario);
 * }</pre>
 */
public final class Scenario {

  /** The shortest interval {@link #checkInterval} accepts. */
  private static final long MIN_INTERVAL_MILLIS = 10;

  private final String name;
  private final List<Workload> workloads;
  private final Duration duration;
  private final Duration warmUp;
  private final Duration interval;
  private final Duration gracefulStop;
  private final long seed;
  private final List<Criterion> criteria;
  private final List<RunListener> listeners;
  private final List<String> recordedOperations;
  private final Clock clock;
  private final LoadSegment segment;

  private Scenario(Builder b) {
    this.name = b.name;
    this.workloads = List.copyOf(b.workloads);
    this.duration = b.duration;
    this.warmUp = b.warmUp;
    this.interval = b.interval;
    this.gracefulStop = b.gracefulStop;
    this.seed = b.seed;
    this.criteria = List.copyOf(b.criteria);
    this.listeners = List.copyOf(b.listeners);
    this.recordedOperations = List.copyOf(b.recordedOperations);
    this.clock = b.clock;
    this.segment = b.segment;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public List<Workload> workloads() {
    return workloads;
  }

  /** The whole run, warm-up included. */
  public Duration duration() {
    return duration;
  }

  /** The first part of the run, recorded but kept out of the summary and the verdicts. */
  public Duration warmUp() {
    return warmUp;
  }

  public Duration interval() {
    return interval;
  }

  /** How long in-flight operations may take to finish once the run ends. */
  public Duration gracefulStop() {
    return gracefulStop;
  }

  public long seed() {
    return seed;
  }

  public List<Criterion> criteria() {
    return criteria;
  }

  public List<RunListener> listeners() {
    return listeners;
  }

  /** Operations recorded through an {@link OperationRecorder} rather than started by the run. */
  public List<String> recordedOperations() {
    return recordedOperations;
  }

  /** Where the run reads time and waits: {@link Clock#system()} unless set. */
  public Clock clock() {
    return clock;
  }

  /** The part of the load this process runs: the whole of it, unless split across machines. */
  public LoadSegment segment() {
    return segment;
  }

  /** A builder holding this scenario's settings, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.workloads.addAll(workloads);
    b.duration = duration;
    b.warmUp = warmUp;
    b.interval = interval;
    b.gracefulStop = gracefulStop;
    b.seed = seed;
    b.segment = segment;
    b.criteria.addAll(criteria);
    b.listeners.addAll(listeners);
    b.recordedOperations.addAll(recordedOperations);
    b.clock = clock;
    return b;
  }

  /** The scenario as configured, for the result. */
  public ScenarioDescription describe() {
    return new ScenarioDescription(
        name,
        duration,
        warmUp,
        interval,
        gracefulStop,
        seed,
        workloads.stream().map(w -> w.describe(duration)).toList(),
        criteria.stream().map(Criterion::source).toList(),
        recordedOperations);
  }

  /**
   * The duration rule, for every layer that takes a duration: longer than 0s, and at most
   * {@link dev.plimsoll.core.units.Units#MAX_DURATION}.
   *
   * @throws InvalidConfigurationException for field {@code scenario.duration}
   */
  public static void checkDuration(Duration duration) {
    Durations.requirePositive(duration, "scenario.duration");
  }

  /**
   * The warm-up rule, for every layer that takes a warm-up: 0 or more, and shorter than the
   * duration (a run that is all warm-up measures nothing). With {@code duration} null, not known
   * yet, only the first half is checked.
   *
   * @throws InvalidConfigurationException for field {@code scenario.warmUp}, whose
   *     {@linkplain InvalidConfigurationException#problem() problem} reads on its own:
   *     {@code the warm-up 30s must be shorter than the duration 30s}
   */
  public static void checkWarmUp(Duration warmUp, Duration duration) {
    InvalidConfigurationException.require(warmUp != null && !warmUp.isNegative(), "scenario.warmUp",
        "must be >= 0s (was " + text(warmUp) + ")");
    InvalidConfigurationException.require(duration == null || warmUp.compareTo(duration) < 0, "scenario.warmUp",
        "the warm-up " + text(warmUp) + " must be shorter than the duration " + text(duration));
  }

  /**
   * The interval rule: at least 10ms, below which each snapshot costs
   * more than it shows.
   *
   * @throws InvalidConfigurationException for field {@code scenario.interval}
   */
  public static void checkInterval(Duration interval) {
    InvalidConfigurationException.require(interval != null && interval.toMillis() >= MIN_INTERVAL_MILLIS,
        "scenario.interval", "must be at least " + MIN_INTERVAL_MILLIS + "ms (was " + text(interval) + ")");
  }

  private static String text(Duration d) {
    return d == null ? "none" : Units.formatDuration(d);
  }

  /** Builds a {@link Scenario}; {@link #build()} checks every setting before anything runs. */
  public static final class Builder {
    private String name;
    private final List<Workload> workloads = new ArrayList<>();
    private Duration duration;
    private Duration warmUp = Defaults.WARM_UP;
    private Duration interval = Defaults.INTERVAL;
    private Duration gracefulStop = Defaults.GRACEFUL_STOP;
    private long seed = Defaults.SEED;
    private LoadSegment segment = LoadSegment.whole();
    private final List<Criterion> criteria = new ArrayList<>();
    private final List<RunListener> listeners = new ArrayList<>();
    private final List<String> recordedOperations = new ArrayList<>();
    private Clock clock = Clock.system();

    private Builder(String name) {
      this.name = name;
    }

    public Builder name(String newName) {
      this.name = newName;
      return this;
    }

    public Builder workload(Workload workload) {
      workloads.add(Objects.requireNonNull(workload, "workload"));
      return this;
    }

    public Builder duration(Duration runLength) {
      this.duration = runLength;
      return this;
    }

    public Builder warmUp(Duration warmUpLength) {
      this.warmUp = warmUpLength;
      return this;
    }

    public Builder interval(Duration intervalLength) {
      this.interval = intervalLength;
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

    /** Adds a criterion written as text, e.g. {@code "p95 < 25ms"}; checked at {@link #build()}. */
    public Builder criterion(String text) {
      try {
        criteria.add(Criterion.parse(text));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException("criteria[" + criteria.size() + "]", e.getMessage());
      }
      return this;
    }

    public Builder criterion(Criterion criterion) {
      criteria.add(Objects.requireNonNull(criterion, "criterion"));
      return this;
    }

    /** Adds a criterion that is checked every interval and stops the run as soon as it fails. */
    public Builder abortOn(String text) {
      criterion(text);
      criteria.set(criteria.size() - 1, criteria.get(criteria.size() - 1).withAbortOnFail(true));
      return this;
    }

    public Builder preset(Preset preset) {
      criteria.addAll(preset.criteria());
      return this;
    }

    /** Adds a preset's criteria by name ("production", "development"). */
    public Builder preset(String presetName) {
      try {
        return preset(Preset.named(presetName));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException("preset", e.getMessage());
      }
    }

    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Declares an operation that the run does not start but is told of, with timings taken
     * elsewhere: a message's delivery from one node to another, say. It is counted and judged like
     * any operation (criteria may name it: {@code delivery.p99 < 50ms}); record it through
     * {@link RunHandle#recorder} or {@link OperationContext#recorder}.
     */
    public Builder recordedOperation(String operationName) {
      recordedOperations.add(operationName);
      return this;
    }

    /**
     * Runs the scenario on {@code runClock} instead of the machine's clock: a {@link VirtualClock}
     * makes a test of a long profile take milliseconds, with exact timings.
     */
    public Builder clock(Clock runClock) {
      this.clock = Objects.requireNonNull(runClock, "clock");
      return this;
    }

    /**
     * Runs only {@code part} of every workload's load, for a run split across machines: each runs
     * one segment of the same {@linkplain LoadSegment#split split}, and their parts add up exactly
     * to the whole. The scenario's description, criteria and intervals stay those of the whole run.
     */
    public Builder segment(LoadSegment part) {
      this.segment = Objects.requireNonNull(part, "part");
      return this;
    }

    public Scenario build() {
      InvalidConfigurationException.require(
          name != null && !name.isBlank(), "scenario.name", "is required");
      InvalidConfigurationException.require(
          !workloads.isEmpty(), "scenario.workloads", "is empty (add at least one workload)");
      checkDuration(duration);
      checkWarmUp(warmUp, duration);
      checkInterval(interval);
      InvalidConfigurationException.require(
          gracefulStop != null && !gracefulStop.isNegative(),
          "scenario.gracefulStop",
          "must be >= 0s (was " + text(gracefulStop) + ")");
      Set<String> workloadNames = new HashSet<>();
      Set<String> operationNames = new HashSet<>();
      for (Workload w : workloads) {
        InvalidConfigurationException.require(
            workloadNames.add(w.name()), "scenario.workloads", "name '" + w.name() + "' is used twice");
        for (Mix.Entry e : w.mix().entries()) {
          InvalidConfigurationException.require(
              operationNames.add(e.name()),
              "workload." + w.name() + ".mix",
              "operation '" + e.name() + "' is also in another workload (operation names must be unique)");
        }
      }
      for (String recorded : recordedOperations) {
        InvalidConfigurationException.require(
            OperationNames.isValid(recorded),
            "scenario.recordedOperations",
            "name '" + recorded + "' is not allowed (" + OperationNames.RULE + ")");
        InvalidConfigurationException.require(
            operationNames.add(recorded),
            "scenario.recordedOperations",
            "'" + recorded + "' is already an operation (operation names must be unique)");
      }
      return new Scenario(this);
    }
  }
}
