package dev.plimsoll.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Steering;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Changing the load through the dashboard's {@code POST /steer}, as a script would. */
class SteerTest {

  record Answer(int status, String text) {}

  static Answer post(String url, String token, String form) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
    http.setRequestMethod("POST");
    http.setConnectTimeout(5000);
    http.setReadTimeout(10_000);
    if (token != null) {
      http.setRequestProperty(Dashboard.TOKEN_HEADER, token);
    }
    http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
    http.setDoOutput(true);
    try (OutputStream out = http.getOutputStream()) {
      out.write(form.getBytes(StandardCharsets.UTF_8));
    }
    int status = http.getResponseCode();
    try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
      return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Scenario twoWorkloads(Dashboard dashboard) {
    return Scenario.builder("two").duration(Duration.ofSeconds(30)).interval(Duration.ofMillis(250))
        .workload(Workload.of("browse", ctx -> { }, OpenModel.rate(100)))
        .workload(Workload.of("buy", ctx -> ctx.clock().sleep(Duration.ofMillis(20)), ClosedModel.users(2)))
        .listener(dashboard).build();
  }

  @Test
  void withTheTokenAChangeIsMadeAndRecorded_badInputIsA400AndChangesNothing() throws Exception {
    try (Dashboard dashboard = Dashboard.start(DashboardTest.ANY_PORT)) {
      String steer = dashboard.url() + "steer";
      String token = dashboard.controlToken();
      assertThat(post(steer, token, "workload=browse&rate=5").status()).as("no run yet").isEqualTo(409);
      RunHandle run = Plimsoll.start(twoWorkloads(dashboard));
      dashboard.onStop(run::stop);
      dashboard.onSteer(run.steering());

      assertThat(DashboardTest.getText(dashboard.url() + "knobs"))
          .isEqualTo("[{\"workload\":\"browse\",\"setting\":\"rate\",\"value\":100.00},"
              + "{\"workload\":\"buy\",\"setting\":\"users\",\"value\":2.00}]\n");
      assertThat(post(steer, null, "workload=browse&rate=5").status()).isEqualTo(403);
      assertThat(post(steer, "wrong", "workload=browse&rate=5").status()).isEqualTo(403);
      HttpURLConnection get = (HttpURLConnection) URI.create(steer).toURL().openConnection();
      assertThat(get.getResponseCode()).isEqualTo(405);

      assertThat(post(steer, token, "workload=browse&rate=-5"))
          .isEqualTo(new Answer(400, "Nothing changed: the rate must be a number of arrivals per second such as 250"
              + " or 12.5 (was '-5')\n"));
      assertThat(post(steer, token, "workload=browse&rate=1e9").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=browse&rate=NaN").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=browse&rate=99999999").text())
          .startsWith("Nothing changed: the rate must be a number from 0 to");
      assertThat(post(steer, token, "workload=browse&users=3").text())
          .isEqualTo("Nothing changed: workload 'browse' runs an open model: set its rate, not its users\n");
      assertThat(post(steer, token, "workload=shop&rate=3").text())
          .isEqualTo("Nothing changed: there is no workload 'shop' (the workloads: browse, buy)\n");
      assertThat(post(steer, token, "workload=browse&rate=3&users=3").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=browse").status()).isEqualTo(400);
      assertThat(post(steer, token, "rate=3").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=browse&rate=3&rate=4").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=buy&users=2.5").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=buy&users=99999999").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=%zz&rate=3").status()).isEqualTo(400);
      assertThat(post(steer, token, "workload=browse&rate=" + "1".repeat(5000)).status()).isEqualTo(413);

      Answer rate = post(steer, token, "workload=browse&rate=40");
      assertThat(rate).isEqualTo(new Answer(200, "Changed browse: rate 100/s → 40/s (dashboard)\n"));
      Answer users = post(steer, token, "workload=buy&users=+5".replace("+", "%20"));
      assertThat(users.status()).isEqualTo(200);
      assertThat(users.text()).isEqualTo("Changed buy: users 2 → 5 (dashboard)\n");
      assertThat(run.steering().knobs()).extracting(k -> k.value()).containsExactly(40.0, 5.0);

      run.stop("enough");
      RunResult result = run.result().get(30, TimeUnit.SECONDS);
      assertThat(result.profileChanges()).extracting(ProfileChange::workload, ProfileChange::to, ProfileChange::by)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("browse", 40.0, "dashboard"),
              org.assertj.core.groups.Tuple.tuple("buy", 5.0, "dashboard"));
      // The server stops with the run; the run itself refuses changes once it has ended.
      assertThatThrownBy(() -> run.steering().setRate("browse", 5, Dashboard.BY))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /** A run whose engine cannot change its load (a distributed run's): the dashboard says so, and offers no settings. */
  @Test
  void aRunThatCannotBeSteered_isRefusedSayingWhy_andShowsNoSettings() throws Exception {
    try (Dashboard dashboard = Dashboard.start(DashboardTest.ANY_PORT)) {
      RunHandle run = Plimsoll.start(twoWorkloads(dashboard));
      dashboard.onStop(run::stop);
      try {
        assertThat(post(dashboard.url() + "steer", dashboard.controlToken(), "workload=browse&rate=5"))
            .isEqualTo(new Answer(409, "Nothing changed: this run's load cannot be changed while it goes\n"));
        assertThat(DashboardTest.getText(dashboard.url() + "knobs")).isEqualTo("[]\n");
      } finally {
        run.stop("enough");
        run.result().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theSettingsAreJsonThatStaysTextInAPage() {
    assertThat(SteerRequest.json(List.of(new Steering.Knob("a\"</script>\u2028", ProfileChange.Setting.RATE, 12.5))))
        .isEqualTo("[{\"workload\":\"a\\\"\\u003c/script\\u003e\\u2028\",\"setting\":\"rate\",\"value\":12.50}]\n");
  }

  @Test
  void aFormIsReadStrictly() {
    assertThat(SteerRequest.parse("workload=a&rate=12.5"))
        .isEqualTo(new SteerRequest("a", ProfileChange.Setting.RATE, 12.5));
    assertThat(SteerRequest.parse("users=7&workload=b"))
        .isEqualTo(new SteerRequest("b", ProfileChange.Setting.USERS, 7));
    assertThatThrownBy(() -> SteerRequest.parse("workload=a&rate=0x10")).hasMessageContaining("(was '0x10')");
    assertThatThrownBy(() -> SteerRequest.parse("workload=a&speed=3"))
        .hasMessage("unknown field 'speed': give workload and either rate or users");
    assertThatThrownBy(() -> SteerRequest.parse("workload=a")).hasMessage("give either rate (per second) or users, not neither");
    assertThatThrownBy(() -> SteerRequest.parse("workload=a&rate=" + "9".repeat(40)))
        .hasMessageEndingWith("(was '999999999999999999999999…')");
  }
}
