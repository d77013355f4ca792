package dev.plimsoll.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The platform's components do what the load tests rely on, before anything is timed. */
class AgentPlatformTest {
  private final AgentPlatform platform = new AgentPlatform(10, Duration.ZERO);

  @Test
  void theRightPasswordLogsIn_andAWrongOneIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
    Authenticator auth = platform.authenticator();
    Authenticator.Session session = auth.login("u5", AgentPlatform.PASSWORD.toCharArray());
    assertThat(session.roles()).containsExactly("admin");
    assertThatThrownBy(() -> auth.login("u5", "guess".toCharArray())).hasMessage("unknown user or wrong password");
    assertThatThrownBy(() -> auth.login("nobody", "guess".toCharArray())).hasMessage("unknown user or wrong password");
  }

  @Test
  void aHashIsSalted_soTheSamePasswordHashesDifferently() {
    PasswordHasher hasher = new PasswordHasher(10);
    PasswordHasher.StoredPassword a = hasher.hash("pw".toCharArray());
    PasswordHasher.StoredPassword b = hasher.hash("pw".toCharArray());
    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(hasher.matches("pw".toCharArray(), a)).isTrue();
    assertThat(hasher.matches("pW".toCharArray(), a)).isFalse();
  }

  @Test
  void rolesIncludeTheirIncludedRolesGrants() {
    Authorizer authorizer = platform.authorizer();
    Authenticator.Session viewer = new Authenticator.Session("t", "u1", Set.of("viewer"));
    Authenticator.Session operator = new Authenticator.Session("t", "u2", Set.of("operator"));
    assertThat(authorizer.allows(viewer, "agent:run")).isFalse();
    assertThat(authorizer.allows(operator, "agent:run")).isTrue();
    assertThat(authorizer.allows(operator, "agent:read")).isTrue();
    assertThat(authorizer.allows(operator, "billing:admin")).isFalse();
  }

  @Test
  void aRoleCycleOrAnUndefinedRole_isRefusedWhenThePolicyIsBuilt() {
    assertThatThrownBy(() -> Authorizer.builder().role("a", Set.of(), "b").role("b", Set.of(), "a").build())
        .hasMessageStartingWith("roles include each other in a cycle");
    assertThatThrownBy(() -> Authorizer.builder().role("a", Set.of(), "ghost").build())
        .hasMessage("role 'ghost' is included but never defined");
  }

  @Test
  void anEventReachesEveryMatchingSubscriber_andAFailingOneDoesNotStopTheOthers() {
    EventBus bus = new EventBus();
    int[] seen = new int[1];
    bus.subscribe("a.*", e -> seen[0]++);
    bus.subscribe("a.b", e -> {
      throw new IllegalStateException("broken subscriber");
    });
    bus.subscribe("a.b", e -> seen[0]++);
    assertThat(bus.publish("a.b", "x")).isEqualTo(2);
    assertThat(bus.publish("c.d", "x")).isZero();
    assertThat(seen[0]).isEqualTo(2);
    assertThat(bus.failedDeliveries()).isEqualTo(1);
  }

  @Test
  void aHealthCheckDecidesWhetherAnInstanceIsFound() throws Exception {
    ServiceRegistry registry = new ServiceRegistry(instance -> !instance.id().equals("s-1"));
    ServiceRegistry.Instance one = new ServiceRegistry.Instance("s", "s-1", "h", 1);
    ServiceRegistry.Instance two = new ServiceRegistry.Instance("s", "s-2", "h", 2);
    registry.register(one);
    registry.register(two);
    assertThat(registry.healthyInstances("s")).containsExactly(one, two);
    assertThat(registry.check(one)).isFalse();
    assertThat(registry.healthyInstances("s")).containsExactly(two);
  }

  @Test
  void theContainerBuildsPrototypesEachTime_overSingletons() {
    Container container = platform.container();
    AgentPlatform.TaskHandler first = container.resolve(AgentPlatform.TaskHandler.class);
    assertThat(container.resolve(AgentPlatform.TaskHandler.class)).isNotSameAs(first);
    assertThat(container.resolve(AgentPlatform.ToolCatalogue.class))
        .isSameAs(container.resolve(AgentPlatform.ToolCatalogue.class));
    Authenticator.Session admin = new Authenticator.Session("t", "u0", Set.of("admin"));
    assertThat(first.start(admin, "g")).hasSize(1);
  }

  @Test
  void anUnboundDependencyIsNamedWithTheChainThatNeededIt() {
    Container container = new Container().bind(AgentPlatform.TaskPlanner.class, AgentPlatform.TaskPlanner.class,
        Container.Scope.PROTOTYPE);
    assertThatThrownBy(() -> container.resolve(AgentPlatform.TaskPlanner.class))
        .hasMessage("nothing bound to ToolCatalogue (needed by TaskPlanner)");
  }

  @Test
  void theExpectedRangesBecomeCriteria() {
    assertThat(PlatformComponent.REGISTRY.expected().criteria())
        .isEqualTo(List.of("throughput >= 400/s", "mean < 40ms", "p95 < 80ms", "p99 < 200ms", "error_rate < 0.1%"));
  }
}
