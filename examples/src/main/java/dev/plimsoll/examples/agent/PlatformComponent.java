package dev.plimsoll.examples.agent;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Operation;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platform's five components, each with the operation its load test calls, how many virtual
 * users call it (closed model: each calls again as soon as the last call returns, so throughput
 * is what the component can do), and the range it is expected to stay in.
 *
 * <p>The ranges hold on a shared two-core CI machine while other jobs run: they catch a gross
 * regression (a log-in ten times slower, a lock on every permission check), not a 10 % one, which
 * is the regression gate's job against a baseline from the same machine. Each is several times
 * below what an idle machine measures (examples/agent-platform/README.md).
 */
public enum PlatformComponent {
  /** Log-in: PBKDF2 over the password, then a session; one call in 20 uses a wrong password. */
  AUTHENTICATION(2, new ExpectedRange(50, 50, 150, 400, 0.1)) {
    @Override
    Operation operation(AgentPlatform platform) {
      return ctx -> {
        String user = "u" + ctx.random().nextInt(AgentPlatform.USERS);
        boolean wrong = ctx.iteration() % 20 == 19;
        try {
          Authenticator.Session session = platform.authenticator()
              .login(user, (wrong ? "guess" : AgentPlatform.PASSWORD).toCharArray());
          platform.authenticator().logout(session);
          if (wrong) {
            throw new IllegalStateException("a wrong password was accepted");
          }
        } catch (Authenticator.AuthenticationException e) {
          if (!wrong) {
            throw e;
          }
        }
      };
    }
  },
  /** Permission checks for sessions of every role, each answer checked against the policy. */
  AUTHORIZATION(4, new ExpectedRange(20_000, 2, 5, 20, 0.1)) {
    private static final List<String> PERMISSIONS = List.of("agent:read", "agent:run", "task:write", "billing:admin");

    @Override
    Operation operation(AgentPlatform platform) {
      Authorizer authorizer = platform.authorizer();
      return ctx -> {
        int user = ctx.random().nextInt(AgentPlatform.USERS);
        String role = AgentPlatform.roleOf(user);
        String permission = PERMISSIONS.get((int) (ctx.iteration() % PERMISSIONS.size()));
        boolean allowed = authorizer.allows(new Authenticator.Session("t", "u" + user, Set.of(role)), permission);
        if (allowed != expected(role, permission)) {
          throw new IllegalStateException(role + " " + (allowed ? "was allowed " : "was refused ") + permission);
        }
      };
    }

    private static boolean expected(String role, String permission) {
      return switch (role) {
        case "admin" -> true;
        case "operator" -> !permission.equals("billing:admin");
        default -> permission.equals("agent:read");
      };
    }
  },
  /** Publishing task, tool and heartbeat events to four subscribers; each must reach its subscribers. */
  EVENTS(4, new ExpectedRange(20_000, 2, 5, 20, 0.1)) {
    private static final List<String> TOPICS = List.of("agent.task.started", "agent.tool.called", "system.heartbeat");
    /** Subscribers per topic, as AgentPlatform subscribes them. */
    private static final int[] RECEIVERS = {3, 2, 1};

    @Override
    Operation operation(AgentPlatform platform) {
      EventBus bus = platform.bus();
      return ctx -> {
        int topic = (int) (ctx.iteration() % TOPICS.size());
        int delivered = bus.publish(TOPICS.get(topic), ctx.iteration());
        if (delivered != RECEIVERS[topic]) {
          throw new IllegalStateException(TOPICS.get(topic) + " reached " + delivered + " subscribers");
        }
      };
    }
  },
  /**
   * Service discovery: look up a tool service's healthy instances, then health-check one over the
   * simulated network (10 ms a round trip). Finding no healthy instance is an error.
   */
  REGISTRY(16, new ExpectedRange(400, 40, 80, 200, 0.1)) {
    @Override
    Operation operation(AgentPlatform platform) {
      ServiceRegistry registry = platform.registry();
      return ctx -> {
        String service = AgentPlatform.SERVICES.get(ctx.random().nextInt(AgentPlatform.SERVICES.size()));
        List<ServiceRegistry.Instance> all = registry.instances(service);
        registry.check(all.get(ctx.random().nextInt(all.size())));
        if (registry.healthyInstances(service).isEmpty()) {
          throw new IllegalStateException("no healthy instance of " + service);
        }
      };
    }
  },
  /** Resolving a request's task handler (a prototype graph over singletons) and starting a task. */
  CONTAINER(4, new ExpectedRange(5_000, 5, 10, 40, 0.1)) {
    @Override
    Operation operation(AgentPlatform platform) {
      Container container = platform.container();
      return ctx -> {
        int user = ctx.random().nextInt(AgentPlatform.USERS);
        Authenticator.Session session = new Authenticator.Session("t", "u" + user, Set.of(AgentPlatform.roleOf(user)));
        container.resolve(AgentPlatform.TaskHandler.class).start(session, "goal-" + ctx.iteration());
      };
    }
  };

  /** PBKDF2 iterations per log-in in these tests: enough to dominate a log-in, few enough for short runs. */
  public static final int HASH_ITERATIONS = 2_000;
  /** The simulated round trip of one health check. */
  public static final Duration PROBE_LATENCY = Duration.ofMillis(10);

  private final int users;
  private final ExpectedRange expected;

  PlatformComponent(int users, ExpectedRange expected) {
    this.users = users;
    this.expected = expected;
  }

  abstract Operation operation(AgentPlatform platform);

  /** The name used for the operation, the scenario, the command line and the baseline file. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int users() {
    return users;
  }

  public ExpectedRange expected() {
    return expected;
  }

  /**
   * This component's load test: {@link #users()} users calling it for {@code duration} (the first
   * quarter of it warm-up), judged by the expected range.
   */
  public Scenario scenario(AgentPlatform platform, Duration duration) {
    Scenario.Builder b = Scenario.builder("agent-platform-" + label())
        .workload(Workload.of(label(), operation(platform), ClosedModel.users(users)))
        .duration(duration)
        .warmUp(duration.dividedBy(4));
    expected.criteria().forEach(b::criterion);
    return b.build();
  }

  /** Looks a component up by its {@link #label()}. */
  public static PlatformComponent named(String label) {
    for (PlatformComponent c : values()) {
      if (c.label().equalsIgnoreCase(label.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown component '" + label + "' (known: "
        + String.join(", ", java.util.Arrays.stream(values()).map(PlatformComponent::label).toList()) + ")");
  }
}
