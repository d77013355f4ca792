package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.scenario.Overrides;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seam over a real socket: a {@link RequestExecutor} built on the JDK's HTTP client, against
 * the JDK's HTTP server on loopback. The HTTP module's executor will take its place.
 */
class LoopbackHttpTest {

  /** An executor on java.net.http: what a protocol driver has to do, in a dozen lines. */
  static final class JdkHttpExecutor implements RequestExecutor {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public CompletionStage<ResponseView> execute(String method, URI uri, Map<String, String> headers, byte[] body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
          .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> new ResponseView() {
        @Override
        public int status() {
          return r.statusCode();
        }

        @Override
        public String header(String name) {
          return r.headers().firstValue(name).orElse(null);
        }

        @Override
        public byte[] body() {
          return r.body();
        }
      });
    }
  }

  private HttpServer server;
  private ExecutorService handlers;
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger orders = new AtomicInteger();
  private final AtomicInteger unauthorised = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    handlers = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(handlers);
    server.createContext("/", exchange -> reply(exchange, 200, "<h1>shop</h1>"));
    server.createContext("/login", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean ok = exchange.getRequestMethod().equals("POST") && body.contains("\"user\":\"ann\"");
      logins.incrementAndGet();
      reply(exchange, ok ? 200 : 400, ok ? "{\"token\":\"t0k3n\"}" : "{}");
    });
    server.createContext("/orders/1", exchange -> {
      boolean ok = "Bearer t0k3n".equals(exchange.getRequestHeaders().getFirst("Authorization"));
      (ok ? orders : unauthorised).incrementAndGet();
      reply(exchange, ok ? 200 : 401, "{\"id\":1,\"state\":\"open\"}");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    handlers.close();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void aScenarioRunsOverRealHttp() {
    String yaml = """
        name: loopback
        duration: 1s
        workloads:
          - name: customers
            closed: { users: 2, thinkTime: 5ms }
            mix:
              - name: home
                request: { url: / }
                checks: { status: [200], bodyContains: shop }
              - name: buy
                steps:
                  - request:
                      method: POST
                      url: /login
                      headers: { Content-Type: application/json }
                      body: '{"user":"ann"}'
                    extract: { token: { jsonPath: $.token } }
                  - request: { url: /orders/1, headers: { Authorization: "Bearer ${token}" } }
                    checks: { status: [200], jsonPath: { "$.state": open } }
        """;
    ScenarioSpec spec = ScenarioLoader.create()
        .overrides(Overrides.fromEnvironment(Map.of(Overrides.TARGET, "http://127.0.0.1:" + server.getAddress().getPort())))
        .parse(yaml, "loopback.yaml", Path.of("."));
    RunResult result = Plimsoll.run(ScenarioBuilder.open(spec, HttpDriver.using(new JdkHttpExecutor())).scenario());

    OperationStats home = result.operation("home").orElseThrow();
    OperationStats buy = result.operation("buy").orElseThrow();
    assertThat(home.failed()).isZero();
    assertThat(buy.failed()).isZero();
    assertThat(home.completed()).isPositive();
    assertThat(buy.completed()).isPositive().isEqualTo(logins.get()).isEqualTo(orders.get());
    assertThat(unauthorised.get()).isZero();
  }
}
