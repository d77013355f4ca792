package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 failures are per stream: a reset or timed-out stream fails its request alone and the
 * connection goes on serving the others; refused streams are sent again.
 */
class Http2FailureTest {
  static H2cTestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new H2cTestServer(100);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpClient client() {
    return HttpClient.create(HttpClientSettings.builder().protocol(HttpProtocol.H2C).connectionsPerTarget(1)
        .ioThreads(1).requestTimeout(Duration.ofMillis(400)).build());
  }

  @Test
  void resetStream_failsThatRequestOnly() {
    try (HttpClient client = client()) {
      CompletableFuture<HttpResponse> reset = client.send(HttpRequest.get(server.url("/reset")));
      CompletableFuture<HttpResponse> ok = client.send(HttpRequest.get(server.url("/ok")));
      assertThat(catchThrowable(reset::join)).cause().isInstanceOf(ConnectionResetException.class)
          .hasMessage("stream reset by 127.0.0.1:" + server.port() + " (INTERNAL_ERROR)");
      assertThat(ok.join().bodyAsString()).isEqualTo("ok");
      assertThat(client.send(HttpRequest.get(server.url("/ok"))).join().protocol()).isEqualTo(HttpProtocol.H2C);
      assertThat(client.stats().connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void silentStream_timesOut_withoutClosingTheConnection() {
    try (HttpClient client = client()) {
      CompletableFuture<HttpResponse> silent = client.send(HttpRequest.get(server.url("/silent")));
      assertThat(client.send(HttpRequest.get(server.url("/ok"))).join().bodyAsString()).isEqualTo("ok");
      assertThat(catchThrowable(silent::join)).cause().isInstanceOf(RequestTimeoutException.class)
          .hasMessage("request timed out after 400 ms waiting for the response");
      assertThat(client.send(HttpRequest.get(server.url("/ok"))).join().bodyAsString()).isEqualTo("ok");
      assertThat(client.stats().connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void refusedStreams_areSentAgain() {
    try (HttpClient client = client()) {
      int before = server.refusals.get();
      List<CompletableFuture<HttpResponse>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(client.send(HttpRequest.get(server.url("/refuse-once"))));
      }
      assertThat(all).allSatisfy(f -> assertThat(f.join().bodyAsString()).isEqualTo("ok"));
      assertThat(server.refusals.get() - before).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void goAway_drainsTheConnection_andTheNextRequestOpensAnother() {
    try (HttpClient client = client()) {
      assertThat(client.send(HttpRequest.get(server.url("/goaway"))).join().bodyAsString()).isEqualTo("ok");
      for (int i = 0; i < 5; i++) {
        assertThat(client.send(HttpRequest.get(server.url("/ok"))).join().bodyAsString()).isEqualTo("ok");
      }
      assertThat(client.stats().connectionsOpened()).isEqualTo(2);
    }
  }
}
