package dev.plimsoll.scenario;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a {@link ScenarioSpec} into a runnable {@link Scenario} whose requests go through a
 * {@link RequestExecutor}.
 *
 * <p>Each flow of a workload's mix becomes one asynchronous operation of the same name and weight.
 * A call of it:
 * <ol>
 *   <li>draws one record from each feeder the flow uses and puts it in the user's state under the
 *       feeder's name (so it holds for the whole flow);
 *   <li>runs the steps in order: a request step renders its URL, headers and body, sends them with
 *       the executor, checks the response and extracts values into the user's state; a think step
 *       waits without holding a thread;
 *   <li>completes when the last step does, or exceptionally at the first failure (the executor's,
 *       a {@link CheckFailedException}, or a template's missing value); later steps are skipped.
 * </ol>
 * The operation's response time therefore covers the whole flow, think steps included.
 *
 * <p>{@code ${seq}} counts across the whole scenario, from 1, for each scenario built; feeder
 * cursors are per built scenario too, so building twice gives two independent runs.
 */
public final class ScenarioBuilder {

  /** Where a flow goes on after a think step: a new virtual thread, so no pool is held or needed. */
  private static final Executor AFTER_THINK = task -> Thread.ofVirtual().name("plimsoll-flow").start(task);

  private ScenarioBuilder() {}

  /**
   * Builds the scenario.
   *
   * @throws ScenarioException if core rejects the combination (which the loader's checks should
   *     already have caught)
   */
  public static Scenario build(ScenarioSpec spec, RequestExecutor executor) {
    return build(spec, executor, AFTER_THINK);
  }

  static Scenario build(ScenarioSpec spec, RequestExecutor executor, Executor afterThink) {
    AtomicLong sequence = new AtomicLong();
    Map<String, Feeder> feeders = new LinkedHashMap<>();
    spec.feeders().forEach((name, f) -> feeders.put(name, new Feeder(f)));
    String target = spec.target() == null ? null : spec.target().toString();
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
          List<FlowOperation.Step> steps = new ArrayList<>();
          for (StepSpec step : flow.steps()) {
            steps.add(switch (step) {
              case StepSpec.RequestStep r -> new FlowOperation.Send(
                  r.request().method(), r.request().url(), headers(spec.defaults().headers(), r.request().headers()),
                  r.request().body(), new ResponseChecks(r.checks(), r.extract()));
              case StepSpec.ThinkStep t -> new FlowOperation.Think(t.think());
            });
          }
          List<Feeder> used = flow.feeders().stream().sorted().map(feeders::get).toList();
          mix.addAsync(flow.name(), flow.weight(),
              new FlowOperation(steps, used, executor, target, () -> sequence.incrementAndGet(), afterThink));
        }
        b.workload(Workload.of(w.name(), mix.build(), w.load()));
      }
      for (String criterion : spec.criteria()) {
        b.criterion(criterion);
      }
      if (spec.preset() != null) {
        b.preset(spec.preset());
      }
      return b.build();
    } catch (InvalidConfigurationException e) {
      String prefix = e.field() + ": ";
      String m = e.getMessage();
      throw new ScenarioException(spec.source().isEmpty() ? "scenario" : spec.source(), e.field(),
          m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    }
  }

  /** The defaults' headers, then the request's; a request's header replaces a default of the same name in any case. */
  private static List<Map.Entry<String, Template>> headers(Map<String, Template> defaults, Map<String, Template> own) {
    Map<String, Map.Entry<String, Template>> merged = new LinkedHashMap<>();
    defaults.forEach((name, value) -> merged.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value)));
    own.forEach((name, value) -> {
      String key = name.toLowerCase(Locale.ROOT);
      merged.remove(key);
      merged.put(key, Map.entry(name, value));
    });
    return List.copyOf(merged.values());
  }
}
