package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scenario seam on the HTTP client: URLs as text, checks run as responses complete, prepared requests. */
class NettyRequestExecutorTest {

  @Test
  void urlsAsText_plainOrNot_reachTheServer_andInvalidOnesFailAsTheUriFormDoes() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> seen = new CopyOnWriteArrayList<>();
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Test"));
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (NettyRequestExecutor executor = new NettyRequestExecutor(HttpSettingsSpec.DEFAULTS)) {
      List<Integer> statuses = new CopyOnWriteArrayList<>();
      for (String url : List.of(base + "/items/1?x=y", base.replace("http:", "HTTP:") + "/caf%C3%A9#fragment")) {
        executor.execute("GET", url, Map.of("X-Test", "t"), new byte[0], (ResponseView r) -> statuses.add(r.status()))
            .toCompletableFuture().get(5, TimeUnit.SECONDS);
      }
      RequestExecutor.Prepared prepared = executor.prepare("GET", RequestExecutor.uri(base + "/once"), Map.of(), new byte[0]);
      prepared.send(r -> statuses.add(r.status())).toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(prepared.send().toCompletableFuture().get(5, TimeUnit.SECONDS).body()).asString().isEqualTo("ok");
      assertThat(statuses).containsExactly(200, 200, 200);
      assertThat(seen).containsExactly("/items/1?x=y t", "/caf%C3%A9 t", "/once null", "/once null");

      assertThatThrownBy(() -> executor.execute("GET", "http://h/a b", Map.of(), new byte[0], r -> { }))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid URL 'http://h/a b': Illegal character");
      assertThatThrownBy(() -> executor.execute("GET", "ftp://h/", Map.of(), new byte[0], r -> { }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("request URI 'ftp://h/' must be absolute with scheme http or https");
      Throwable failedCheck = executor.execute("GET", base + "/x", Map.of(), new byte[0], r -> {
        throw new IllegalStateException("check failed");
      }).toCompletableFuture().handle((v, e) -> e).get(5, TimeUnit.SECONDS);
      assertThat(failedCheck).isInstanceOf(IllegalStateException.class).hasMessage("check failed");
    } finally {
      server.stop(0);
    }
  }
}
