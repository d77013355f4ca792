package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: exit codes, messages, and the files it writes. */
class CliTest {

  /** Runs the command in-process, capturing what it prints. */
  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = PlimsollCommand.commandLine();
      cl.setErr(new PrintWriter(err, true));
      StringWriter helpOut = new StringWriter();
      cl.setOut(new PrintWriter(helpOut, true));
      int code = cl.execute(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8) + helpOut, err.toString());
    } finally {
      System.setOut(originalOut);
    }
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version")).satisfies(o -> {
      assertThat(o.code()).isZero();
      assertThat(o.out()).startsWith("plimsoll ");
    });
    for (String[] args : new String[][] {{"--help"}, {"demo", "--help"}, {"report", "--help"}}) {
      Outcome o = run(args);
      assertThat(o.code()).isZero();
      assertThat(o.out()).contains("Usage: plimsoll");
    }
    assertThat(run("--help").out()).contains("Exit codes: 0 every criterion passed");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Outcome o = run("demoo");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("Unmatched argument at index 0: 'demoo'").contains("Did you mean: plimsoll demo");
  }

  @Test
  void badDurationNamesTheOptionAndTheForm() {
    Outcome o = run("demo", "--duration", "soon");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--duration").contains("'soon' is not a duration (examples: 500ms, 30s, 5m, 1h, 1m30s)");
  }

  @Test
  void tooShortADemoIsRejectedInOneLine() {
    Outcome o = run("demo", "--duration", "2s");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("plimsoll: --duration must be at least 5s for the demo (was 2s)");
  }

  @Test
  void reportOfAMissingFile(@TempDir Path dir) {
    Outcome o = run("report", dir.resolve("nope.json").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("plimsoll: no result file at " + dir.resolve("nope.json"));
  }

  @Test
  void reportOfABrokenFileSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("result.json"), "{\"schemaVersion\": 1, \"name\": ");
    Outcome o = run("report", broken.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("plimsoll: ").contains("result.json").doesNotContain("\tat ");
  }

  @Test
  void demoRunsWritesItsResultsAndTheReportRendersThemAgain(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");
    Outcome o = run("demo", "--duration", "5s", "--out", out.toString());
    // A real run judged by the production criteria: on a loaded machine a criterion may fail.
    assertThat(o.code()).isIn(0, 1);
    assertThat(out.resolve("result.json")).isRegularFile();
    assertThat(out.resolve("report.md")).isRegularFile();
    assertThat(o.out()).contains("browse").contains("search").contains("checkout").contains("p95 < 25ms");
    Files.delete(out.resolve("report.md"));
    Outcome again = run("report", out.resolve("result.json").toString());
    assertThat(again.code()).isEqualTo(o.code());
    assertThat(again.out()).contains("checkout");
    assertThat(out.resolve("report.md")).isRegularFile();
  }
}
