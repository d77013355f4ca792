package dev.plimsoll.examples.agent;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The core of an agent platform, wired together: accounts and log-in, role-based permissions, an
 * event bus with an audit log, metrics and a task-start listener subscribed, a registry of the
 * tool services agents call, and a container that builds each request's task handler.
 */
public final class AgentPlatform {
  /** Users u0 .. u{USERS-1}, all with the same (example) password. */
  public static final int USERS = 200;
  public static final String PASSWORD = "correct horse battery staple";
  public static final List<String> SERVICES = List.of("search", "code-runner", "vector-memory", "mailer");
  public static final int INSTANCES_PER_SERVICE = 4;

  private final Authenticator authenticator;
  private final Authorizer authorizer;
  private final EventBus bus = new EventBus();
  private final ServiceRegistry registry;
  private final Container container = new Container();
  private final LongAdder audited = new LongAdder();
  private final LongAdder tasksStarted = new LongAdder();

  /**
   * @param hashIterations PBKDF2 iterations per log-in
   * @param probeLatency the simulated round trip of one health check
   */
  public AgentPlatform(int hashIterations, Duration probeLatency) {
    authenticator = new Authenticator(new PasswordHasher(hashIterations));
    for (int i = 0; i < USERS; i++) {
      authenticator.register("u" + i, PASSWORD.toCharArray(), Set.of(roleOf(i)));
    }
    authorizer = Authorizer.builder()
        .role("viewer", Set.of("agent:read", "task:read"))
        .role("operator", Set.of("agent:run", "task:write"), "viewer")
        .role("admin", Set.of("*"), "operator")
        .build();
    bus.subscribe("agent.*", e -> audited.increment());
    bus.subscribe("agent.task.started", e -> tasksStarted.increment());
    bus.subscribe("agent.*", new MetricsSubscriber());
    bus.subscribe("system.*", e -> audited.increment());
    registry = new ServiceRegistry(ServiceRegistry.simulated(probeLatency, 0.05));
    for (String service : SERVICES) {
      for (int i = 0; i < INSTANCES_PER_SERVICE; i++) {
        registry.register(new ServiceRegistry.Instance(service, service + "-" + i, "10.0.0." + (10 + i), 8080 + i));
      }
    }
    container.instance(Authorizer.class, authorizer)
        .instance(EventBus.class, bus)
        .instance(ServiceRegistry.class, registry)
        .bind(ToolCatalogue.class, ToolCatalogue.class, Container.Scope.SINGLETON)
        .bind(TaskPlanner.class, TaskPlanner.class, Container.Scope.PROTOTYPE)
        .bind(TaskHandler.class, TaskHandler.class, Container.Scope.PROTOTYPE);
  }

  /** Every fifth user is an admin, every second an operator, the rest viewers. */
  static String roleOf(int user) {
    return user % 5 == 0 ? "admin" : user % 2 == 0 ? "operator" : "viewer";
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public Authorizer authorizer() {
    return authorizer;
  }

  public EventBus bus() {
    return bus;
  }

  public ServiceRegistry registry() {
    return registry;
  }

  public Container container() {
    return container;
  }

  public long audited() {
    return audited.sum();
  }

  /** Counts events by their topic's last part, as a metrics exporter would. */
  private static final class MetricsSubscriber implements java.util.function.Consumer<EventBus.Event> {
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> counts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void accept(EventBus.Event event) {
      String topic = event.topic();
      counts.computeIfAbsent(topic.substring(topic.lastIndexOf('.') + 1), t -> new LongAdder()).increment();
    }
  }

  /** The tools an agent may call, looked up in the registry: a singleton. */
  public static final class ToolCatalogue {
    private final ServiceRegistry registry;

    public ToolCatalogue(ServiceRegistry registry) {
      this.registry = registry;
    }

    public List<String> available() {
      return SERVICES.stream().filter(s -> !registry.healthyInstances(s).isEmpty()).toList();
    }
  }

  /** Plans one task: a prototype, so each request gets its own. */
  public static final class TaskPlanner {
    private final ToolCatalogue tools;

    public TaskPlanner(ToolCatalogue tools) {
      this.tools = tools;
    }

    public List<String> plan(String goal) {
      List<String> available = tools.available();
      return available.isEmpty() ? List.of() : List.of(available.get(Math.floorMod(goal.hashCode(), available.size())));
    }
  }

  /** Handles one agent request: built per request by the container. */
  public static final class TaskHandler {
    private final Authorizer authorizer;
    private final EventBus bus;
    private final TaskPlanner planner;

    public TaskHandler(Authorizer authorizer, EventBus bus, TaskPlanner planner) {
      this.authorizer = authorizer;
      this.bus = bus;
      this.planner = planner;
    }

    public List<String> start(Authenticator.Session session, String goal) {
      if (!authorizer.allows(session, "agent:run")) {
        return List.of();
      }
      bus.publish("agent.task.started", goal);
      return planner.plan(goal);
    }
  }
}
