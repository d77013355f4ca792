package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, messages, and the files it writes. */
class CliTest {

  private static CliRunner.Outcome run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version")).satisfies(o -> {
      assertThat(o.code()).isZero();
      assertThat(o.out()).startsWith("plimsoll ");
    });
    for (String[] args : new String[][] {{"--help"}, {"demo", "--help"}, {"report", "--help"}}) {
      CliRunner.Outcome o = run(args);
      assertThat(o.code()).isZero();
      assertThat(o.out()).contains("Usage: plimsoll");
    }
    assertThat(run("--help").out()).contains("Exit codes:").contains("  1  a criterion failed");
  }

  /** picocli reads option descriptions as format strings: a bare % makes it warn on stderr. */
  @Test
  void everyHelpTextFormatsWithoutWarnings() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"run", "http", "demo", "report"}) {
        assertThat(run(command, "--help").code()).isZero();
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  /** A bad argument is one line, a suggestion when there is one, and where help is: not the usage text. */
  @Test
  void badArgumentsGetOneLineNotTheUsage() {
    CliRunner.Outcome tooLong = run("http", "http://127.0.0.1:1/", "--rate", "10/s", "--duration", "999999999999h");
    assertThat(tooLong.code()).isEqualTo(2);
    assertThat(tooLong.err().lines().toList()).containsExactly(
        "plimsoll: Invalid value for option '--duration': '999999999999h' is too long a duration (at most 8760h)",
        "(plimsoll http --help shows every option)");
    CliRunner.Outcome typo = run("http", "http://127.0.0.1:1/", "--rat", "10/s", "--duration", "1s");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("Possible solutions: --rate").doesNotContain("Usage:");
    assertThat(typo.out()).isEmpty();
  }

  /** The help states the defaults the quick test applies, written once in HttpClientSettings. */
  @Test
  void httpHelpStatesTheClientsDefaults() {
    CliRunner.Outcome o = run("http", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out().replaceAll("\\s+", " "))
        .contains("Request timeout (default: 10s)")
        .contains("Connections to the target (default: the users, or 64)");
    CliRunner.Outcome plan = run("http", "http://127.0.0.1:1/", "--users", "2", "--duration", "2s", "--dry-run");
    assertThat(plan.code()).isZero();
    assertThat(plan.out()).contains("2 connections, http1, timeout 10s, connect timeout 5s");
    assertThat(run("http", "http://127.0.0.1:1/", "--rate", "5/s", "--duration", "2s", "--timeout", "3s", "--dry-run")
        .out()).contains("64 connections, http1, timeout 3s");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRunner.Outcome o = run("demoo");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("Unmatched argument at index 0: 'demoo'").contains("Did you mean: plimsoll demo");
  }

  @Test
  void badDurationNamesTheOptionAndTheForm() {
    CliRunner.Outcome o = run("demo", "--duration", "soon");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--duration").contains("'soon' is not a duration");
  }

  @Test
  void tooShortADemoIsRejectedInOneLine() {
    CliRunner.Outcome o = run("demo", "--duration", "2s");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("plimsoll: --duration must be at least 5s for the demo (was 2s)");
  }

  @Test
  void reportOfAMissingFile(@TempDir Path dir) {
    CliRunner.Outcome o = run("report", dir.resolve("nope.json").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("plimsoll: no result file at " + dir.resolve("nope.json"));
  }

  @Test
  void reportOfABrokenFileSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("result.json"), "{\"schemaVersion\": 1, \"name\": ");
    CliRunner.Outcome o = run("report", broken.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("plimsoll: ").contains("result.json").doesNotContain("\tat ");
  }

  /** A saved result's phases and load changes come back in the report rendered from it. */
  @Test
  void reportRendersTheLoadChangesAndPhasesOfASavedResult(@TempDir Path dir) throws Exception {
    // The documented example, with a change as the dashboard records one.
    String example = Files.readString(Path.of("..", "docs", "result-example.json"));
    String steered = example.replace("\"profileChanges\": []", "\"profileChanges\": [{\"atS\": 0.5,"
        + " \"workload\": \"main\", \"setting\": \"RATE\", \"from\": 4, \"to\": 8, \"by\": \"dashboard\"}]");
    assertThat(steered).isNotEqualTo(example);
    Path result = Files.writeString(dir.resolve("result.json"), steered);

    CliRunner.Outcome o = run("report", result.toString(), "--html");

    assertThat(o.code()).isZero();
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<section id=\"load-changes\">", "<td>main</td><td>rate 4/s → 8/s</td><td>dashboard</td>",
        "<td>constant 4/s</td>", "\"kind\":\"change\"", "\"kind\":\"phase\"");
  }

  @Test
  void demoRunsWritesItsResultsAndTheReportRendersThemAgain(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");
    CliRunner.Outcome o = run("demo", "--duration", "5s", "--out", out.toString());
    // A real run judged by the production criteria: on a loaded machine a criterion may fail.
    assertThat(o.code()).isIn(0, 1);
    assertThat(out.resolve("result.json")).isRegularFile();
    assertThat(out.resolve("report.md")).isRegularFile();
    assertThat(o.out()).contains("browse").contains("search").contains("checkout").contains("p95 < 25ms");
    Files.delete(out.resolve("report.md"));
    CliRunner.Outcome again = run("report", out.resolve("result.json").toString());
    assertThat(again.code()).isEqualTo(o.code());
    assertThat(again.out()).contains("checkout");
    assertThat(out.resolve("report.md")).isRegularFile();
    assertThat(out.resolve("report.html")).isRegularFile();

    Files.delete(out.resolve("report.md"));
    Files.delete(out.resolve("report.html"));
    CliRunner.Outcome html = run("report", out.resolve("result.json").toString(), "--html");
    assertThat(html.code()).isEqualTo(o.code());
    assertThat(html.out()).contains("report: " + out.resolve("report.html"));
    assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>")
        .contains("id=\"plimsoll-data\"");
    assertThat(out.resolve("report.md")).doesNotExist();
  }
}
