package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.Nginx;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Plimsoll reports is what the server served: the requests a run counts as completed equal,
 * exactly, the requests nginx counted (its stub_status counter, less the status requests).
 */
class NginxExactCountTest {
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
        location = / { return 200 "ok"; }
        location = /orders { return 201 "created"; }
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

  /** Runs the scenario and returns nginx's count of the requests served meanwhile. */
  static long servedDuring(Runnable run) {
    long before = nginx.requests(PLAIN);
    run.run();
    return nginx.requests(PLAIN) - before - 1;
  }

  static Scenario.Builder scenario(Workload workload) {
    return Scenario.builder("exact").workload(workload).duration(Duration.ofSeconds(2))
        .gracefulStop(Duration.ofSeconds(5));
  }

  @Test
  void openModel_http1_500PerSecondFor2s() {
    try (HttpClient client = HttpClient.create(HttpClientSettings.builder().connectionsPerTarget(16).build())) {
      Mix mix = Mix.builder()
          .addAsync("home", 3, HttpOperations.request(client, HttpRequest.get(nginx.url(PLAIN, "/"))))
          .addAsync("order", 1, HttpOperations.request(client,
              ctx -> HttpRequest.builder(nginx.url(PLAIN, "/orders")).post("{\"user\":" + ctx.userId() + "}").build()))
          .build();
      RunResult[] result = new RunResult[1];
      long served = servedDuring(() -> result[0] = Plimsoll.run(scenario(Workload.of("open", mix, OpenModel.rate(500))).build()));

      assertThat(result[0].total().completed()).isEqualTo(1000);
      assertThat(result[0].total().failed()).isZero();
      assertThat(result[0].total().dropped()).isZero();
      assertThat(served).isEqualTo(result[0].total().completed());
      assertThat(result[0].operation("order").orElseThrow().succeeded()).isEqualTo(250);
      assertClientCostsOfEveryRequest(result[0]);
    }
  }

  @Test
  void closedModel_http1_8UsersFor2s() {
    try (HttpClient client = HttpClient.create(HttpClientSettings.builder().connectionsPerTarget(8).build())) {
      Mix mix = Mix.ofAsync("home", HttpOperations.request(client, HttpRequest.get(nginx.url(PLAIN, "/"))));
      RunResult[] result = new RunResult[1];
      long served = servedDuring(() -> result[0] = Plimsoll.run(scenario(Workload.of("closed", mix, ClosedModel.users(8))).build()));

      assertThat(result[0].total().completed()).isGreaterThan(1000);
      assertThat(result[0].total().failed()).isZero();
      assertThat(served).isEqualTo(result[0].total().completed());
      assertThat(client.stats().connectionsOpened()).isEqualTo(8);
    }
  }

  @Test
  void openModel_h2c_500PerSecondFor2s() {
    HttpClientSettings settings = HttpClientSettings.builder().connectionsPerTarget(2).protocol(HttpProtocol.H2C).build();
    try (HttpClient client = HttpClient.create(settings)) {
      Mix mix = Mix.ofAsync("home", HttpOperations.request(client, HttpRequest.get(nginx.url(H2C, "/"))));
      RunResult[] result = new RunResult[1];
      long served = servedDuring(() -> result[0] = Plimsoll.run(scenario(Workload.of("open", mix, OpenModel.rate(500))).build()));

      assertThat(result[0].total().completed()).isEqualTo(1000);
      assertThat(result[0].total().failed()).isZero();
      assertThat(served).isEqualTo(1000);
      assertClientCostsOfEveryRequest(result[0]);
    }
  }

  /** HttpOperations tell the engine when each request was on the wire and its answer in. */
  static void assertClientCostsOfEveryRequest(RunResult result) {
    assertThat(result.generatorHealth().toWire().count()).isEqualTo(result.total().completed());
    assertThat(result.generatorHealth().afterAnswer().count()).isEqualTo(result.total().completed());
  }
}
