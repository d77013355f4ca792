package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.testing.TestContext;
import dev.plimsoll.http.HttpClient;
import dev.plimsoll.http.HttpClientSettings;
import dev.plimsoll.http.HttpRequest;
import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.Template;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay out of everything a run shows, against a real server on loopback that records what
 * it was sent: URL user information goes on the wire as Basic authentication only, and values from
 * the environment never appear in error messages or the dry run.
 */
class NothingLeakedTest {
  private static final String ENV_SECRET = "SECRETENV555";

  private HttpServer server;
  private ExecutorService handlers;
  private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> hosts = new ConcurrentLinkedQueue<>();

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    handlers = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(handlers);
    server.createContext("/", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      hosts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
      reply(exchange, "{\"state\":\"open\"}");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    handlers.close();
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void urlUserInformationIsSentAsBasicAuthenticationAndNeverShown() {
    try (HttpClient client = HttpClient.create(HttpClientSettings.builder().connectionsPerTarget(1).build())) {
      HttpRequest request = HttpRequest.get("http://alice:p%40ss+w@127.0.0.1:" + port() + "/who");
      assertThat(client.send(request).join().status()).isEqualTo(200);
      assertThat(request.toString()).isEqualTo("GET http://***@127.0.0.1:" + port() + "/who");
      assertThat(request.headers().toString()).isEqualTo("authorization: ***\n");

      client.send(HttpRequest.get("http://bob@127.0.0.1:" + port() + "/who")).join();
      // An Authorization header given wins over the user information, as with curl.
      client.send(HttpRequest.builder("http://alice:pass@127.0.0.1:" + port() + "/who")
          .header("Authorization", "Bearer t").build()).join();
    }
    assertThat(authorizations).containsExactly(basic("alice:p@ss+w"), basic("bob:"), "Bearer t");
    assertThat(hosts).containsOnly("127.0.0.1:" + port());
  }

  @Test
  void aScenarioSendsBasicAuthenticationAndItsMessagesHideEveryValueFromTheEnvironment() throws IOException {
    String yaml = """
        name: secrets
        duration: 1s
        variables: { base: "${env.BASE}", tenant: acme }
        workloads:
          - name: w
            closed: { users: 1, thinkTime: 20ms }
            mix:
              - name: look
                request: { url: "http://alice:hunter2@127.0.0.1:%d/items?token=T0K3N&tenant=${tenant}" }
                checks: { bodyContains: "${env.NEEDLE}" }
        """.formatted(port());
    ScenarioSpec spec = ScenarioLoader.create().environment(Map.of("NEEDLE", ENV_SECRET, "BASE", "/b4se"))
        .parse(yaml, "secrets.yaml", folder);

    String plan = DryRun.describe(spec);
    assertThat(plan).contains("GET http://***@127.0.0.1:" + port() + "/items?token=***&tenant=${tenant}")
        .contains("variables base = ***, tenant = acme")
        .doesNotContain("hunter2").doesNotContain("T0K3N").doesNotContain("b4se");

    RunResult result = Plimsoll.run(ScenarioBuilder.open(spec).scenario());
    assertThat(authorizations).isNotEmpty().containsOnly(basic("alice:hunter2"));
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.count()).isEqualTo(result.total().failed()).isPositive();
      assertThat(e.samples()).isNotEmpty().allSatisfy(s ->
          assertThat(s.message()).isEqualTo("check bodyContains '${env.NEEDLE}' failed: not found in 16 bytes"));
    });
    assertThat(texts(result)).allSatisfy(t -> assertThat(t).doesNotContain(ENV_SECRET).doesNotContain("hunter2"));
  }

  @Test
  void valuesExtractedFromSecretSourcesStaySecretUnderAnyName() throws IOException {
    server.createContext("/login", exchange -> {
      exchange.getResponseHeaders().add("Set-Cookie", "sid=C00K1E");
      reply(exchange, "{\"access_token\":\"J50NT0K\",\"state\":\"open\"}");
    });
    String yaml = """
        name: extracted
        duration: 1s
        target: http://127.0.0.1:%d
        workloads:
          - name: w
            closed: { users: 1, thinkTime: 20ms }
            mix:
              - name: session
                steps:
                  - request: { method: POST, url: /login }
                    extract: { c: { header: Set-Cookie }, t: { jsonPath: $.access_token }, s: { jsonPath: $.state } }
                  - request: { url: "/next?a=${c}&b=${t}" }
                    checks: { bodyContains: "${c}${t}${s}" }
        """.formatted(port());
    ScenarioSpec spec = ScenarioLoader.create().parse(yaml, "extracted.yaml", folder);
    assertThat(spec.secretVariables()).contains("c", "t").doesNotContain("s");

    RunResult result = Plimsoll.run(ScenarioBuilder.open(spec).scenario());
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.count()).isPositive();
      assertThat(e.samples()).isNotEmpty().allSatisfy(sample ->
          assertThat(sample.message()).startsWith("check bodyContains '${c}${t}${s}' failed"));
    });
    assertThat(texts(result)).allSatisfy(t -> assertThat(t).doesNotContain("C00K1E").doesNotContain("J50NT0K"));
  }

  @Test
  void anInvalidUrlIsReportedAsWrittenWhenItHoldsASecret() {
    Template.Scope scope = new Template.Scope(Map.of(), java.util.Set.of(), Map.of(), Map.of("KEY", ENV_SECRET));
    RequestExecutor executor = (method, uri, headers, body) -> {
      throw new AssertionError("never sent: " + uri);
    };
    for (String url : List.of("/a b/${seq}?k=${env.KEY}", "http://127.0.0.1:1/a b?k=${env.KEY}&n=${seq}")) {
      HttpRequestAction action = new HttpRequestAction("GET", Template.compile(url, scope), List.of(), BodySpec.NONE,
          new ResponseChecks(CheckSpec.DEFAULT, List.of()), executor, "http://127.0.0.1:1", () -> 7);
      assertThatThrownBy(() -> action.run(new TestContext()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid URL 'http://127.0.0.1:1/a b")
          .hasMessageContaining("?k=${env.KEY}")
          .message().doesNotContain(ENV_SECRET);
    }
    // A constant URL (prepared once) too.
    HttpRequestAction constant = new HttpRequestAction("GET", Template.compile("/a b?k=${env.KEY}", scope), List.of(),
        BodySpec.NONE, new ResponseChecks(CheckSpec.DEFAULT, List.of()), executor, "http://127.0.0.1:1", () -> 7);
    constant.prepareAhead();
    assertThatThrownBy(() -> constant.run(new TestContext())).message()
        .contains("${env.KEY}").doesNotContain(ENV_SECRET);
  }

  @Test
  void theDryRunShowsBodiesBySizeAndShapeUnlessAsked() throws IOException {
    Files.write(folder.resolve("upload.bin"), new byte[] {0, 1, 2, (byte) 0xff});
    Files.writeString(folder.resolve("login.json"), "{\"user\":\"ann\",\"password\":\"pw-in-a-file\"}");
    ScenarioSpec spec = ScenarioLoader.create().parse("""
        target: http://127.0.0.1:1
        workloads:
          - name: w
            closed: { users: 1 }
            mix:
              - name: a
                steps:
                  - request: { method: POST, url: /login, body: '{"user":"ann","password":"pw-inline","n":${seq}}' }
                  - request: { method: POST, url: /form, body: "user=ann&password=pw-form" }
                  - request: { method: POST, url: /file, bodyFile: login.json }
                  - request: { method: POST, url: /bin, bodyFile: upload.bin }
                  - request: { method: POST, url: /list, body: '[1, 2, 3]' }
                  - request: { method: POST, url: /text, body: "hello" }
        """, "bodies.yaml", folder);
    String plan = DryRun.describe(spec);
    assertThat(plan)
        .contains("body: JSON object, 3 fields, 48 bytes as written")
        .contains("body: form, 2 fields, 25 bytes")
        .contains("body: file login.json, JSON object, 2 fields, 40 bytes")
        .contains("body: file upload.bin, binary, 4 bytes")
        .contains("body: JSON array, 3 items, 9 bytes")
        .contains("body: text, 5 bytes")
        .doesNotContain("pw-");
    assertThat(DryRun.describe(spec, true)).contains("pw-inline").contains("pw-form");
  }

  /** Every message and sample a result holds. */
  private static List<String> texts(RunResult result) {
    List<String> texts = new ArrayList<>();
    for (ErrorClass e : result.errors()) {
      texts.add(e.message());
      e.samples().stream().map(ErrorSample::message).forEach(texts::add);
    }
    return texts;
  }
}
