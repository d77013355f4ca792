package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.scenario.driver.Template;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The run before the run does what a run does: its requests reach a server and succeed. (One that
 * failed every request before it left the client's response path cold, and nothing showed it.)
 */
class RehearsalTest {

  @Test
  void everyRehearsedRequestIsAnsweredAndSucceeds() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicLong answered = new AtomicLong();
    try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
      server.setExecutor(handlers);
      server.createContext("/", exchange -> {
        answered.incrementAndGet();
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      try (NettyRequestExecutor executor = new NettyRequestExecutor(HttpSettingsSpec.DEFAULTS)) {
        OperationStats rehearsed = Rehearsal.run(executor, "http://127.0.0.1:" + server.getAddress().getPort() + "/warm-up/");

        assertThat(rehearsed.failed()).as("%s", rehearsed.errors()).isZero();
        assertThat(rehearsed.succeeded()).isGreaterThan(500).isEqualTo(answered.get());
      } finally {
        server.stop(0);
      }
    }
  }

  @Test
  void theRunsOwnStepsAreRehearsedAtTheRehearsalServer_andTheTargetIsSentNothing() throws Exception {
    HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpServer rehearsal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicLong targetAnswered = new AtomicLong();
    Map<String, AtomicLong> rehearsedPaths = new ConcurrentHashMap<>();
    try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
      target.setExecutor(handlers);
      target.createContext("/", exchange -> {
        targetAnswered.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      rehearsal.setExecutor(handlers);
      rehearsal.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        rehearsedPaths.computeIfAbsent(path.startsWith("/warm-up/") ? "/warm-up/" : path.replaceAll("\\d+$", "N"),
            k -> new AtomicLong()).incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      target.start();
      rehearsal.start();
      try (NettyRequestExecutor executor = new NettyRequestExecutor(HttpSettingsSpec.DEFAULTS)) {
        String targetBase = "http://127.0.0.1:" + target.getAddress().getPort();
        Template.Scope scope = new Template.Scope(Map.of(), Set.of(), Map.of(), Map.of());
        ResponseChecks ok = new ResponseChecks(CheckSpec.DEFAULT, List.of());
        // An absolute URL naming the target, prepared once; a root-relative one rendered per call, with a body.
        HttpRequestAction constant = new HttpRequestAction("GET", Template.compile(targetBase + "/orders/1", scope),
            List.of(), BodySpec.NONE, ok, executor, targetBase, () -> 1);
        HttpRequestAction templated = new HttpRequestAction("POST", Template.compile("/items/${seq}", scope),
            List.of(), new BodySpec.Text(Template.compile("{\"n\":${seq}}", scope)), ok, executor, targetBase, () -> 1);
        AtomicLong sequence = new AtomicLong();

        OperationStats rehearsed = Rehearsal.run(executor,
            "http://127.0.0.1:" + rehearsal.getAddress().getPort() + "/warm-up/",
            server -> {
              HttpRequestAction prepared = constant.sendingTo(server, sequence::incrementAndGet);
              prepared.prepareAhead();
              return List.of(prepared, templated.sendingTo(server, sequence::incrementAndGet));
            });

        assertThat(targetAnswered.get()).isZero();
        assertThat(rehearsed.failed()).as("%s", rehearsed.errors()).isZero();
        assertThat(rehearsedPaths.keySet()).containsExactlyInAnyOrder("/warm-up/", "/orders/N", "/items/N");
        assertThat(rehearsedPaths.get("/orders/N").get()).isGreaterThan(rehearsedPaths.get("/warm-up/").get());
      } finally {
        target.stop(0);
        rehearsal.stop(0);
      }
    }
  }

  @Test
  void aRedirectKeepsPathAndQuery_andReplacesSchemeAndServer() {
    RedirectedExecutor redirect = new RedirectedExecutor((method, uri, headers, body) -> null, "http://127.0.0.1:9");

    assertThat(redirect.redirected("https://api.example.com:8443/a/b?x=1#f")).isEqualTo("http://127.0.0.1:9/a/b?x=1#f");
    assertThat(redirect.redirected("http://example.com?q=2")).isEqualTo("http://127.0.0.1:9?q=2");
    assertThat(redirect.redirected("http://example.com")).isEqualTo("http://127.0.0.1:9");
    assertThat(redirect.redirected("relative/path")).isEqualTo("relative/path");
  }
}
