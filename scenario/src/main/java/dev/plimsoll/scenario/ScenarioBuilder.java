package dev.plimsoll.scenario;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RatePlan;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.BuildContext;
import dev.plimsoll.scenario.driver.ExpectedLoad;
import dev.plimsoll.scenario.driver.CheckFailedException;
import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.ScenarioException;
import dev.plimsoll.scenario.driver.StepSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Turns a {@link ScenarioSpec} into a runnable {@link Scenario}, opening a session of each driver
 * whose steps it has.
 *
 * <p>Each flow of a workload's mix becomes one asynchronous operation of the same name and weight.
 * A call of it:
 * <ol>
 *   <li>draws one record from each feeder the flow uses and puts it in the user's state under the
 *       feeder's name (so it holds for the whole flow);
 *   <li>runs the steps in order: a driver's step as its session compiled it (an HTTP request step
 *       renders its URL, headers and body, sends them, checks the response and extracts values
 *       into the user's state); a think step waits without holding a thread;
 *   <li>completes when the last step does, or exceptionally at the first failure (a driver's, a
 *       {@link CheckFailedException}, or a template's missing value); later steps are skipped.
 * </ol>
 * The operation's response time therefore covers the whole flow, think steps included.
 *
 * <p>{@code ${seq}} counts across the whole scenario, from 1, for each scenario opened; feeder
 * cursors are per opened scenario too, so opening twice gives two independent runs.
 */
public final class ScenarioBuilder {

  private ScenarioBuilder() {}

  /**
   * Opens the sessions of the drivers on the classpath that the scenario's steps need, and builds
   * the scenario. Close the result when the run ends.
   *
   * @throws ScenarioException if core rejects the combination (which the loader's checks should
   *     already have caught)
   * @throws IllegalStateException if a step's driver is not on the classpath
   */
  public static OpenScenario open(ScenarioSpec spec) {
    return open(spec, Drivers.discover());
  }

  /** As {@link #open(ScenarioSpec)}, with exactly these drivers instead of those on the classpath. */
  public static OpenScenario open(ScenarioSpec spec, Driver... drivers) {
    return open(spec, Drivers.of(Arrays.asList(drivers)));
  }

  /** As {@link #open(ScenarioSpec)}, with exactly these drivers instead of those on the classpath. */
  public static OpenScenario open(ScenarioSpec spec, List<Driver> drivers) {
    return open(spec, Drivers.of(drivers));
  }

  /**
   * What a run would find out only as it starts, asked of the drivers on the classpath without
   * sending anything: that the hosts the scenario sends to resolve, say. {@link #open} does it too;
   * a dry run calls it so that it refuses what a run would.
   *
   * @throws ScenarioException naming the scenario's source and the problem
   */
  public static void checkBeforeRun(ScenarioSpec spec) {
    checkBeforeRun(spec, Drivers.discover());
  }

  static void checkBeforeRun(ScenarioSpec spec, Drivers drivers) {
    stepsByDriver(spec).forEach((name, steps) -> {
      Driver driver = drivers.named(name);
      if (driver == null) {
        return; // opening reports it
      }
      try {
        driver.checkBeforeRun(spec.settings().get(name), steps, spec.target());
      } catch (ScenarioException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw ScenarioException.inFile(spec.source().isEmpty() ? "scenario" : spec.source(), "", e.getMessage());
      }
    });
  }

  /**
   * The most connections a run of {@code spec} may hold open at once, as its drivers on the
   * classpath count them (each a file descriptor), for a check against the process's limit.
   */
  public static long connections(ScenarioSpec spec) {
    Drivers drivers = Drivers.discover();
    long connections = 0;
    for (Map.Entry<String, List<DriverStep>> e : stepsByDriver(spec).entrySet()) {
      Driver driver = drivers.named(e.getKey());
      if (driver != null) {
        connections += driver.connections(spec.settings().get(e.getKey()), e.getValue(), spec.target());
      }
    }
    return connections;
  }

  /** Every driver step of the scenario, by the name of its driver, in file order. */
  private static Map<String, List<DriverStep>> stepsByDriver(ScenarioSpec spec) {
    Map<String, List<DriverStep>> byDriver = new LinkedHashMap<>();
    for (WorkloadSpec w : spec.workloads()) {
      for (FlowSpec flow : w.mix()) {
        for (StepSpec step : flow.steps()) {
          if (step instanceof DriverStep d) {
            byDriver.computeIfAbsent(d.driver(), k -> new ArrayList<>()).add(d);
          }
        }
      }
    }
    byDriver.replaceAll((name, steps) -> List.copyOf(steps));
    return byDriver;
  }

  static OpenScenario open(ScenarioSpec spec, Drivers drivers) {
    checkBeforeRun(spec, drivers);
    Map<String, DriverSession> sessions = new LinkedHashMap<>();
    try {
      Scenario scenario = build(spec, drivers, sessions);
      ExpectedLoad load = expectedLoad(scenario);
      sessions.values().forEach(session -> session.prepare(load));
      return new OpenScenario(scenario, List.copyOf(sessions.values()));
    } catch (RuntimeException e) {
      OpenScenario.closeAll(List.copyOf(sessions.values()), e);
      throw e;
    }
  }

  /** The workloads' peak planned rates and users, added: what the drivers get ready for. */
  static ExpectedLoad expectedLoad(Scenario scenario) {
    double rate = 0;
    long users = 0;
    for (Workload w : scenario.workloads()) {
      switch (w.load()) {
        case OpenModel open -> rate += peakRate(open.profile().plan(scenario.duration()));
        case ClosedModel closed -> users += closed.users().maxUsers();
        default -> { }
      }
    }
    return new ExpectedLoad(rate, users);
  }

  /** The plan's highest rate, read at 400 points: a ramp's top, a stage's rate; a very short spike may fall between. */
  private static double peakRate(RatePlan plan) {
    int points = 400;
    double peak = 0;
    for (int i = 0; i <= points; i++) {
      peak = Math.max(peak, plan.ratePerSecond(plan.durationSeconds() * i / points));
    }
    return peak;
  }

  private static Scenario build(ScenarioSpec spec, Drivers drivers, Map<String, DriverSession> sessions) {
    AtomicLong sequence = new AtomicLong();
    LongSupplier next = sequence::incrementAndGet;
    BuildContext context = new Context(spec.target(), next);
    Map<String, Feeder> feeders = new LinkedHashMap<>();
    spec.feeders().forEach((name, f) -> feeders.put(name, new Feeder(f)));
    try {
      Scenario.Builder b = Scenario.builder(spec.name())
          .duration(spec.duration())
          .warmUp(spec.warmUp())
          .interval(spec.interval())
          .gracefulStop(spec.gracefulStop())
          .seed(spec.seed());
      for (WorkloadSpec w : spec.workloads()) {
        Mix.Builder mix = Mix.builder();
        for (FlowSpec flow : w.mix()) {
          List<Action> steps = new ArrayList<>();
          Set<DriverSession> flowSessions = new HashSet<>();
          for (StepSpec step : flow.steps()) {
            steps.add(switch (step) {
              case ThinkStep t -> FlowOperation.think(t.think());
              case DriverStep d -> {
                DriverSession session = session(d, spec, drivers, sessions);
                flowSessions.add(session);
                yield session.compile(d, context);
              }
              default -> throw new IllegalArgumentException("not a step of a driver: " + step);
            });
          }
          List<Feeder> used = flow.feeders().stream().sorted().map(feeders::get).toList();
          ScheduledExecutorService startingExecutor =
              flowSessions.size() == 1 ? flowSessions.iterator().next().startingExecutor() : null;
          mix.addAsync(flow.name(), flow.weight(), new FlowOperation(steps, used, startingExecutor));
        }
        b.workload(Workload.of(w.name(), mix.build(), w.load()));
      }
      spec.criteria().forEach(b::criterion);
      if (spec.preset() != null) {
        b.preset(spec.preset());
      }
      return b.build();
    } catch (InvalidConfigurationException e) {
      // Core names its settings "scenario.warmUp"; the spec's own names are what its author wrote.
      throw ScenarioException.inFile(spec.source().isEmpty() ? "scenario" : spec.source(),
          e.field().replaceFirst("^scenario\\.", ""), e.problem());
    }
  }

  /** The session of the step's driver, opened on its first step. */
  private static DriverSession session(DriverStep step, ScenarioSpec spec, Drivers drivers,
      Map<String, DriverSession> sessions) {
    DriverSession session = sessions.get(step.driver());
    if (session == null) {
      Driver driver = drivers.named(step.driver());
      if (driver == null) {
        throw new IllegalStateException("the scenario has steps of driver '" + step.driver()
            + "', which is not on the classpath (drivers: " + drivers.names() + ")");
      }
      session = driver.open(spec.settings().get(step.driver()));
      sessions.put(step.driver(), session);
    }
    return session;
  }

  private record Context(URI target, LongSupplier sequence) implements BuildContext {}
}
