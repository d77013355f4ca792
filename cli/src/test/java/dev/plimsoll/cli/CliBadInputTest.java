package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.http.testing.NginxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the command line and in scenario files, as a user meets it: one line naming the
 * option (or file, line and field), exit code 2, no stack trace, and not one request at the server;
 * the dry run refuses the same input with the same words.
 */
class CliBadInputTest {
  @TempDir static Path dir;
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  /**
   * Runs the command for real and as a dry run: both must exit 2 with the message, and nginx must
   * have served nothing but the request that counts its requests.
   */
  private static void refused(String message, String... args) {
    long before = nginx.requests(0);
    CliRunner.Outcome run = CliRunner.run(with(args, "--no-progress", "--out", dir.resolve("out").toString()));
    CliRunner.Outcome dry = CliRunner.run(with(args, "--dry-run"));
    assertThat(nginx.requests(0) - before).as("requests that reached nginx, its count included").isEqualTo(1);
    for (CliRunner.Outcome o : List.of(run, dry)) {
      assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(o.err()).isEqualTo("plimsoll: " + message + "\n");
    }
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String url(String path) {
    return nginx.url(0, path);
  }

  private static Path scenario(String name, String mix, String top) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), """
        name: %s
        target: %s
        duration: 2s
        %s
        workloads:
          - name: w
            open: { rate: 5/s }
            mix:
        %s
        """.formatted(name, url(""), top, mix.indent(6).stripTrailing()));
  }

  private static final String SEARCH = "- { name: search, request: { url: /orders/1 } }";

  @Test
  void aCriterionNamingAnUnknownOperation() throws Exception {
    Path file = scenario("typo", SEARCH, "criteria: [ \"serch.p99 < 100ms\" ]");
    refused(file + ":4:13: criteria[0]: criterion 'serch.p99 < 100ms': no operation 'serch' (did you mean 'search'?)",
        "run", file.toString());
    refused("--criteria: criterion 'serch.p99 < 100ms': no operation 'serch' (did you mean 'search'?)",
        "run", scenario("plain", SEARCH, "").toString(), "--criteria", "serch.p99 < 100ms");
    refused("--criteria: criterion 'reqest.p99 < 100ms': no operation 'reqest' (did you mean 'request'?)",
        "http", url("/"), "--rate", "5/s", "--duration", "2s", "--criteria", "reqest.p99 < 100ms");
  }

  @Test
  void anEmptyCriterion() {
    refused("--criteria: criterion '': empty text (expected [operation.]metric comparator value[unit], e.g. p95 < 25ms)",
        "http", url("/"), "--rate", "5/s", "--duration", "2s", "--criteria", "");
  }

  @Test
  void anInvalidUrlInAScenario() throws Exception {
    Path file = scenario("spaces", "- { name: a, request: { url: \"/a b<>\" } }", "");
    refused(file + ":9:36: workloads[0].mix[0].request.url: '/a b<>' is not a valid URL: it contains a space "
        + "(write it as %20)", "run", file.toString());
  }

  @Test
  void aPortOutOfRange() {
    refused("URL: 'http://127.0.0.1:99999/' has port 99999, out of range (1 to 65535)",
        "http", "http://127.0.0.1:99999/", "--rate", "5/s", "--duration", "2s");
  }

  @Test
  void aHostThatDoesNotResolve() {
    refused("host 'no-such-host.invalid' (of http://no-such-host.invalid) does not resolve to an address; check its "
        + "spelling and this machine's DNS (nothing was sent)",
        "http", "http://no-such-host.invalid/", "--rate", "5/s", "--duration", "2s");
  }

  @Test
  void anInvalidMethodAndHeaders() throws Exception {
    refused("-X/--method: 'G ET' is not an HTTP method (examples: GET, POST, PUT, DELETE)",
        "http", url("/"), "-X", "G ET", "--rate", "5/s", "--duration", "2s");
    refused("-H/--header: 'X-A' contains a line break (CR or LF), which no header value may hold",
        "http", url("/"), "-H", "X-A: a\r\nX-Admin: yes", "--rate", "5/s", "--duration", "2s");
    Path file = scenario("crlf", "- { name: a, request: { url: /, headers: { X-A: \"a\\nb\" } } }", "");
    refused(file + ":9:55: workloads[0].mix[0].request.headers.X-A: contains a line break (CR or LF), which no "
        + "header value may hold", "run", file.toString());
  }

  @Test
  void aFlowNamedTotal() throws Exception {
    Path file = scenario("total", "- { name: total, request: { url: / } }", "");
    refused(file + ":9:17: workloads[0].mix[0].name: 'total' is reserved (reports use 'total' for all operations "
        + "together); choose another name", "run", file.toString());
  }

  @Test
  void anOutputFolderThatCannotBeCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "");
    Path out = file.resolve("results");
    long before = nginx.requests(0);
    for (String[] command : List.of(
        new String[] {"http", url("/"), "--rate", "5/s", "--duration", "2s"},
        new String[] {"run", scenario("out", SEARCH, "").toString()})) {
      for (boolean dryRun : List.of(false, true)) {
        CliRunner.Outcome o = CliRunner.run(with(command, "--out", out.toString(), dryRun ? "--dry-run" : "--no-progress"));
        assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).isEqualTo("plimsoll: --out " + out + ": cannot be created: " + file + " is a file, not a folder\n");
      }
    }
    assertThat(nginx.requests(0) - before).isEqualTo(1);
  }

  @Test
  void hugeDurationsAndUserWordsForClientSettings() throws Exception {
    CliRunner.Outcome o = CliRunner.run("http", url("/"), "--rate", "5/s", "--duration", "999999999999h");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).startsWith("plimsoll: Invalid value for option '--duration': '999999999999h' is too long a duration "
        + "(at most 8760h)").doesNotContain("overflow");
    refused("--timeout: must be > 0s and at most 24h (was 0s)",
        "http", url("/"), "--rate", "5/s", "--duration", "2s", "--timeout", "0s");
    refused("--connections: must be between 1 and 100000 (was 0)",
        "http", url("/"), "--rate", "5/s", "--duration", "2s", "--connections", "0");
    refused("--users: must be > 0 (was 0)", "http", url("/"), "--users", "0", "--duration", "2s");
    refused("--connections: must be between 1 and 100000 (was 200000)",
        "run", scenario("many", SEARCH, "").toString(), "--connections", "200000");
    refused("--warm-up: the warm-up 3s must be shorter than the duration 2s",
        "http", url("/"), "--rate", "5/s", "--duration", "2s", "--warm-up", "3s");
  }

  @Test
  void aListGivenForADurationNamesThePlaceOnce() throws Exception {
    Path file = scenario("list", SEARCH, "warmUp: [1s, 2s]");
    refused(file + ":4:9: warmUp: expected a duration (examples: 500ms, 30s, 5m, 1h30m), got a list",
        "run", file.toString());
  }

  @Test
  void aDamagedResultIsToldWithoutJacksonInternals() throws Exception {
    Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"a\": [1,2\n");
    Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(1500) + "]".repeat(1500));
    CliRunner.Outcome t = CliRunner.run("report", truncated.toString());
    CliRunner.Outcome d = CliRunner.run("report", deep.toString());
    assertThat(t.err()).isEqualTo("plimsoll: " + truncated + ": not valid JSON at line 2, column 1: Unexpected "
        + "end-of-input: expected close marker for Array (opened at line 1, column 7)\n");
    assertThat(d.err()).isEqualTo("plimsoll: " + deep + ": not valid JSON: Document nesting depth (1001) exceeds the "
        + "maximum allowed (1000)\n");
  }
}
