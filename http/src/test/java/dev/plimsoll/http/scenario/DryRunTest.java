package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

  @TempDir
  Path folder;

  @Test
  void describesThePlanWithoutSecrets() throws IOException {
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\nbob,b2\n");
    ScenarioSpec spec = ScenarioLoader.create().environment(Map.of("API_KEY", "k-123-secret"))
        .parse("""
            name: shop
            target: http://127.0.0.1:18080
            duration: 40s
            warmUp: 4s
            http: { connections: 8, protocol: h2, timeout: 3s, followRedirects: true }
            defaults:
              headers: { Accept: application/json, X-Api-Key: "${env.API_KEY}" }
            variables: { tenant: acme, apiToken: "${env.API_KEY}" }
            feeders:
              users: { file: users.csv, order: sequential }
            workloads:
              - name: browse
                open: { ramp: { from: 0/s, to: 100/s, over: 20s }, maxInFlight: 100 }
                mix:
                  - { name: home, weight: 2, request: { url: / } }
                  - name: login
                    steps:
                      - request: { method: POST, url: /login, body: '{"user":"${users.name}"}' }
                        extract: { token: { jsonPath: $.token } }
                      - think: 1s
                      - request: { url: /orders/1, headers: { Authorization: "Bearer ${token}" } }
                        checks: { status: [200, 404], jsonPath: { "$.state": open } }
              - name: batch
                open: { burst: { size: 30, every: 10s } }
                mix:
                  - { name: export, request: { url: /export, method: POST } }
              - name: staff
                closed:
                  stages: [ { duration: 10s, target: 4 } ]
                  thinkTime: 2s
                mix:
                  - { name: admin, request: { url: /admin } }
            criteria: [ "p95 < 25ms" ]
            preset: production
            """, "shop.yaml", folder);
    assertThat(DryRun.describe(spec)).isEqualTo("""
        Scenario shop (shop.yaml): dry run, nothing is sent
          target    http://127.0.0.1:18080
          duration  40s, warm-up 4s, interval 1s, graceful stop 5s, seed 42
          http      8 connections, h2, timeout 3s, connect timeout 5s, follows redirects
          headers   Accept: application/json, X-Api-Key: ***
          variables apiToken = ***, tenant = acme
          feeder    users: users.csv, 2 records (name, password), sequential: the open workloads draw about 1000, \
        so records will be reused after the last

        Workload browse: open: ramp 0/s to 100/s over 20s, uniform arrivals, at most 100 in flight
          expected arrivals: 3000 in 40s
          flow   weight  share
          home        2  66.7%
          login       1  33.3%

          home
            GET /
              checks: status in [2xx, 3xx]

          login (draws from users)
            1. POST /login
                 body: JSON object, 1 field, 24 bytes as written
                 checks: status in [2xx, 3xx]
                 extract: token = jsonPath $.token
            2. think 1s
            3. GET /orders/1
                 headers: Authorization: ***
                 checks: status in [200, 404], jsonPath $.state == 'open'

        Workload batch: open: burst of 30 every 10s, uniform arrivals, at most 10000 in flight
          expected arrivals: 120 in 40s
          flow    weight  share
          export       1   100%

          export
            POST /export
              checks: status in [2xx, 3xx]

        Workload staff: closed: users from 0, 4 over 10s, think 2s
          flow   weight  share
          admin       1   100%

          admin
            GET /admin
              checks: status in [2xx, 3xx]

        Load over time (every 2s)
          time          browse     batch    staff
          0s (warm-up)     0/s  15/s avg  0 users
          2s (warm-up)    10/s   0/s avg   1 user
          4s              20/s   0/s avg  2 users
          6s              30/s   0/s avg  2 users
          8s              40/s   0/s avg  3 users
          10s             50/s  15/s avg  4 users
          12s             60/s   0/s avg  4 users
          14s             70/s   0/s avg  4 users
          16s             80/s   0/s avg  4 users
          18s             90/s   0/s avg  4 users
          20s            100/s  15/s avg  4 users
          22s            100/s   0/s avg  4 users
          24s            100/s   0/s avg  4 users
          26s            100/s   0/s avg  4 users
          28s            100/s   0/s avg  4 users
          30s            100/s  15/s avg  4 users
          32s            100/s   0/s avg  4 users
          34s            100/s   0/s avg  4 users
          36s            100/s   0/s avg  4 users
          38s            100/s   0/s avg  4 users

        Criteria
          p95 < 25ms
          preset production: p95 < 25ms, error_rate < 0.1%, memory_growth < 10MB/min, cpu_avg < 70%
        """);
    // Asked for, bodies are shown as written; secrets stay masked.
    assertThat(DryRun.describe(spec, true)).contains("body: {\"user\":\"${users.name}\"}").contains("apiToken = ***")
        .doesNotContain("k-123-secret");
  }

  @Test
  void aScenarioWithoutCriteriaSaysItIsNotJudged() {
    ScenarioSpec spec = ScenarioLoader.create().parse("""
        workloads:
          - { name: w, closed: { users: 1 }, mix: [ { name: x, request: { url: "http://h/x" } } ] }
        """, "s.yaml", folder);
    assertThat(DryRun.describe(spec))
        .contains("  target    none (every URL is absolute)\n")
        .endsWith("Criteria\n  none (the run is reported, not judged)\n");
  }
}
