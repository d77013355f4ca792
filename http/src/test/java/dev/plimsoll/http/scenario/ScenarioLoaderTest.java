package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Arrivals;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Stage;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.http.HttpProtocol;
import dev.plimsoll.scenario.FeederSpec;
import dev.plimsoll.scenario.FlowSpec;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.ThinkStep;
import dev.plimsoll.scenario.WorkloadSpec;
import dev.plimsoll.scenario.driver.StepSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

  @TempDir
  Path folder;

  private ScenarioSpec parse(String yaml) {
    return ScenarioLoader.create().environment(Map.of("HOST", "127.0.0.1", "TOKEN", "s3cret"))
        .parse(yaml, "shop.yaml", folder);
  }

  @Test
  void everySectionOfTheFormat() throws IOException {
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\nbob,b2\n");
    Files.createDirectories(folder.resolve("certs"));
    Files.writeString(folder.resolve("certs/ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    Files.write(folder.resolve("order.bin"), new byte[] {1, 2, 3});
    Files.writeString(folder.resolve("order.json"), "{\"user\":\"${users.name}\",\"n\":${seq}}");
    ScenarioSpec spec = parse("""
        name: shop
        target: http://${env.HOST}:8080/api/
        duration: 1h30m
        warmUp: 1.5m
        interval: 500ms
        gracefulStop: 2s
        seed: 7
        http:
          connections: 64
          protocol: h2c
          timeout: 5s
          connectTimeout: 2s
          insecure: true
          caFile: certs/ca.pem
          followRedirects: true
          compression: true
        defaults:
          headers: { Accept: application/json }
          thinkTime: 250ms
          checks: { status: [200, 201], maxSize: 1MB }
        variables: { tenant: acme, apiKey: "${env.TOKEN}" }
        feeders:
          users: { file: users.csv, order: random }
        workloads:
          - name: browse
            open: { rate: 12000/min, arrivals: poisson, maxInFlight: 1000 }
            mix:
              - name: home
                weight: 3
                request: { url: "/" }
                checks: { status: [2xx] }
              - name: login-and-buy
                steps:
                  - request:
                      method: post
                      url: /login
                      body: '{"user":"${users.name}","pass":"${users.password}"}'
                      headers: { Content-Type: application/json, X-Api-Key: "${apiKey}" }
                    extract: { token: { jsonPath: $.token }, sid: { header: Set-Cookie }, id: { regex: "id=(\\\\d+)" } }
                    checks: { bodyContains: token }
                  - think: { uniform: [100ms, 1s] }
                  - request:
                      method: PUT
                      url: "https://other.example/orders/${randomInt(1,100)}"
                      headers: { Authorization: "Bearer ${token}" }
                      bodyFile: order.bin
                    checks: { status: [200, 404], jsonPath: { "$.state": open, "$.n": 3 } }
                  - request: { method: POST, url: /orders, bodyTemplate: order.json }
          - name: shoppers
            closed:
              start: 0
              stages: [ { duration: 30s, target: 50 }, { duration: 1m, target: 50 } ]
              iterationsPerUser: 10
              sharedIterations: 400
            mix:
              - { name: cart, request: { url: /cart } }
        criteria: [ "p95 < 25ms", "login-and-buy.p99 < 200ms" ]
        preset: production
        """);

    assertThat(spec.name()).isEqualTo("shop");
    assertThat(spec.source()).isEqualTo("shop.yaml");
    assertThat(spec.target()).hasToString("http://127.0.0.1:8080/api");
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(spec.warmUp()).isEqualTo(Duration.ofSeconds(90));
    assertThat(spec.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(spec.gracefulStop()).isEqualTo(Duration.ofSeconds(2));
    assertThat(spec.seed()).isEqualTo(7);
    assertThat(HttpDriverSettings.of(spec).http()).isEqualTo(new HttpSettingsSpec(64, HttpProtocol.H2C, Duration.ofSeconds(5),
        Duration.ofSeconds(2), true, folder.resolve("certs/ca.pem"), true, true));
    assertThat(HttpDriverSettings.of(spec).defaultHeaders()).containsOnlyKeys("Accept");
    assertThat(spec.variables()).containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "acme", "apiKey", "s3cret"));
    FeederSpec users = spec.feeders().get("users");
    assertThat(users.order()).isEqualTo(FeederSpec.Order.RANDOM);
    assertThat(users.format()).isEqualTo(FeederSpec.Format.CSV);
    assertThat(users.records()).hasSize(2);

    WorkloadSpec browse = spec.workloads().get(0);
    assertThat(browse.load()).isEqualTo(new OpenModel(RateProfile.constant(200), Arrivals.POISSON, 1000));
    FlowSpec home = browse.mix().get(0);
    assertThat(home.weight()).isEqualTo(3);
    RequestStep homeRequest = (RequestStep) home.steps().get(0);
    assertThat(homeRequest.request().method()).isEqualTo("GET");
    assertThat(homeRequest.checks()).as("the step's status replaces the default's; maxSize is inherited")
        .isEqualTo(new CheckSpec(List.of("2xx"), null, Map.of(), OptionalLong.of(1 << 20)));

    FlowSpec buy = browse.mix().get(1);
    assertThat(buy.weight()).isEqualTo(1);
    assertThat(buy.feeders()).containsExactly("users");
    assertThat(buy.steps()).hasSize(4);
    RequestStep login = (RequestStep) buy.steps().get(0);
    assertThat(login.request().method()).isEqualTo("POST");
    assertThat(login.request().headers().get("X-Api-Key").isConstant()).isTrue();
    assertThat(login.extract()).containsExactly(
        new ExtractSpec("token", ExtractSpec.From.JSON_PATH, "$.token"),
        new ExtractSpec("sid", ExtractSpec.From.HEADER, "Set-Cookie"),
        new ExtractSpec("id", ExtractSpec.From.REGEX, "id=(\\d+)"));
    assertThat(login.checks().bodyContains().source()).isEqualTo("token");
    assertThat(login.checks().status()).containsExactly("200", "201");
    assertThat(buy.steps().get(1)).isEqualTo(
        new ThinkStep(ThinkTime.uniform(Duration.ofMillis(100), Duration.ofSeconds(1))));
    RequestStep order = (RequestStep) buy.steps().get(2);
    assertThat(order.request().body()).isEqualTo(new BodySpec.File(folder.resolve("order.bin"), new byte[] {1, 2, 3}));
    assertThat(order.checks().jsonPath()).containsExactly(Map.entry("$.state", "open"), Map.entry("$.n", "3"));
    RequestStep templated = (RequestStep) buy.steps().get(3);
    assertThat(((BodySpec.Text) templated.request().body()).template().source()).contains("${users.name}");

    ClosedModel shoppers = (ClosedModel) spec.workloads().get(1).load();
    assertThat(shoppers.users()).isEqualTo(UserProfile.stages(0, new Stage(Duration.ofSeconds(30), 50),
        new Stage(Duration.ofMinutes(1), 50)));
    assertThat(shoppers.thinkTime()).as("from defaults").isEqualTo(ThinkTime.constant(Duration.ofMillis(250)));
    assertThat(shoppers.iterationsPerUser()).isEqualTo(10);
    assertThat(shoppers.sharedIterations()).isEqualTo(400);
    assertThat(spec.criteria()).extracting(Criterion::source).containsExactly("p95 < 25ms", "login-and-buy.p99 < 200ms");
    assertThat(spec.preset()).isEqualTo("production");
  }

  @Test
  void everyRateProfile() {
    String yaml = """
        target: http://h
        seed: 5
        workloads:
          - { name: a, open: { stages: [ { duration: 30s, target: 200/s } ], start: 10/s }, mix: [ { name: a1, request: { url: / } } ] }
          - { name: b, open: { ramp: { from: 0/s, to: 100/s, over: 1m } }, mix: [ { name: b1, request: { url: / } } ] }
          - { name: c, open: { spike: { base: 100/s, peak: 1000/s, at: 30s, length: 10s } }, mix: [ { name: c1, request: { url: / } } ] }
          - { name: d, open: { burst: { size: 50, every: 5s } }, mix: [ { name: d1, request: { url: / } } ] }
          - { name: e, open: { random: { min: 10/s, max: 20/s, every: 5s } }, mix: [ { name: e1, request: { url: / } } ] }
          - { name: f, open: { random: { min: 10/s, max: 20/s, every: 5s, seed: 9 } }, mix: [ { name: f1, request: { url: / } } ] }
        """;
    List<RateProfile> profiles = parse(yaml).workloads().stream().map(w -> ((OpenModel) w.load()).profile()).toList();
    assertThat(profiles).containsExactly(
        RateProfile.stages(10, new Stage(Duration.ofSeconds(30), 200)),
        RateProfile.ramp(0, 100, Duration.ofMinutes(1)),
        RateProfile.spike(100, 1000, Duration.ofSeconds(30), Duration.ofSeconds(10)),
        RateProfile.burst(50, Duration.ofSeconds(5)),
        RateProfile.random(10, 20, Duration.ofSeconds(5), 5),
        RateProfile.random(10, 20, Duration.ofSeconds(5), 9));
  }

  @Test
  void everyThinkTimeAndPacing() {
    String yaml = """
        target: http://h
        workloads:
          - { name: a, closed: { users: 1, thinkTime: 1s }, mix: [ { name: a1, request: { url: / } } ] }
          - { name: b, closed: { users: 1, thinkTime: { exponential: 2s } }, mix: [ { name: b1, request: { url: / } } ] }
          - { name: c, closed: { users: 1, thinkTime: { constant: 0s } }, mix: [ { name: c1, request: { url: / } } ] }
          - { name: d, closed: { users: 1, pacing: 2s }, mix: [ { name: d1, request: { url: / } } ] }
        """;
    List<ClosedModel> models = parse(yaml).workloads().stream().map(w -> (ClosedModel) w.load()).toList();
    assertThat(models.get(0).thinkTime()).isEqualTo(ThinkTime.constant(Duration.ofSeconds(1)));
    assertThat(models.get(1).thinkTime()).isEqualTo(ThinkTime.exponential(Duration.ofSeconds(2)));
    assertThat(models.get(2).thinkTime()).isEqualTo(ThinkTime.none());
    assertThat(models.get(3).pacing()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jsonFeeder_andANameFromTheFile() throws IOException {
    Files.writeString(folder.resolve("items.json"), "[{\"sku\":\"a-1\"},{\"sku\":\"b-2\"}]");
    Path file = folder.resolve("catalogue.yaml");
    Files.writeString(file, """
        target: http://h
        feeders: { items: { file: items.json, order: sequential } }
        workloads:
          - { name: a, closed: { users: 1 }, mix: [ { name: item, request: { url: "/items/${items.sku}" } } ] }
        """, StandardCharsets.UTF_8);
    ScenarioSpec spec = ScenarioLoader.create().load(file);
    assertThat(spec.name()).isEqualTo("catalogue");
    assertThat(spec.source()).isEqualTo(file.toString());
    assertThat(spec.feeders().get("items").columns()).containsExactly("sku");
    assertThat(spec.feeders().get("items").format()).isEqualTo(FeederSpec.Format.JSON);
  }
}
