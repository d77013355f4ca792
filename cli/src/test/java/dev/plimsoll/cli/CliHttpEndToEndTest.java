package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code run} and {@code http} commands against a real nginx, as a user runs them: every
 * example scenario, the one-line quick test with nginx's own request count, the dry run, bad
 * input, and secrets kept out of every output.
 */
class CliHttpEndToEndTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  private static CliRunner.Outcome plimsoll(String... args) {
    return CliRunner.run(args);
  }

  static Stream<Path> examples() throws Exception {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleScenarioRuns(Path example, @TempDir Path out) throws Exception {
    CliRunner.Outcome o = plimsoll("run", example.toString(), "--target", nginx.url(0, ""), "--duration", "4s",
        "--warm-up", "1s", "--no-progress", "--out", out.toString());
    // Criteria judge real latencies: on a loaded machine one may fail (1); nothing else may go wrong.
    assertThat(o.code()).as(o.out() + o.err()).isIn(0, 1);
    RunResult result = ResultFiles.read(out.resolve("result.json"));
    assertThat(result.operations()).isNotEmpty().allSatisfy(op -> {
      assertThat(op.completed()).as(op.name()).isPositive();
      assertThat(op.failed()).as(op.name() + " " + op.errors()).isZero();
    });
  }

  @Test
  void quickTestSendsExactlyWhatItReports(@TempDir Path out) throws Exception {
    long before = nginx.requests(0);
    CliRunner.Outcome o = plimsoll("http", nginx.url(0, "/orders/1"), "--rate", "200/s", "--duration", "2s",
        "--criteria", "error_rate < 1%", "--no-progress", "--out", out.toString());
    long served = nginx.requests(0) - before - 1;
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    RunResult result = ResultFiles.read(out.resolve("result.json"));
    assertThat(result.total().completed()).isEqualTo(400).isEqualTo(served);
  }

  @Test
  void quickTestCountsErrorStatusesAsErrors(@TempDir Path out) throws Exception {
    CliRunner.Outcome o = plimsoll("http", nginx.url(0, "/missing"), "--users", "2", "--duration", "1s",
        "--no-progress", "--out", out.toString());
    // Nothing succeeded: a failure, criteria or none.
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.out()).contains("FAILED  http: completed; no operation succeeded");
    RunResult result = ResultFiles.read(out.resolve("result.json"));
    assertThat(result.total().failed()).isEqualTo(result.total().completed()).isPositive();
    // Each status is an error class of its own: the status is kept, not normalised away.
    assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).endsWith("got 404"));
  }

  @Test
  void secretsInHeadersNeverReachAnOutput(@TempDir Path out) throws Exception {
    CliRunner.Outcome run = plimsoll("http", nginx.url(0, "/"), "-H", "Authorization: Bearer s3cr3t-t0ken", "-H", "X-Api-Key: k3y-v4lue",
        "--users", "1", "--duration", "1s", "--no-progress", "--out", out.toString());
    CliRunner.Outcome dry = plimsoll("http", nginx.url(0, "/"), "-H", "Authorization: Bearer s3cr3t-t0ken", "-H", "X-Api-Key: k3y-v4lue",
        "--users", "1", "--duration", "1s", "--dry-run");
    assertThat(run.code()).isZero();
    assertThat(dry.out()).contains("Authorization: ***");
    for (String text : List.of(run.out(), run.err(), dry.out(), Files.readString(out.resolve("result.json")),
        Files.readString(out.resolve("report.md")))) {
      assertThat(text).doesNotContain("s3cr3t").doesNotContain("k3y-v4lue");
    }
  }

  @Test
  void dryRunPrintsThePlanAndSendsNothing() {
    long before = nginx.requests(0);
    CliRunner.Outcome o = plimsoll("run", EXAMPLES.resolve("shop.yaml").toString(), "--target", nginx.url(0, ""), "--dry-run");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("dry run, nothing is sent").contains("Load over time").contains("login-and-order");
    assertThat(nginx.requests(0) - before).isEqualTo(1);
  }

  @Test
  void aBrokenScenarioNamesFileLineAndField(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), """
        name: broken
        target: http://127.0.0.1:1
        duration: 10s
        workloads:
          - name: w
            open: { rate: fast }
            mix:
              - { name: home, request: { url: / } }
        """);
    CliRunner.Outcome o = plimsoll("run", broken.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("plimsoll: " + broken + ":6:").contains("rate").doesNotContain("\tat ");
  }

  @Test
  void environmentAndCommandLineOverrideTheFile() {
    CliRunner.Outcome o = plimsoll("run", EXAMPLES.resolve("smoke.yaml").toString(), "--target", nginx.url(0, ""),
        "--duration", "7s", "--users", "3", "--dry-run");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("7s").contains("3 users");
  }
}
