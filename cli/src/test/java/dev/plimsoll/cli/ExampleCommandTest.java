package dev.plimsoll.cli;

import static dev.plimsoll.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plimsoll example}: the list, the help, the contract for bad options, and one short run. */
class ExampleCommandTest {

  @Test
  void listNamesEveryExampleWithWhatItTests() {
    CliRunner.Outcome list = run("example", "--list");
    assertThat(list.code()).isZero();
    assertThat(list.out().lines().map(l -> l.split("\\s+")[0]).toList())
        .containsExactly("agent-platform", "vector-store", "market-data");
    assertThat(list.out()).contains("shared-memory ring buffer");
  }

  @Test
  void noExampleNamed_isAUsageErrorPointingAtTheList() {
    CliRunner.Outcome none = run("example");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err().lines().toList()).containsExactly(
        "plimsoll: Missing example name (try: plimsoll example --list)",
        "(plimsoll example --help shows every option)");
  }

  @Test
  void aBadOptionIsOneLine_exit2_andSaysWhereTheHelpIs() {
    CliRunner.Outcome notANumber = run("example", "market-data", "--exchanges", "three");
    assertThat(notANumber.code()).isEqualTo(2);
    assertThat(notANumber.err().lines().toList()).containsExactly(
        "plimsoll: Invalid value for option '--exchanges': 'three' is not an int",
        "(plimsoll example market-data --help shows every option)");
    CliRunner.Outcome outOfRange = run("example", "market-data", "--trades-per-second", "0");
    assertThat(outOfRange.code()).isEqualTo(2);
    assertThat(outOfRange.err().lines().toList()).containsExactly(
        "plimsoll: --trades-per-second must be at least 1 (was 0)");
    CliRunner.Outcome unknown = run("example", "vector-store", "--scenario", "smoke,soak");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo(
        "plimsoll: unknown scenario 'soak' (known: smoke, baseline, sustained, spike, tiered)\n");
    assertThat(run("example", "agent-platform", "--component", "billing").err())
        .startsWith("plimsoll: unknown component 'billing' (known: authentication, authorization, ");
    assertThat(run("example", "nosuch").code()).isEqualTo(2);
  }

  @Test
  void everyExamplesHelp_formatsWithoutWarnings_andListsItsOptions() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(run("example", "--help").code()).isZero();
      assertThat(run("example", "agent-platform", "--help").out()).contains("--baseline-dir", "--full");
      assertThat(run("example", "vector-store", "--help").out()).contains("--scenario", "--full", "--duration");
      assertThat(run("example", "market-data", "--help").out()).contains("--exchanges", "--trades-per-second",
          "--orderbook-updates-per-second", "--duration-secs", "--symbol-count", "--verbose", "--json-output",
          "green >= 95");
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void aShortMarketDataRun_endsWithItsStatusLine_uncolouredWhenNotATerminal(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");
    CliRunner.Outcome outcome = run("example", "market-data", "--duration-secs", "2", "--trades-per-second", "1000",
        "--orderbook-updates-per-second", "500", "--json-output", json.toString(), "--out", dir.resolve("out").toString());

    String last = outcome.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).matches("(PASSED|FAILED)  trades \\d+\\.\\d % of 3,000/s  order-book updates \\d+\\.\\d % of 1,500/s");
    assertThat(last).doesNotContain("\u001b[");
    assertThat(outcome.code()).isEqualTo(last.startsWith("PASSED") ? 0 : 1);
    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.path("status").asText()).isEqualTo(last.substring(0, 6));
    assertThat(dir.resolve("out/result.json")).isNotEmptyFile();
  }
}
