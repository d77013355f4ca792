package dev.plimsoll.runner;

import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.PreparedRun;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.Reports;
import dev.plimsoll.results.RegressionGate;
import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a scenario the same way for every way in: the {@code plimsoll} command, a JUnit test, a
 * cluster worker or your own {@code main}. A runner is immutable and can be run more than once.
 *
 * <pre>{@code
 * RunResult result = Runner.forFile(Path.of("examples/scenarios/shop.yaml"))
 *     .overrides(Overrides.builder("test").target("http://127.0.0.1:8080").duration("10s").build())
 *     .resultsDirectory(Path.of("target/plimsoll/shop"))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>A scenario file's protocol steps (an HTTP {@code request}, ...) are run by the drivers found on
 * the classpath; add {@code plimsoll-http} to run HTTP scenarios. The file is read and checked when
 * the run starts, before any load is sent: a mistake is a
 * {@link dev.plimsoll.scenario.driver.ScenarioException} naming the file, line, column and field.
 */
public final class Runner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Runner.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final ScenarioSource source;
  private final List<RunListener> listeners;
  private final Path resultsDirectory;
  private final Path resultsParent;
  private final Consumer<RunResult> onShutdown;
  private final Consumer<String> notices;
  /** The reports written beside result.json; null for every reporter found. */
  private final List<Reporter> reporters;
  private final BaselineGate baseline;
  private final LoadSegment segment;
  /** Starts the built scenario: this process's engine, unless the load runs elsewhere. */
  private final Function<Scenario, RunHandle> engine;

  private Runner(Builder b) {
    this.source = b.source;
    this.listeners = List.copyOf(b.listeners);
    this.resultsDirectory = b.resultsDirectory;
    this.resultsParent = b.resultsParent;
    this.onShutdown = b.onShutdown;
    this.notices = b.notices;
    this.reporters = b.reports == null ? null : Reports.select(b.reports);
    this.baseline = new BaselineGate(b.baselineFile, b.gate, b.saveBaseline);
    this.segment = b.segment;
    this.engine = b.engine;
  }

  /** A runner for a scenario built in Java. */
  public static Builder forScenario(Scenario scenario) {
    return new Builder(new ScenarioSource.Built(Objects.requireNonNull(scenario, "scenario")));
  }

  /**
   * A runner for a scenario file. Settings are layered: defaults &lt; the file &lt; the
   * environment's {@code PLIMSOLL_*} variables &lt; {@link Builder#overrides}.
   */
  public static Builder forFile(Path file) {
    return new Builder(new ScenarioSource.File(Objects.requireNonNull(file, "file"), Overrides.none(), System.getenv()));
  }

  /** A runner for a scenario already read (or built in code, as {@code plimsoll http} does). */
  public static Builder forSpec(ScenarioSpec spec) {
    return new Builder(new ScenarioSource.Spec(Objects.requireNonNull(spec, "spec")));
  }

  /** Runs to the end and returns the result, once its files (if asked for) are written. */
  public RunResult run() {
    RunningTest running = start();
    try {
      return running.await();
    } catch (InterruptedException e) {
      running.stop("interrupted");
      Thread.currentThread().interrupt();
      return running.result().join();
    }
  }

  /**
   * Reads and checks the scenario, opens the drivers, starts the run and returns at once.
   *
   * @throws dev.plimsoll.scenario.driver.ScenarioException if a scenario file is invalid, or a host it
   *     sends to does not resolve (nothing was sent)
   * @throws ResultsFolderException if the results folder cannot be created or written (nothing was sent)
   * @throws IllegalArgumentException naming the file, if the {@linkplain Builder#baseline baseline}
   *     cannot be read (nothing was sent)
   * @throws dev.plimsoll.results.LoadShapeMismatchException if the scenario's load differs from the
   *     baseline's and the gate does not allow it (nothing was sent)
   */
  public RunningTest start() {
    return prepareWith(engine == null ? Plimsoll::prepare : scenario -> elsewhere(engine, scenario)).start();
  }

  /**
   * Does all that {@link #start} does but start the load: reads and checks the scenario, opens the
   * drivers, creates the results folder and journal, and builds the engine. The returned run then
   * starts with next to no work left, {@linkplain PreparedTest#startAt at a planned instant}: how a
   * cluster worker begins together with the others. Throws as {@link #start} does, having sent nothing.
   *
   * @throws IllegalStateException if this runner's load runs elsewhere ({@link Builder#engine})
   */
  public PreparedTest prepare() {
    if (engine != null) {
      throw new IllegalStateException("a run whose load other machines generate starts when they do: use start()");
    }
    return prepareWith(Plimsoll::prepare);
  }

  private PreparedTest prepareWith(Function<Scenario, PreparedRun> engineFor) {
    Checked checked = source.check();
    BaselineGate.Opened gate = baseline.open();
    // Before the drivers open anything: a run that cannot fit sends nothing. A run whose load
    // other machines generate asks nothing of this process.
    if (engine == null) {
      Preflight.check(checked.demand().part(segment), Preflight.Capacity.ofThisProcess(), notices);
    }
    Path directory = directoryFor(checked.name());
    if (directory != null) {
      ResultsFolder.prepare(directory);
    }
    OpenedScenario opened = checked.open();
    JournalListener journal = null;
    try {
      Scenario scenario = opened.scenario();
      gate.checkShape(scenario.describe());
      // Before the first operation, so that a crash from the first interval on leaves a journal.
      journal = directory == null ? null : JournalListener.createIn(directory, scenario.criteria(), notices);
      InFlightGauge inFlight = new InFlightGauge();
      Scenario.Builder b = scenario.toBuilder();
      if (journal != null) {
        b.listener(journal);
      }
      b.listener(inFlight);
      listeners.forEach(b::listener);
      b.segment(segment);
      Scenario running = b.build();
      ShutdownStop.Options stop = onShutdown == null ? null
          : new ShutdownStop.Options(onShutdown, notices, running.gracefulStop(), inFlight::inFlight);
      return new PreparedTest(engineFor.apply(running), running, opened, directory, reporters, journal, stop,
          new RunningTest.Finish(gate, notices));
    } catch (RuntimeException e) {
      if (journal != null) {
        // Nothing ran: there is nothing to recover.
        journal.delete();
      }
      opened.close();
      throw e;
    }
  }

  /** A run whose load other machines generate: started by {@code start} when it starts, not before. */
  private static PreparedRun elsewhere(Function<Scenario, RunHandle> start, Scenario scenario) {
    return new PreparedRun() {
      @Override
      public RunHandle start() {
        return start.apply(scenario);
      }

      @Override
      public RunHandle startAt(Instant startAt) {
        throw new IllegalStateException("a run whose load other machines generate starts when they do");
      }

      @Override
      public void cancel() {}
    };
  }

  /**
   * The effective plan (workloads, load over time, criteria), as {@code --dry-run} prints it. Reads
   * and checks a scenario file exactly as {@link #start} does (the hosts it sends to resolve, the
   * results folder could be created), and sends, opens and creates nothing.
   *
   * @throws dev.plimsoll.scenario.driver.ScenarioException as {@link #start} would
   * @throws ResultsFolderException as {@link #start} would
   */
  public String describe() {
    return describe(false);
  }

  /**
   * As {@link #describe()}; when {@code showBodies}, request bodies are shown as written rather than
   * by their size and shape (they may hold credentials, so only when asked, e.g. {@code --show-bodies}).
   */
  public String describe(boolean showBodies) {
    Checked checked = source.check();
    baseline.open();
    Preflight.check(checked.demand(), Preflight.Capacity.ofThisProcess(), notices);
    Path directory = directoryFor(checked.name());
    if (directory != null) {
      ResultsFolder.check(directory);
    }
    return checked.describe(showBodies);
  }

  private Path directoryFor(String scenarioName) {
    if (resultsDirectory != null) {
      return resultsDirectory;
    }
    if (resultsParent == null) {
      return null;
    }
    String safe = scenarioName.replaceAll("[^A-Za-z0-9_.-]", "-");
    return resultsParent.resolve(safe + "-" + LocalDateTime.now(Clock.systemDefaultZone()).format(STAMP));
  }

  /** Configures a {@link Runner}. */
  public static final class Builder {
    private ScenarioSource source;
    private final List<RunListener> listeners = new ArrayList<>();
    private Path resultsDirectory;
    private Path resultsParent;
    private Consumer<RunResult> onShutdown;
    private Consumer<String> notices = message -> LOG.warn("{}", message);
    private List<String> reports;
    private Path baselineFile;
    private RegressionGate gate = RegressionGate.defaults();
    private Path saveBaseline;
    private LoadSegment segment = LoadSegment.whole();
    private Function<Scenario, RunHandle> engine;

    private Builder(ScenarioSource source) {
      this.source = source;
    }

    /**
     * Settings that win over the file and the environment (a scenario file only). Calling it again
     * replaces the earlier overrides.
     */
    public Builder overrides(Overrides overrides) {
      Objects.requireNonNull(overrides, "overrides");
      if (!(source instanceof ScenarioSource.File f)) {
        throw new IllegalStateException("overrides apply to a scenario file; change a built scenario with its builder");
      }
      source = new ScenarioSource.File(f.file(), overrides, f.environment());
      return this;
    }

    /**
     * The environment whose {@code PLIMSOLL_*} variables override a scenario file (default: the
     * process's). Pass an empty map to ignore the environment.
     */
    public Builder environment(Map<String, String> environment) {
      if (!(source instanceof ScenarioSource.File f)) {
        throw new IllegalStateException("the environment applies to a scenario file");
      }
      source = new ScenarioSource.File(f.file(), f.overrides(), Map.copyOf(environment));
      return this;
    }

    /** Called with every interval and at the end, on the engine's collector thread. */
    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where the runner says what it does on its own, one sentence at a time: a signal received and
     * the wait for in-flight operations, a journal that cannot be written, a resource running
     * short. The {@code plimsoll} command prints them on standard error; by default they are
     * logged as warnings.
     */
    public Builder notices(Consumer<String> notices) {
      this.notices = Objects.requireNonNull(notices, "notices");
      return this;
    }

    /**
     * Writes result.json and every report into exactly this directory (created if missing). While
     * the run goes, its journal ({@value dev.plimsoll.results.RunJournal#FILE_NAME}) is kept
     * there, one line per interval, from which {@code plimsoll report --recover} rebuilds the
     * result after a crash; it is deleted once the result and reports are written.
     */
    public Builder resultsDirectory(Path directory) {
      this.resultsDirectory = Objects.requireNonNull(directory, "directory");
      this.resultsParent = null;
      return this;
    }

    /** Writes result.json and every report into {@code parent/<scenario name>-<yyyyMMdd-HHmmss>}. */
    public Builder resultsUnder(Path parent) {
      this.resultsParent = Objects.requireNonNull(parent, "parent");
      this.resultsDirectory = null;
      return this;
    }

    /**
     * Handles the process being asked to stop. Ctrl-C or SIGTERM stops the run gracefully, saying
     * so through {@link #notices}, and the run then ends as any run does (status ABORTED); a second
     * one cuts the graceful stop short, the result still written; a third ends the process at once
     * (exit 130). Any other shutdown of the JVM stops the run gracefully, waits until its result
     * and files are written, then calls {@code afterwards} with the result (which may print it and
     * end the process with {@link Runtime#halt}). Without this, signals are left alone and a
     * shutdown ends the run unrecorded.
     */
    public Builder stopOnShutdown(Consumer<RunResult> afterwards) {
      this.onShutdown = Objects.requireNonNull(afterwards, "afterwards");
      return this;
    }

    /**
     * Which report files are written beside result.json, by {@linkplain Reporter#name() name}
     * ({@code markdown} or {@code md}, {@code junit}, {@code csv}, {@code hlog}, {@code html}, ...;
     * see {@link Reports#select}). result.json is always written: it is the record every report can
     * be rendered from again ({@code json} may be named, and changes nothing). By default, every
     * reporter found on the class or module path writes its file.
     *
     * @throws IllegalArgumentException at {@link #build()}, naming an unknown report and listing the
     *     known ones
     */
    public Builder reports(Collection<String> names) {
      this.reports = List.copyOf(Objects.requireNonNull(names, "names"));
      return this;
    }

    /** As {@link #reports(Collection)}. */
    public Builder reports(String... names) {
      return reports(List.of(names));
    }

    /**
     * Judges the run against the result in {@code file} with the {@linkplain RegressionGate#defaults()
     * default gate} (or the one given to {@link #gate}): a drop in throughput or a rise in latency
     * beyond its limits fails the run, the comparisons joining its criteria's verdicts in the result
     * and every report. The file is read, and the scenario's load compared with the baseline's,
     * when the run starts and before any load is sent.
     */
    public Builder baseline(Path file) {
      this.baselineFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** The limits {@link #baseline} judges the run with (default {@link RegressionGate#defaults()}). */
    public Builder gate(RegressionGate gate) {
      this.gate = Objects.requireNonNull(gate, "gate");
      return this;
    }

    /**
     * Saves the run's result (atomically) to {@code file} as a new baseline once it has ended, if it
     * passed or completed; a failed or aborted run leaves the file as it was, saying so through
     * {@link #notices}. It may be the file given to {@link #baseline}: the baseline then moves with
     * each run that passes its gate.
     */
    public Builder saveBaseline(Path file) {
      this.saveBaseline = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Runs only {@code part} of the scenario's load: this process is one of several machines
     * sharing a run (a cluster worker), each running one segment of the same
     * {@linkplain LoadSegment#split split}.
     */
    public Builder segment(LoadSegment part) {
      this.segment = Objects.requireNonNull(part, "part");
      return this;
    }

    /**
     * Starts the scenario with {@code start} instead of this process's engine: a cluster
     * coordinator's run, whose load workers generate and whose handle is a
     * {@link dev.plimsoll.core.RemoteRun} fed with their merged intervals. The scenario handed over
     * carries every listener (the journal's, the builder's); everything else (the results folder,
     * reports, the baseline, stop on shutdown) is as for any run. The check that this process can
     * hold the run's users and connections is left to the machines that run them.
     */
    public Builder engine(Function<Scenario, RunHandle> start) {
      this.engine = Objects.requireNonNull(start, "start");
      return this;
    }

    public Runner build() {
      if (source instanceof ScenarioSource.File f && !Files.isRegularFile(f.file())) {
        throw new IllegalArgumentException("no scenario file at " + f.file());
      }
      return new Runner(this);
    }
  }

  /** A scenario read and checked, not yet opened: what both a run and a dry run start from. */
  private interface Checked {
    String name();

    OpenedScenario open();

    String describe(boolean showBodies);

    /** What the run asks of the process: users and connections, for the {@link Preflight} check. */
    Preflight.Demand demand();

    /** A spec, read from a file or built: drivers check it, then open it or describe it. */
    static Checked of(ScenarioSpec spec) {
      ScenarioBuilder.checkBeforeRun(spec);
      return new Checked() {
        @Override
        public String name() {
          return spec.name();
        }

        @Override
        public Preflight.Demand demand() {
          return Preflight.Demand.of(spec.workloads().stream().map(WorkloadSpec::load).toList(),
              ScenarioBuilder.connections(spec));
        }

        @Override
        public OpenedScenario open() {
          return OpenedScenario.open(spec);
        }

        @Override
        public String describe(boolean showBodies) {
          return DryRun.describe(spec, showBodies);
        }
      };
    }
  }

  /** Where a run's scenario comes from. */
  private sealed interface ScenarioSource {
    /** Reads and checks the scenario; opens nothing. */
    Checked check();

    record Built(Scenario scenario) implements ScenarioSource {
      @Override
      public Checked check() {
        return new Checked() {
          @Override
          public String name() {
            return scenario.name();
          }

          @Override
          public Preflight.Demand demand() {
            return Preflight.Demand.of(scenario.workloads().stream().map(Workload::load).toList(), 0);
          }

          @Override
          public OpenedScenario open() {
            return OpenedScenario.of(scenario);
          }

          @Override
          public String describe(boolean showBodies) {
            return scenario.describe().toString();
          }
        };
      }
    }

    record File(Path file, Overrides overrides, Map<String, String> environment) implements ScenarioSource {
      @Override
      public Checked check() {
        return Checked.of(ScenarioLoader.create().overrides(overrides.orElse(Overrides.fromEnvironment(environment)))
            .load(file));
      }
    }

    record Spec(ScenarioSpec spec) implements ScenarioSource {
      @Override
      public Checked check() {
        return Checked.of(spec);
      }
    }
  }
}
