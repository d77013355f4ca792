package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.core.metrics.OperationStats;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
}
