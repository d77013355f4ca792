package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The rehearsal before a run: on loopback inside the process only, left out of the client's counters. */
class WarmUpTest {

  @Test
  void theRehearsalTalksToItsOwnServer_andLeavesTheClientAsItWas() throws Exception {
    try (MisbehavingServer elsewhere = new MisbehavingServer();
        HttpClient client = HttpClient.create(HttpClientSettings.builder().connectionsPerTarget(2).build())) {
      assertThat(client.send(HttpRequest.get(elsewhere.url("/"))).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      HttpClientStats before = client.stats();

      long start = System.nanoTime();
      AtomicReference<String> base = new AtomicReference<>();
      WarmUp.serve(client, url -> {
        base.set(url);
        WarmUp.loops(client, url, 2_000, 4, TimeUnit.SECONDS.toNanos(10));
      }, 0);
      assertThat(base.get()).startsWith("http://127.0.0.1:").endsWith("/warm-up/");
      client.warmUp(); // the public form: once per process, and it too leaves the counters alone
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(20));

      assertThat(elsewhere.requests()).as("nothing went to any other server").isEqualTo(1);
      HttpClientStats after = client.stats();
      assertThat(after.connectionsOpened()).isEqualTo(before.connectionsOpened());
      assertThat(after.bytesSent()).isEqualTo(before.bytesSent());
      assertThat(after.bytesReceived()).isEqualTo(before.bytesReceived());
      assertThat(client.send(HttpRequest.get(elsewhere.url("/"))).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
  }

}
