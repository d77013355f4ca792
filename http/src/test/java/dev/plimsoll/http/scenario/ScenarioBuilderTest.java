package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.testing.TestContext;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.CheckFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioBuilderTest {

  @TempDir
  Path folder;

  private final InMemoryShop shop = new InMemoryShop();

  @BeforeEach
  void users() throws IOException {
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\nbob,b2\ncy,c3\n");
  }

  private static final String SHOP = """
      name: shop
      target: http://shop.test:8080/api/
      duration: 1s
      defaults:
        headers: { Accept: application/json, X-Client: plimsoll }
      variables: { tenant: acme }
      feeders:
        users: { file: users.csv, order: circular }
      workloads:
        - name: customers
          closed: { users: 2 }
          mix:
            - name: home
              weight: 3
              request: { url: / }
              checks: { status: [200], bodyContains: shop }
            - name: login-and-buy
              weight: 1
              steps:
                - request:
                    method: POST
                    url: /login
                    headers: { Content-Type: application/json, accept: text/plain }
                    body: '{"user":"${users.name}","pass":"${users.password}","tenant":"${tenant}"}'
                  extract: { token: { jsonPath: $.token }, cookie: { header: set-cookie } }
                  checks: { status: [200], bodyContains: token }
                - think: 1ms
                - request:
                    url: "/orders/${randomInt(1,100)}?n=${seq}"
                    headers: { Authorization: "Bearer ${token}" }
                  checks: { status: [200], jsonPath: { "$.state": open, "$.items[0].sku": a } }
      """;

  private Scenario build(String yaml) {
    ScenarioSpec spec = ScenarioLoader.create().parse(yaml, "shop.yaml", folder);
    return ScenarioBuilder.open(spec, HttpDriver.using(shop)).scenario();
  }

  private static AsyncOperation flow(Scenario scenario, String name) {
    return scenario.workloads().stream().flatMap(w -> w.mix().entries().stream())
        .filter(e -> e.name().equals(name)).map(Mix.Entry::asyncOperation).findFirst().orElseThrow();
  }

  @Test
  void aFlowRunsItsStepsInOrder_passingExtractedValuesOn() throws Exception {
    Scenario scenario = build(SHOP);
    TestContext ann = new TestContext(0, 1);
    flow(scenario, "login-and-buy").call(ann).toCompletableFuture().get(5, TimeUnit.SECONDS);

    List<InMemoryShop.Request> sent = shop.all();
    assertThat(sent).hasSize(2);
    InMemoryShop.Request login = sent.get(0);
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.uri()).hasToString("http://shop.test:8080/api/login");
    assertThat(login.headers()).containsExactly(
        Map.entry("X-Client", "plimsoll"), Map.entry("Content-Type", "application/json"), Map.entry("accept", "text/plain"));
    assertThat(login.body()).isEqualTo("{\"user\":\"ann\",\"pass\":\"a1\",\"tenant\":\"acme\"}");
    InMemoryShop.Request order = sent.get(1);
    assertThat(order.method()).isEqualTo("GET");
    assertThat(order.uri().toString()).matches("http://shop\\.test:8080/api/orders/\\d+\\?n=1");
    assertThat(order.headers()).containsEntry("Authorization", "Bearer t1").containsEntry("Accept", "application/json");
    assertThat(ann.state()).containsEntry("token", "t1").containsEntry("cookie", "sid=t1")
        .containsEntry("users", Map.of("name", "ann", "password", "a1"));

    // The next call draws the next record and sends the next sequence number.
    flow(scenario, "login-and-buy").call(ann).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(shop.all().get(2).body()).contains("\"user\":\"bob\"");
    assertThat(shop.all().get(3).uri().getQuery()).isEqualTo("n=2");
  }

  @Test
  void theConnectionsAskedForCountEveryServerTheStepsName(@TempDir Path dir) throws IOException {
    String yaml = """
        target: http://127.0.0.1:8080
        http: { connections: 5 }
        workloads:
          - name: w
            closed: { users: 1 }
            mix:
              - name: a
                steps:
                  - request: { url: /relative }
                  - request: { url: "http://127.0.0.1:8080/same-as-the-target" }
                  - request: { url: "http://127.0.0.1:8081/another-port" }
                  - request: { url: "https://localhost/another-host/${seq}" }
                  - request: { url: "${env.SOMEWHERE}/unknown-until-sent" }
        """;
    ScenarioSpec spec = ScenarioLoader.create().environment(Map.of("SOMEWHERE", "http://127.0.0.2"))
        .parse(yaml, "servers.yaml", dir);
    assertThat(ScenarioBuilder.connections(spec)).isEqualTo(3 * 5);
  }

  @Test
  void aFailedCheckFailsTheFlowAndSkipsTheRest() {
    Scenario scenario = build(SHOP.replace("checks: { status: [200], bodyContains: token }",
        "checks: { status: [201] }"));
    CompletableFuture<?> call = call(flow(scenario, "login-and-buy"), new TestContext());
    assertThatThrownBy(call::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(CheckFailedException.class).hasMessage("check status in [201] failed: got 200");
    assertThat(shop.all()).hasSize(1);
  }

  @Test
  void anExecutorThatThrows_failsTheCallInsteadOfThrowing() {
    ScenarioSpec spec = ScenarioLoader.create().parse(SHOP, "shop.yaml", folder);
    Scenario scenario = ScenarioBuilder.open(spec, HttpDriver.using((m, u, h, b) -> {
      throw new IllegalStateException("connection pool closed");
    })).scenario();
    assertThatThrownBy(call(flow(scenario, "home"), new TestContext())::join)
        .cause().isInstanceOf(IllegalStateException.class).hasMessage("connection pool closed");
  }

  @Test
  void aConstantRequestIsPreparedOnce_templatedOnesAreExecutedEachCall() throws Exception {
    List<String> prepared = new java.util.concurrent.CopyOnWriteArrayList<>();
    RequestExecutor counting = new RequestExecutor() {
      @Override
      public java.util.concurrent.CompletionStage<ResponseView> execute(
          String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        return shop.execute(method, uri, headers, body);
      }

      @Override
      public Prepared prepare(String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        prepared.add(method + " " + uri + " " + headers);
        return () -> shop.execute(method, uri, headers, body);
      }
    };
    Scenario scenario = ScenarioBuilder.open(ScenarioLoader.create().parse(SHOP, "shop.yaml", folder), HttpDriver.using(counting)).scenario();
    TestContext ann = new TestContext(0, 1);
    for (int i = 0; i < 3; i++) {
      flow(scenario, "home").call(ann).toCompletableFuture().get(5, TimeUnit.SECONDS);
      flow(scenario, "login-and-buy").call(ann).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
    // Only home's request has no expression; the defaults' headers are part of it.
    assertThat(prepared).containsExactly("GET http://shop.test:8080/api/ {Accept=application/json, X-Client=plimsoll}");
    assertThat(shop.count("GET /api/")).isEqualTo(3);
    assertThat(shop.count("POST /api/login")).isEqualTo(3);
    assertThat(shop.count("GET /orders/*")).isEqualTo(3);
  }

  /** Before the run, with nothing sent: constant requests prepared, then the servers connected. */
  @Test
  void openingTheScenarioPreparesConstantRequestsAndConnectsAhead() throws Exception {
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    RequestExecutor recording = new RequestExecutor() {
      @Override
      public java.util.concurrent.CompletionStage<ResponseView> execute(
          String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        return shop.execute(method, uri, headers, body);
      }

      @Override
      public Prepared prepare(String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        events.add("prepare " + method + " " + uri);
        return () -> shop.execute(method, uri, headers, body);
      }

      @Override
      public void connectAhead(java.util.Collection<java.net.URI> servers) {
        events.add("connect " + servers);
      }
    };
    try (var open = ScenarioBuilder.open(ScenarioLoader.create().parse(SHOP, "shop.yaml", folder), HttpDriver.using(recording))) {
      assertThat(events).containsExactly("prepare GET http://shop.test:8080/api/", "connect [http://shop.test:8080/api]");
      assertThat(shop.all()).isEmpty();
      flow(open.scenario(), "home").call(new TestContext()).toCompletableFuture().join();
      assertThat(events).as("prepared once").hasSize(2);
      assertThat(shop.count("GET /api/")).isEqualTo(1);
    }
  }

  @Test
  void aConstantRequestThatCannotBePrepared_failsEachCall() {
    ScenarioSpec spec = ScenarioLoader.create().parse(SHOP, "shop.yaml", folder);
    java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    Scenario scenario = ScenarioBuilder.open(spec, HttpDriver.using(new RequestExecutor() {
      @Override
      public java.util.concurrent.CompletionStage<ResponseView> execute(
          String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        throw new AssertionError("not called for a constant request");
      }

      @Override
      public Prepared prepare(String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        throw new IllegalArgumentException("attempt " + attempts.incrementAndGet());
      }
    })).scenario();
    for (int i = 1; i <= 2; i++) {
      assertThatThrownBy(call(flow(scenario, "home"), new TestContext())::join)
          .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("attempt " + i);
    }
  }

  @Test
  void thinkStepsWaitWithoutHoldingTheCaller() throws Exception {
    Scenario scenario = build(SHOP.replace("think: 1ms", "think: 300ms"));
    long start = System.nanoTime();
    CompletableFuture<?> call = call(flow(scenario, "login-and-buy"), new TestContext());
    assertThat(call).as("call() returns while the flow thinks").isNotDone();
    assertThat(shop.all()).hasSize(1);
    call.get(5, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    assertThat(shop.all()).hasSize(2);
  }

  @Test
  void endToEnd_closedModelTwoUsersForOneSecond() {
    RunResult result = Plimsoll.run(build(SHOP));

    OperationStats home = result.operation("home").orElseThrow();
    OperationStats buy = result.operation("login-and-buy").orElseThrow();
    assertThat(result.operations()).extracting(OperationStats::name).containsExactlyInAnyOrder("home", "login-and-buy");
    assertThat(home.failed()).isZero();
    assertThat(buy.failed()).isZero();
    assertThat(home.completed()).isEqualTo(shop.count("GET /api/"));
    assertThat(buy.completed()).isEqualTo(shop.count("POST /api/login")).isEqualTo(shop.count("GET /orders/*"));
    assertThat(home.completed() + buy.completed()).isGreaterThan(100);
    // Weights 3:1 are honoured exactly, up to the picks still in flight when the run ended.
    assertThat((double) home.completed() / (home.completed() + buy.completed())).isCloseTo(0.75, within(0.02));
    assertThat(result.total().completed()).isEqualTo(shop.all().size() - buy.completed());
  }

  @Test
  void endToEnd_failedChecksAreOneErrorClassWithAStableMessage() {
    shop.orderStatus = 503;
    RunResult result = Plimsoll.run(build(SHOP));
    OperationStats buy = result.operation("login-and-buy").orElseThrow();
    assertThat(buy.failed()).isEqualTo(buy.completed()).isPositive();
    assertThat(buy.errors()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(CheckFailedException.class.getName());
      assertThat(e.message()).isEqualTo("check status in [200] failed: got 503");
    });
    assertThat(result.operation("home").orElseThrow().failed()).isZero();
  }

  @Test
  void theScenarioKeepsTheFilesSettingsAndCriteria() {
    Scenario scenario = build(SHOP.replace("duration: 1s", """
        duration: 2m
        warmUp: 10s
        interval: 2s
        seed: 3
        criteria: [ "p95 < 25ms", "login-and-buy.p99 < 200ms" ]
        preset: production"""));
    assertThat(scenario.name()).isEqualTo("shop");
    assertThat(scenario.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(scenario.warmUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(scenario.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(scenario.seed()).isEqualTo(3);
    assertThat(scenario.criteria()).extracting(c -> c.source()).containsExactly(
        "p95 < 25ms", "login-and-buy.p99 < 200ms", "p95 < 25ms", "error_rate < 0.1%", "memory_growth < 10MB/min",
        "cpu_avg < 70%");
    Mix mix = scenario.workloads().get(0).mix();
    assertThat(mix.entries()).extracting(Mix.Entry::name, Mix.Entry::weight, Mix.Entry::async)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("home", 3, true),
            org.assertj.core.groups.Tuple.tuple("login-and-buy", 1, true));
  }

  private static CompletableFuture<?> call(AsyncOperation operation, TestContext context) {
    try {
      return operation.call(context).toCompletableFuture();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
