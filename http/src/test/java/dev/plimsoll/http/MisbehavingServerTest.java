package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each way a server or network can fail shows as its own failure type, both from the client and
 * as an error class of a Plimsoll run, and never breaks the pool: the run goes on and later
 * requests on the same pool succeed.
 */
class MisbehavingServerTest {
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);

  static MisbehavingServer server;
  static MisbehavingServer.Blackhole blackhole;
  static int refusingPort;

  @BeforeAll
  static void start() throws Exception {
    server = new MisbehavingServer();
    blackhole = new MisbehavingServer.Blackhole();
    refusingPort = MisbehavingServer.refusingPort();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    blackhole.close();
  }

  static HttpClient client(int connections) {
    return HttpClient.create(HttpClientSettings.builder()
        .connectionsPerTarget(connections)
        .ioThreads(1)
        .requestTimeout(REQUEST_TIMEOUT)
        .connectTimeout(CONNECT_TIMEOUT)
        .build());
  }

  static Throwable failureOf(HttpClient client, String url) {
    Throwable t = catchThrowable(() -> client.send(HttpRequest.get(url)).join());
    assertThat(t).as("sending %s", url).isInstanceOf(CompletionException.class);
    return t.getCause();
  }

  static void assertOkAfterwards(HttpClient client) {
    HttpResponse r = client.send(HttpRequest.get(server.url("/ok"))).join();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyAsString()).isEqualTo("ok");
  }

  @Test
  void slowResponse_isARequestTimeout_andTheConnectionIsReplaced() {
    try (HttpClient client = client(1)) {
      long start = System.nanoTime();
      Throwable t = failureOf(client, server.url("/slow"));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(t).isInstanceOf(RequestTimeoutException.class)
          .hasMessage("request timed out after 400 ms waiting for the response");
      assertThat(tookMillis).isBetween(350L, 1_400L);
      assertOkAfterwards(client);
      assertThat(client.stats().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void requestsWaitingForAConnection_timeOutAtTheRequestTimeout_evenIfConnectingTakesLonger() {
    HttpClientSettings settings = HttpClientSettings.builder().connectionsPerTarget(1).ioThreads(1)
        .requestTimeout(REQUEST_TIMEOUT).connectTimeout(Duration.ofSeconds(5)).build();
    try (HttpClient client = HttpClient.create(settings)) {
      String url = "http://127.0.0.1:" + blackhole.port() + "/";
      long start = System.nanoTime();
      // The first waits on the slot's connect, the second in the pool's queue.
      var first = client.send(HttpRequest.get(url));
      var second = client.send(HttpRequest.get(url));
      for (var f : List.of(first, second)) {
        assertThat(catchThrowable(f::join)).cause().isInstanceOf(RequestTimeoutException.class)
            .hasMessage("request timed out after 400 ms waiting for a connection");
      }
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(350L, 2_000L);
    }
  }

  @Test
  void resetConnection_isAConnectionReset() {
    try (HttpClient client = client(1)) {
      assertThat(failureOf(client, server.url("/reset"))).isInstanceOf(ConnectionResetException.class);
      assertOkAfterwards(client);
    }
  }

  @Test
  void closeMidResponse_isAConnectionReset() {
    try (HttpClient client = client(1)) {
      assertThat(failureOf(client, server.url("/truncated")))
          .isInstanceOf(ConnectionResetException.class)
          .hasMessageEndingWith("before the response was complete");
      assertOkAfterwards(client);
    }
  }

  @Test
  void staleKeepAliveConnection_isRetriedOnce_forIdempotentRequestsOnly() {
    try (HttpClient client = client(1)) {
      assertThat(client.send(HttpRequest.get(server.url("/stale-next"))).join().status()).isEqualTo(200);
      // Sent on the reused connection, which the server closes without answering: sent again.
      assertOkAfterwards(client);
      assertThat(client.stats().connectionsOpened()).isEqualTo(2);

      assertThat(client.send(HttpRequest.get(server.url("/stale-next"))).join().status()).isEqualTo(200);
      assertThat(failureOf(client, "POST", server.url("/ok")))
          .isInstanceOf(ConnectionResetException.class)
          .hasMessageEndingWith("before any response");
    }
  }

  static Throwable failureOf(HttpClient client, String method, String url) {
    Throwable t = catchThrowable(() -> client.send(HttpRequest.builder(url).method(method).build()).join());
    assertThat(t).as("sending %s %s", method, url).isInstanceOf(CompletionException.class);
    return t.getCause();
  }

  @Test
  void serverError_isAResponse_andAStatusFailureThroughHttpOperations() throws Exception {
    try (HttpClient client = client(1)) {
      HttpResponse r = client.send(HttpRequest.get(server.url("/500"))).join();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.bodyAsString()).isEqualTo("oops");
      Throwable t = catchThrowable(() ->
          HttpOperations.request(client, HttpRequest.get(server.url("/500"))).call(null).toCompletableFuture().join());
      assertThat(t).cause().isInstanceOf(HttpStatusException.class).hasMessage("HTTP 500 Internal Server Error");
      assertOkAfterwards(client);
    }
  }

  @Test
  void nobodyListening_isAConnectionRefused() {
    try (HttpClient client = client(1)) {
      assertThat(failureOf(client, "http://127.0.0.1:" + refusingPort + "/"))
          .isInstanceOf(ConnectionRefusedException.class)
          .hasMessage("connection refused by 127.0.0.1:" + refusingPort);
    }
  }

  @Test
  void serverThatNeverAccepts_isAConnectTimeout() {
    try (HttpClient client = client(1)) {
      long start = System.nanoTime();
      assertThat(failureOf(client, "http://127.0.0.1:" + blackhole.port() + "/"))
          .isInstanceOf(ConnectTimeoutException.class)
          .hasMessage("connect to 127.0.0.1:" + blackhole.port() + " timed out after 200 ms");
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(150L, 2_000L);
    }
  }

  @Test
  void everyFailureIsItsOwnErrorClassInARun_andTheRunGoesOn() {
    try (HttpClient client = client(4)) {
      Mix mix = Mix.builder()
          .addAsync("ok", 6, HttpOperations.request(client, HttpRequest.get(server.url("/ok"))))
          .addAsync("slow", 1, HttpOperations.request(client, HttpRequest.get(server.url("/slow"))))
          .addAsync("reset", 1, HttpOperations.request(client, HttpRequest.get(server.url("/reset"))))
          .addAsync("error500", 1, HttpOperations.request(client, HttpRequest.get(server.url("/500"))))
          .addAsync("truncated", 1, HttpOperations.request(client, HttpRequest.get(server.url("/truncated"))))
          .addAsync("refused", 1, HttpOperations.request(client, HttpRequest.get("http://127.0.0.1:" + refusingPort + "/")))
          .addAsync("blackhole", 1,
              HttpOperations.request(client, HttpRequest.get("http://127.0.0.1:" + blackhole.port() + "/")))
          .build();
      RunResult result = Plimsoll.run(Scenario.builder("misbehaving")
          .workload(Workload.of("w", mix, ClosedModel.users(4)))
          .duration(Duration.ofSeconds(3))
          .gracefulStop(Duration.ofSeconds(3))
          .build());

      assertOnlyError(result, "slow", RequestTimeoutException.class, "request timed out after <n> ms waiting for the response");
      assertOnlyError(result, "reset", ConnectionResetException.class, null);
      assertOnlyError(result, "error500", HttpStatusException.class, "HTTP 500 Internal Server Error");
      assertOnlyError(result, "truncated", ConnectionResetException.class,
          "connection closed by <n>.<n>:<n> before the response was complete");
      assertOnlyError(result, "refused", ConnectionRefusedException.class, "connection refused by <n>.<n>:<n>");
      assertOnlyError(result, "blackhole", ConnectTimeoutException.class,
          "connect to <n>.<n>:<n> timed out after <n> ms");
      OperationStats ok = result.operation("ok").orElseThrow();
      assertThat(ok.failed()).isZero();
      assertThat(ok.succeeded()).isGreaterThan(20);
      // The run went on: the last full second still served good requests on the same pool.
      List<IntervalSnapshot> intervals = result.intervals();
      OperationStats lastOk = intervals.get(intervals.size() - 2).operations().stream()
          .filter(o -> o.name().equals("ok")).findFirst().orElseThrow();
      assertThat(lastOk.succeeded()).isPositive();
      assertThat(lastOk.failed()).isZero();
    }
  }

  private static void assertOnlyError(RunResult result, String operation, Class<?> type, String message) {
    OperationStats stats = result.operation(operation).orElseThrow();
    assertThat(stats.completed()).as(operation + " completed").isPositive();
    assertThat(stats.succeeded()).as(operation + " succeeded").isZero();
    assertThat(stats.errors()).as(operation + " errors").isNotEmpty().allSatisfy(e -> {
      assertThat(e.type()).isEqualTo(type.getName());
      if (message != null) {
        assertThat(e.message()).isEqualTo(message);
      }
    });
    assertThat(stats.errors().stream().mapToLong(ErrorClass::count).sum()).isEqualTo(stats.failed());
  }
}
