package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.scenario.echo.EchoServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs for machines on the command line: which report files, and the Prometheus endpoint. */
class CliOutputsTest {

  private static final String FILE = """
      name: echoes
      echo: { connections: 1, timeout: 2s }
      workloads:
        - name: talkers
          open: { rate: 50/s }
          mix:
            - { name: ping, echo: "hello ${seq}", expect: hello }
      """;

  @TempDir Path dir;
  private EchoServer server;
  private Path file;

  @BeforeEach
  void start() throws Exception {
    server = new EchoServer();
    file = Files.writeString(dir.resolve("echoes.yaml"), FILE);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private CliRunner.Outcome run(Path out, String... more) {
    String[] args = {"run", file.toString(), "--target", server.target(), "--duration", "1s", "--no-progress",
        "--out", out.toString()};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRunner.run(all);
  }

  @Test
  void everyReportByDefault_onlyThoseAskedForWithReport_andTheResultAlways(@TempDir Path all, @TempDir Path some)
      throws Exception {
    CliRunner.Outcome everything = run(all);
    assertThat(everything.code()).as(everything.out() + everything.err()).isZero();
    assertThat(all.toFile().list()).contains("result.json", "report.md", "junit.xml", "intervals.csv", "latency.hlog");

    CliRunner.Outcome chosen = run(some, "--report", "junit,csv");
    assertThat(chosen.code()).as(chosen.out() + chosen.err()).isZero();
    assertThat(some.toFile().list()).containsExactlyInAnyOrder("result.json", "junit.xml", "intervals.csv");
    assertThat(Files.readString(some.resolve("junit.xml"))).contains("<testcase");
  }

  @Test
  void anUnknownReportIsBadInput_listingTheKnownOnes_andNothingIsSent(@TempDir Path out) {
    CliRunner.Outcome o = run(out, "--report", "junit,pdf");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("plimsoll: --report: unknown report 'pdf'; known: ")
        .contains("csv", "hlog", "json", "junit", "markdown", "md");
    assertThat(server.lines()).isZero();
  }

  @Test
  void helpNamesTheReportsAndSaysTheResultIsAlwaysWritten() {
    for (String command : new String[] {"run", "http", "demo"}) {
      String help = CliRunner.run(command, "--help").out().replaceAll("\\s+", " ");
      // Every reporter found is listed (the HTML report's too, where its module is present).
      assertThat(help).contains("--report=NAMES").containsPattern("from: console, csv, hlog, (html, )?json, junit, markdown, md ")
          .contains("result.json is always written").contains("--prometheus=[HOST:]PORT")
          .contains("--dashboard=[HOST:]PORT");
    }
  }

  @Test
  void prometheusServesDuringTheRun_andStopsWhenItEnds(@TempDir Path out) throws Exception {
    CliRunner.Outcome o = run(out, "--prometheus", "0");
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    Matcher url = Pattern.compile("metrics for Prometheus at (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(o.out());
    assertThat(url.find()).as(o.out()).isTrue();
    assertThatThrownBy(() -> get(url.group(1))).isInstanceOf(ConnectException.class);
  }

  @Test
  void aBadPrometheusAddressIsBadInput(@TempDir Path out) {
    CliRunner.Outcome o = run(out, "--prometheus", "localhost:http");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("plimsoll: --prometheus 'localhost:http' is not [host:]port");
    assertThat(server.lines()).isZero();
  }

  @Test
  void theDashboardServesDuringTheRun_andStopsWhenItEnds(@TempDir Path out) throws Exception {
    CliRunner.Outcome o = run(out, "--dashboard", "0");
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    Matcher url = Pattern.compile("live dashboard at (http://127\\.0\\.0\\.1:\\d+/) until the run ends \\(control token: [\\w-]{24}\\)").matcher(o.out());
    assertThat(url.find()).as(o.out()).isTrue();
    assertThatThrownBy(() -> get(url.group(1))).isInstanceOf(ConnectException.class);
  }

  @Test
  void aDashboardPortInUseIsBadInput_andNothingIsSent(@TempDir Path out) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRunner.Outcome o = run(out, "--dashboard", String.valueOf(taken.getLocalPort()));
      assertThat(o.code()).isEqualTo(2);
      assertThat(o.err()).startsWith("plimsoll: --dashboard: cannot serve the dashboard at 127.0.0.1:"
          + taken.getLocalPort() + ": ");
      assertThat(server.lines()).isZero();
    }
    CliRunner.Outcome bad = run(out, "--dashboard", "localhost:http");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("plimsoll: --dashboard 'localhost:http' is not [host:]port");
  }

  private static int get(String url) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
    http.setConnectTimeout(2000);
    return http.getResponseCode();
  }
}
