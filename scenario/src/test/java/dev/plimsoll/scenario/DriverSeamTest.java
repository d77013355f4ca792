package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.scenario.SchemaTest.FakeDriver;
import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.BuildContext;
import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.DriverSyntax;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.driver.ScenarioException;
import dev.plimsoll.scenario.echo.EchoDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the scenario module says about steps and sections it does not know: a misspelling gets a
 * suggestion, a step kind or section that no driver on the classpath provides says so, and the
 * rules of steps (one kind each, its own keys only) hold for every driver.
 */
class DriverSeamTest {

  private static final String TARGET = "target: tcp://127.0.0.1:7\n";

  private static ScenarioException error(String yaml) {
    return catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.create().parse(TARGET + yaml, "s.yaml", Path.of(".")));
  }

  private static String flow(String flow) {
    return """
        workloads:
          - name: w
            closed: { users: 1 }
            mix:
              - %s
        """.formatted(flow);
  }

  @Test
  void aStepKindNoDriverProvides_saysSo() {
    ScenarioException e = error(flow("{ name: q, steps: [ { sql: \"select 1\" } ] }"));
    assertThat(e).hasMessage("s.yaml:6:31: workloads[0].mix[0].steps[0].sql: unknown key: no driver on the classpath "
        + "has a step kind 'sql' (step kinds: echo, think; drivers: echo)");
    assertThat(e.file()).isEqualTo("s.yaml");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.path()).isEqualTo("workloads[0].mix[0].steps[0].sql");
    assertThat(error(flow("{ name: q, sql: \"select 1\" }"))).hasMessage("s.yaml:6:20: workloads[0].mix[0].sql: "
        + "unknown key: no driver on the classpath has a step kind 'sql' (step kinds: echo; drivers: echo)");
  }

  @Test
  void aMisspeltStepKind_getsASuggestion() {
    assertThat(error(flow("{ name: q, steps: [ { ecko: hi } ] }")))
        .hasMessage("s.yaml:6:31: workloads[0].mix[0].steps[0].ecko: unknown key (did you mean 'echo'?)");
    assertThat(error(flow("{ name: q, echo: hi, expekt: hi }")))
        .hasMessage("s.yaml:6:30: workloads[0].mix[0].expekt: unknown key (did you mean 'expect'?)");
  }

  @Test
  void aSectionNoDriverReads_saysSo() {
    assertThat(error("grpc: { channels: 2 }\n" + flow("{ name: q, echo: hi }")))
        .hasMessage("s.yaml:2:1: grpc: unknown key: no driver on the classpath has a section 'grpc' (drivers: echo; "
            + "allowed keys: name, target, duration, warmUp, interval, gracefulStop, seed, defaults, variables, feeders, "
            + "workloads, criteria, preset, echo)");
    assertThat(error("ecko: { connections: 2 }\n" + flow("{ name: q, echo: hi }")))
        .hasMessage("s.yaml:2:1: ecko: unknown key (did you mean 'echo'?)");
    assertThat(error("echo: { conections: 2 }\n" + flow("{ name: q, echo: hi }")))
        .hasMessage("s.yaml:2:9: echo.conections: unknown key (did you mean 'connections'?)");
  }

  @Test
  void aStepHasOneKind_andOnlyItsKeys() {
    assertThat(error(flow("{ name: q, steps: [ { echo: hi, think: 1s } ] }")))
        .hasMessage("s.yaml:6:41: workloads[0].mix[0].steps[0].think: a step is an echo or a think, not both");
    assertThat(error(flow("{ name: q, steps: [ { think: 1s, expect: hi } ] }")))
        .hasMessage("s.yaml:6:42: workloads[0].mix[0].steps[0].expect: goes with an echo, not a think step");
    assertThat(error(flow("{ name: q, steps: [ { } ] }")))
        .hasMessage("s.yaml:6:29: workloads[0].mix[0].steps[0]: needs an echo or a think");
    assertThat(error(flow("{ name: q, echo: hi, steps: [ { echo: hi } ] }")))
        .hasMessage("s.yaml:6:30: workloads[0].mix[0].steps: give echo (one step) or steps (a sequence), not both");
    assertThat(error(flow("{ name: q, expect: hi, steps: [ { echo: hi } ] }")))
        .hasMessage("s.yaml:6:20: workloads[0].mix[0].expect: goes inside a step when the flow has steps");
    assertThat(error(flow("{ name: q }"))).hasMessage("s.yaml:6:9: workloads[0].mix[0]: needs an echo, or steps");
    assertThat(error(flow("{ name: q, steps: [ { think: 1s } ] }")))
        .hasMessage("s.yaml:6:27: workloads[0].mix[0].steps: has no echo (a flow needs at least one)");
  }

  @Test
  void withoutAnyDriver_aStepKindIsUnknown() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.create().drivers()
        .parse(TARGET + flow("{ name: q, echo: hi }"), "s.yaml", Path.of(".")));
    assertThat(e).hasMessage("s.yaml:6:20: workloads[0].mix[0].echo: unknown key: no driver on the classpath has a "
        + "step kind 'echo' (drivers: none)");
  }

  @Test
  void driversWhoseNamesOrKeysCollide_areASetupError() {
    assertThatThrownBy(() -> ScenarioLoader.create().drivers(new EchoDriver(), new EchoDriver()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("two drivers are called 'echo'");
    Driver sameSection = new FakeDriver("other", new DriverSyntax("echo", List.of(), List.of(), Map.of()), "{}");
    assertThatThrownBy(() -> ScenarioLoader.create().drivers(new EchoDriver(), sameSection))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("driver 'other' declares section 'echo', which driver 'echo' declares too");
    Driver coreKey = new FakeDriver("odd", new DriverSyntax("workloads", List.of(), List.of(), Map.of()), "{}");
    assertThatThrownBy(() -> ScenarioLoader.create().drivers(coreKey))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("driver 'odd' declares section 'workloads', which is the scenario's own key");
    Driver thinkKind = new FakeDriver("odd", new DriverSyntax(null, List.of(), List.of(StepKind.of("think")), Map.of()), "{}");
    assertThatThrownBy(() -> ScenarioLoader.create().drivers(thinkKind))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("driver 'odd' declares step kind 'think', which is the scenario's own key");
  }

  @Test
  void openingWithoutTheStepsDriver_saysWhichIsMissing() {
    ScenarioSpec spec = ScenarioLoader.create().parse(TARGET + flow("{ name: q, echo: hi }"), "s.yaml", Path.of("."));
    assertThatThrownBy(() -> ScenarioBuilder.open(spec, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the scenario has steps of driver 'echo', which is not on the classpath (drivers: none)");
  }

  @Test
  void sessionsGetReadyOnceEveryStepIsCompiled_beforeTheRun() {
    List<String> events = new CopyOnWriteArrayList<>();
    Driver counting = new CountingDriver(new AtomicInteger(), events);
    ScenarioSpec spec = ScenarioSpec.builder("s")
        .workload(new WorkloadSpec("w", ClosedModel.users(1),
            List.of(new FlowSpec("f", 1, List.of(new Noop(), new Noop()), Set.of()),
                new FlowSpec("g", 1, List.of(new Noop()), Set.of()))))
        .duration(Duration.ofSeconds(10))
        .build();
    try (OpenScenario open = ScenarioBuilder.open(spec, counting)) {
      assertThat(events).containsExactly("compile", "compile", "compile", "prepare");
    }
    assertThat(events).endsWith("prepare", "close");
  }

  @Test
  void aScenarioThatFailsToBuild_closesTheSessionsItOpened() {
    AtomicInteger closed = new AtomicInteger();
    List<String> events = new CopyOnWriteArrayList<>();
    Driver counting = new CountingDriver(closed, events);
    ScenarioSpec spec = ScenarioSpec.builder("s")
        .workload(new WorkloadSpec("w", ClosedModel.users(1), List.of(new FlowSpec("f", 1, List.of(new Noop()), Set.of()))))
        .duration(Duration.ofSeconds(10))
        .warmUp(Duration.ofSeconds(10))
        .build();
    assertThatThrownBy(() -> ScenarioBuilder.open(spec, counting)).isInstanceOf(ScenarioException.class);
    assertThat(closed).hasValue(1);
    assertThat(events).as("a scenario that failed to build does not get ready").doesNotContain("prepare");

    try (OpenScenario open = ScenarioBuilder.open(spec.withWarmUp(Duration.ZERO), counting)) {
      assertThat(open.scenario().workloads()).hasSize(1);
    }
    assertThat(closed).hasValue(2);
  }

  /** A step of {@link CountingDriver}: does nothing. */
  record Noop() implements DriverStep {
    @Override
    public String driver() {
      return "counting";
    }

    @Override
    public Set<String> feeders() {
      return Set.of();
    }

    @Override
    public List<String> describe() {
      return List.of("nothing");
    }
  }

  /** A driver whose sessions count how often they are closed, and log what they are asked to do. */
  record CountingDriver(AtomicInteger closed, List<String> events) implements Driver {
    @Override
    public String name() {
      return "counting";
    }

    @Override
    public DriverSyntax syntax() {
      return new DriverSyntax(null, List.of(), List.of(StepKind.of("noop")), Map.of());
    }

    @Override
    public String schema() {
      return "{}";
    }

    @Override
    public DriverReader reader(ReadContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public DriverSession open(DriverSettings settings) {
      return new DriverSession() {
        @Override
        public Action compile(DriverStep step, BuildContext context) {
          events.add("compile");
          return ctx -> CompletableFuture.completedFuture(null);
        }

        @Override
        public void prepare() {
          events.add("prepare");
        }

        @Override
        public void close() {
          events.add("close");
          closed.incrementAndGet();
        }
      };
    }
  }
}
