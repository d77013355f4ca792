package dev.plimsoll.results;

import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a run against a baseline run of the same load: it fails when throughput (completed
 * operations per second of the measured window) fell below a share of the baseline's, or a latency
 * (by default the p99 of response time) rose above a multiple of the baseline's; by default below
 * 90 % and above 150 % ({@link GateLimits#DEFAULT}), for all operations together and each one.
 *
 * <pre>{@code
 * RegressionGate gate = RegressionGate.builder()
 *     .limits("search", new GateLimits(0.95, 1.2))   // stricter for one operation
 *     .build();
 * RunResult judged = gate.judge(run, RegressionGate.readBaseline(Path.of("baseline.json")));
 * }</pre>
 *
 * <p>Each comparison is a {@link Verdict}, joined to the run's criteria verdicts by
 * {@link #judge}, so that reports show it and the run's status (and an exit code) follows it. Its
 * criterion's source says both numbers and the change, e.g. {@code search: throughput 812/s vs
 * baseline 1,020/s (-20.4 %, limit -10 %)}; its scope is the operation when its name can be a
 * criterion's scope, else null. A comparison the evidence cannot support (the baseline completed
 * nothing, an operation only one run has) is {@linkplain Verdict#notJudged not judged}.
 *
 * <p>Runs whose load differs (see {@link #loadDifferences}) are not compared unless
 * {@link Builder#allowDifferentShape} says so. A gate is immutable.
 */
public final class RegressionGate {
  /** The name under which limits for all operations together are given to {@link Builder#limits(String, GateLimits)}. */
  public static final String TOTAL = "total";

  private final GateLimits limits;
  private final Map<String, GateLimits> operationLimits;
  private final Metric latencyMetric;
  private final boolean allowDifferentShape;

  private RegressionGate(Builder b, Map<String, GateLimits> operationLimits) {
    this.limits = b.limits;
    this.operationLimits = Map.copyOf(operationLimits);
    this.latencyMetric = b.latencyMetric;
    this.allowDifferentShape = b.allowDifferentShape;
  }

  /** A gate with the default limits, on p99 response time, refusing a different load. */
  public static RegressionGate defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.limits = limits;
    b.operationLimits.putAll(operationLimits);
    b.latencyMetric = latencyMetric;
    b.allowDifferentShape = allowDifferentShape;
    return b;
  }

  /** The limits for {@code operation} ({@link #TOTAL} for all together): its own, or the gate's. */
  public GateLimits limitsFor(String operation) {
    return operationLimits.getOrDefault(operation, limits);
  }

  /** The latency compared, p99 of response time unless set. */
  public Metric latencyMetric() {
    return latencyMetric;
  }

  public boolean allowsDifferentShape() {
    return allowDifferentShape;
  }

  /**
   * Reads a baseline result file, as {@link ResultFiles#read} does.
   *
   * @throws IllegalArgumentException naming the file, when it is missing, cannot be read, or is not
   *     a result file this version can read
   */
  public static RunResult readBaseline(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return ResultFiles.read(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("baseline " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("baseline " + file + " cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseline " + file + " is not a result this version can"
          + " read: " + e.getMessage(), e);
    }
  }

  /**
   * Each way the load of {@code run} differs from the baseline's (duration, warm-up, and for each
   * workload its model, load profile and mix), in words such as {@code "workload 'http': load
   * 'constant 20/s' vs baseline 'constant 10/s'"}; empty when they are the same.
   */
  public static List<String> loadDifferences(ScenarioDescription run, ScenarioDescription baseline) {
    return LoadShape.differences(run, baseline);
  }

  /**
   * Refuses a run whose load differs from the baseline's, unless this gate allows it.
   *
   * @param baselineName the baseline in words for the message, e.g. {@code "baseline BASE.json"}
   * @throws LoadShapeMismatchException saying each difference
   */
  public void checkShape(ScenarioDescription run, ScenarioDescription baseline, String baselineName) {
    if (allowDifferentShape) {
      return;
    }
    List<String> differences = loadDifferences(run, baseline);
    if (!differences.isEmpty()) {
      throw new LoadShapeMismatchException(baselineName, differences);
    }
  }

  /**
   * Refuses runs whose load was changed while they went ({@link RunResult#profileChanges}): their
   * configured shapes no longer say what load they had. Unless this gate allows any shape.
   */
  private void checkSteering(RunResult run, RunResult baseline) {
    if (allowDifferentShape) {
      return;
    }
    List<String> differences = new ArrayList<>();
    steered(run, "this run's", differences);
    steered(baseline, "the baseline's", differences);
    if (!differences.isEmpty()) {
      throw new LoadShapeMismatchException("the baseline", differences);
    }
  }

  private static void steered(RunResult result, String whose, List<String> differences) {
    int changes = result.profileChanges().size();
    if (changes > 0) {
      differences.add(whose + " load was changed while it went (" + changes + (changes == 1 ? " change" : " changes")
          + ", the first " + result.profileChanges().get(0).describe() + ")");
    }
  }

  /**
   * The gate's verdicts on {@code run} against {@code baseline}: all operations together first,
   * then each operation of the run in its order, throughput before latency.
   *
   * @throws LoadShapeMismatchException if their loads differ and this gate does not allow it
   */
  public List<Verdict> compare(RunResult run, RunResult baseline) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(baseline, "baseline");
    checkShape(run.config(), baseline.config(), "the baseline");
    checkSteering(run, baseline);
    List<Verdict> verdicts = new ArrayList<>();
    GateComparison comparison = new GateComparison(run, baseline, latencyMetric);
    if (run.total() != null && baseline.total() != null) {
      comparison.compare(TOTAL, null, run.total(), baseline.total(), limitsFor(TOTAL), verdicts);
    }
    run.operations().forEach(op -> comparison.compare(op.name(), op.name(), op,
        baseline.operation(op.name()).orElse(null), limitsFor(op.name()), verdicts));
    baseline.operations().stream()
        .filter(op -> run.operation(op.name()).isEmpty())
        .forEach(op -> comparison.compare(op.name(), op.name(), null, op, limitsFor(op.name()), verdicts));
    return verdicts;
  }

  /**
   * {@code run} with this gate's verdicts after its own, and the status they imply: a failed
   * comparison fails the run, a run that passed or only completed passes when every comparison
   * holds, and an aborted run stays aborted.
   *
   * @throws LoadShapeMismatchException as {@link #compare} does
   */
  public RunResult judge(RunResult run, RunResult baseline) {
    List<Verdict> all = new ArrayList<>(run.verdicts());
    all.addAll(compare(run, baseline));
    RunStatus status = run.status() == RunStatus.ABORTED ? RunStatus.ABORTED
        : RunStatus.of(false, all, run.status() == RunStatus.FAILED, run.total());
    return run.withVerdicts(all, status);
  }

  /** Configures a {@link RegressionGate}. */
  public static final class Builder {
    private GateLimits limits = GateLimits.DEFAULT;
    private final Map<String, GateLimits> operationLimits = new LinkedHashMap<>();
    /** One half of an operation's limits, the other half following the gate's (see {@link #minThroughputRatio(String, double)}). */
    private final Map<String, Double> operationThroughput = new LinkedHashMap<>();
    private final Map<String, Double> operationLatency = new LinkedHashMap<>();
    private Metric latencyMetric = Metric.P99;
    private boolean allowDifferentShape;

    private Builder() {}

    /** The limits for every operation, and all together, without limits of their own. */
    public Builder limits(GateLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The limits for one operation, or for all together when named {@link RegressionGate#TOTAL}. */
    public Builder limits(String operation, GateLimits limits) {
      Objects.requireNonNull(operation, "operation");
      operationLimits.put(operation, Objects.requireNonNull(limits, "limits"));
      // Both halves given at once replace any given one at a time before.
      operationThroughput.remove(operation);
      operationLatency.remove(operation);
      return this;
    }

    /**
     * The latency compared: a response-time statistic such as {@link Metric#P95} or a service-time
     * one such as {@link Metric#SERVICE_P99} (default {@link Metric#P99}).
     *
     * @throws IllegalArgumentException if {@code metric} is not a latency
     */
    public Builder latencyMetric(Metric metric) {
      Objects.requireNonNull(metric, "metric");
      if (!metric.isLatency()) {
        throw new IllegalArgumentException("latencyMetric must be a latency such as p99 or"
            + " service_p95, was " + metric.token());
      }
      this.latencyMetric = metric;
      return this;
    }

    /**
     * Whether a run whose load differs from the baseline's (another rate profile, user count, mix
     * or duration) is compared anyway; by default it is refused with a
     * {@link LoadShapeMismatchException}, since its numbers would say nothing about a regression.
     */
    public Builder allowDifferentShape(boolean allow) {
      this.allowDifferentShape = allow;
      return this;
    }

    /**
     * The least throughput, as a share of the baseline's, for {@code operation} ({@link
     * RegressionGate#TOTAL} for all together), or for every one without its own when null; the
     * operation's latency limit stays the gate's unless set too.
     *
     * @throws IllegalArgumentException unless {@code ratio} is between 0 and 1
     */
    public Builder minThroughputRatio(String operation, double ratio) {
      if (operation == null) {
        limits = new GateLimits(ratio, limits.maxLatencyRatio());
      } else {
        new GateLimits(ratio, GateLimits.DEFAULT.maxLatencyRatio()); // checks the ratio
        operationThroughput.put(operation, ratio);
      }
      return this;
    }

    /**
     * The most latency, as a multiple of the baseline's, for {@code operation} ({@link
     * RegressionGate#TOTAL} for all together), or for every one without its own when null; the
     * operation's throughput limit stays the gate's unless set too.
     *
     * @throws IllegalArgumentException unless {@code ratio} is finite and 1 or more
     */
    public Builder maxLatencyRatio(String operation, double ratio) {
      if (operation == null) {
        limits = new GateLimits(limits.minThroughputRatio(), ratio);
      } else {
        new GateLimits(GateLimits.DEFAULT.minThroughputRatio(), ratio); // checks the ratio
        operationLatency.put(operation, ratio);
      }
      return this;
    }

    public RegressionGate build() {
      // A half set for an operation completes with its own other half, or the gate's, whenever that was set.
      Map<String, GateLimits> complete = new LinkedHashMap<>(operationLimits);
      java.util.Set<String> halves = new java.util.LinkedHashSet<>(operationThroughput.keySet());
      halves.addAll(operationLatency.keySet());
      for (String operation : halves) {
        GateLimits own = operationLimits.getOrDefault(operation, limits);
        complete.put(operation, new GateLimits(operationThroughput.getOrDefault(operation, own.minThroughputRatio()),
            operationLatency.getOrDefault(operation, own.maxLatencyRatio())));
      }
      return new RegressionGate(this, complete);
    }
  }
}
