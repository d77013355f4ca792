package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.cluster.ClusterAddress;
import dev.plimsoll.cluster.Worker;
import dev.plimsoll.core.Arrivals;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RatePlan;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.dashboard.Dashboard;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll run --workers 2 --cluster HOST:PORT --dashboard PORT}, the coordinator a process
 * of its own, two workers joining it: the dashboard shows the knobs and steers the whole fleet, as
 * for a local run.
 */
@Timeout(120)
class CliClusterSteerTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  private record Answer(int status, String text) {}

  private static Answer call(String url, String token, String form) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
    if (form != null) {
      http.setRequestMethod("POST");
      http.setDoOutput(true);
      http.setRequestProperty(Dashboard.TOKEN_HEADER, token);
      http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      try (OutputStream out = http.getOutputStream()) {
        out.write(form.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = http.getResponseCode();
    try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
      return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theDashboardOfADistributedRunShowsTheKnobsAndSteersTheFleet(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("split.yaml");
    Files.writeString(file, """
        name: split
        duration: 5s
        workloads:
          - name: shop
            open: { rate: 100/s }
            mix:
              - name: home
                request: { url: / }
        """);
    int[] ports = Nginx.freePorts(2);
    String address = "127.0.0.1:" + ports[0];
    long before = nginx.requests(0);
    try (CliProcess coordinator = CliProcess.start(dir.resolve("coordinator.txt"), "run", file.toString(),
            "--target", nginx.url(0, ""), "--workers", "2", "--cluster", address, "--wait-for-workers", "60s",
            "--dashboard", String.valueOf(ports[1]), "--no-progress", "--out", dir.resolve("out").toString());
        Worker a = Worker.builder(ClusterAddress.parse(address)).start();
        Worker b = Worker.builder(ClusterAddress.parse(address)).start()) {
      Pattern announced = Pattern.compile("live dashboard at (http://127\\.0\\.0\\.1:\\d+/) until the run ends "
          + "\\(control token: ([\\w-]+)\\)(.*)");
      assertThat(coordinator.awaitOutput(60, out -> announced.matcher(out).find())).as(coordinator.output()).isTrue();
      Matcher m = announced.matcher(coordinator.output());
      assertThat(m.find()).isTrue();
      assertThat(m.group(3)).as("no word of a load that cannot change").isEmpty();
      String url = m.group(1);
      String token = m.group(2);
      assertThat(call(url + "knobs", null, null).text()).contains("\"shop\"").contains("\"rate\"").contains("100");
      // Until the run has started on the fleet, a change is refused as before a local run's start; bounded.
      Answer changed = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        changed = call(url + "steer", token, "workload=shop&rate=40");
        if (changed.status() != 409 || !changed.text().contains("not started")) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(changed.status()).as(changed.text()).isEqualTo(200);
      assertThat(changed.text()).isEqualTo("Changed shop: rate 100/s → 40/s (dashboard)\n");
      Answer wrong = call(url + "steer", token, "workload=shop&users=3");
      assertThat(wrong.status()).isEqualTo(400);
      assertThat(wrong.text()).isEqualTo("Nothing changed: workload 'shop' runs an open model: set its rate, not its users\n");
      assertThat(call(url + "knobs", null, null).text()).contains("100");
      assertThat(coordinator.waitFor(60)).as(coordinator.output()).isTrue();
      assertThat(coordinator.exitValue()).as(coordinator.output()).isZero();

      RunResult result = ResultFiles.read(dir.resolve("out").resolve("result.json"));
      assertThat(result.profileChanges()).hasSize(1);
      ProfileChange change = result.profileChanges().get(0);
      assertThat(change.by()).isEqualTo("dashboard");
      assertThat(change.to()).isEqualTo(40);
      RatePlan plan = OpenModel.rate(100).profile().plan(Duration.ofSeconds(5))
          .withRateFrom(change.at().toNanos() / 1e9, 40);
      DoubleSupplier times = plan.arrivalTimes(Arrivals.UNIFORM, 0);
      long planned = 0;
      for (double t = times.getAsDouble(); !Double.isNaN(t) && t < 5; t = times.getAsDouble()) {
        planned++;
      }
      assertThat(result.total().completed() + result.total().dropped()).isEqualTo(planned);
      assertThat(nginx.requests(0) - before - 1).as("nginx's own count").isEqualTo(result.total().completed());
      assertThat(coordinator.output()).contains("shop: rate 100/s → 40/s (dashboard)");
    }
  }
}
