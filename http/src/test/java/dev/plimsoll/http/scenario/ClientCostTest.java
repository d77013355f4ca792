package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.scenario.OpenScenario;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.Template;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP driver against a real nginx: its session opens the connections before the run without
 * sending a request, and every request tells the engine when it was on the wire and answered.
 */
class ClientCostTest {
  static final int PLAIN = 0;
  static final int H2C = 1;

  @TempDir
  static Path dir;
  static Nginx nginx;

  @BeforeAll
  static void startNginx() {
    Nginx.assumeInstalled();
    String locations = """
        location = /nginx_status { stub_status; }
        location / { return 200 "ok"; }
        """;
    nginx = Nginx.start(dir, 2, ports -> """
        server { listen 127.0.0.1:%d; %s }
        server { listen 127.0.0.1:%d http2; %s }
        """.formatted(ports[0], locations, ports[1], locations));
  }

  @AfterAll
  static void stopNginx() {
    if (nginx != null) {
      nginx.close();
    }
  }

  /** How many times the test read stub_status, each of which nginx counts as a request. */
  private static long statusReads;

  /** nginx's count of active connections once it reaches {@code expected}, or after 2 s. */
  private static long activeConnectionsSettled(long expected) {
    long deadline = System.nanoTime() + 2_000_000_000L;
    long active = nginx.activeConnections(PLAIN);
    statusReads++;
    while (active < expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(20_000_000);
      active = nginx.activeConnections(PLAIN);
      statusReads++;
    }
    return active;
  }

  private static void connectsAheadAndReportsEveryRequest(ScenarioSpec spec, int connections) {
    long before = nginx.requests(PLAIN);
    statusReads = 0;
    try (OpenScenario open = ScenarioBuilder.open(spec)) {
      // Open before the run, with nothing sent: stub_status's own connections and requests aside.
      // The kernel completes a handshake before nginx accepts it: on a busy machine nginx may count
      // a connection the client already has a moment later.
      assertThat(activeConnectionsSettled(connections + 1) - 1).as("connections open before the run").isEqualTo(connections);
      assertThat(nginx.requests(PLAIN) - before - 1 - statusReads).as("requests before the run").isZero();

      RunResult result = Plimsoll.run(open.scenario());

      long completed = result.total().completed();
      // Every planned arrival is run or, when a starved machine keeps the scheduler from it until
      // the stop, counted as dropped (a few at most: none on a quiet machine).
      assertThat(completed + result.total().dropped()).as("completed + dropped; started %d, failed %d, dropped %d, errors %s",
          result.total().started(), result.total().failed(), result.total().dropped(), result.errors()).isEqualTo(200);
      assertThat(result.total().dropped()).isLessThanOrEqualTo(30);
      assertThat(result.total().failed()).isZero();
      assertThat(nginx.requests(PLAIN) - before - 2 - statusReads).as("requests nginx served").isEqualTo(completed);
      GeneratorHealth health = result.generatorHealth();
      assertThat(health.toWire().count()).isEqualTo(completed);
      assertThat(health.afterAnswer().count()).isEqualTo(completed);
      // Both lie inside the response times they are part of.
      double responseMax = result.total().responseTime().stats().maxMs();
      assertThat(health.toWire().stats().maxMs()).isLessThanOrEqualTo(responseMax);
      assertThat(health.afterAnswer().stats().maxMs()).isLessThanOrEqualTo(responseMax);
    }
  }

  @Test
  void h2c() {
    connectsAheadAndReportsEveryRequest(HttpQuickTest.url(nginx.url(H2C, "/items/${seq}")).http2(true)
        .ratePerSecond(200).connections(2).duration(Duration.ofSeconds(1)).warmUp(Duration.ZERO).build(), 2);
  }

  @Test
  void http1() {
    connectsAheadAndReportsEveryRequest(HttpQuickTest.url(nginx.url(PLAIN, "/")).ratePerSecond(200).connections(3)
        .duration(Duration.ofSeconds(1)).warmUp(Duration.ZERO).build(), 3);
  }

  /** The servers connected ahead: a URL's when scheme, host and port are written out, the target's for the rest. */
  @Test
  void theServerOfAUrl() {
    assertThat(HttpSession.server(template("http://127.0.0.1:8080/items/${seq}"))).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(HttpSession.server(template("HTTPS://example.com?q=1"))).isEqualTo(URI.create("HTTPS://example.com"));
    assertThat(HttpSession.server(template("http://host${seq}/"))).isNull();
    assertThat(HttpSession.server(template("/relative"))).isNull();
    assertThat(HttpSession.server(template("http:///nohost"))).isNull();
  }

  private static Template template(String text) {
    return Template.compile(text, Template.Scope.environmentOnly(Map.of()));
  }
}
