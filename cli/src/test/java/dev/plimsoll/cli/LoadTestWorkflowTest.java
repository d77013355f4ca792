package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.examples.agent.AgentPlatformExample;
import dev.plimsoll.examples.marketdata.MarketDataExample;
import dev.plimsoll.examples.vectors.VectorStoreExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI workflow of the examples (.github/workflows/loadtest.yml) runs commands that exist: every
 * {@code ./plimsoll ...} line in its steps parses with the command's own parser, names only known
 * scenarios and components, and points at folders that exist; every scenario offered to a manual
 * run has its command.
 */
class LoadTestWorkflowTest {
  private static final Path ROOT = Path.of("..");
  private static final Path WORKFLOW = ROOT.resolve(".github/workflows/loadtest.yml");
  /** A command up to the end of its line, a shell operator or a case arm's end. */
  private static final Pattern COMMAND = Pattern.compile("\\./plimsoll ([^;|&\\n]*)");

  private final JsonNode workflow = read();

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(WORKFLOW.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyCommandParses_andNamesKnownScenariosAndExistingFolders() {
    List<List<String>> commands = commands();

    assertThat(commands).hasSizeGreaterThan(10);
    for (List<String> args : commands) {
      assertThatCode(() -> check(args)).as(String.join(" ", args)).doesNotThrowAnyException();
    }
  }

  private static void check(List<String> args) {
    CommandLine.ParseResult parsed = PlimsollCommand.commandLine().parseArgs(args.toArray(String[]::new));
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    switch (last.commandSpec().userObject()) {
      case AgentPlatformExample agent -> assertThat(agent.chosenComponents()).isNotEmpty();
      case VectorStoreExample vectors -> assertThat(vectors.chosenScenarios()).isNotEmpty();
      case MarketDataExample market -> assertThat(market.plan()).isNotNull();
      case PlimsollCommand root -> assertThat(parsed.isVersionHelpRequested()).isTrue();
      default -> throw new AssertionError("an unexpected command: " + last.commandSpec().qualifiedName());
    }
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("--baseline-dir")) {
        assertThat(ROOT.resolve(args.get(i + 1))).isDirectory();
        assertThat(ROOT.resolve(args.get(i + 1)).resolve("registry.json")).isRegularFile();
      }
    }
  }

  @Test
  void everyScenarioOfferedToAManualRun_hasItsCommand() {
    Set<String> offered = new TreeSet<>();
    workflow.path("on").path("workflow_dispatch").path("inputs").path("scenario").path("options")
        .forEach(option -> offered.add(option.asText()));
    // SnakeYAML reads the key "on" as YAML 1.1's boolean true.
    workflow.path("true").path("workflow_dispatch").path("inputs").path("scenario").path("options")
        .forEach(option -> offered.add(option.asText()));
    String manual = runs(workflow.path("jobs").path("manual"));
    Set<String> handled = new TreeSet<>();
    Matcher arm = Pattern.compile("(?m)^\\s*([a-z-]+)\\) \\./plimsoll").matcher(manual);
    while (arm.find()) {
      handled.add(arm.group(1));
    }

    assertThat(offered).contains("quick").hasSizeGreaterThan(5);
    offered.remove("quick");
    assertThat(handled).isEqualTo(offered);
  }

  @Test
  void aStepFailsTheJob_yetTheResultsAreKept() throws Exception {
    for (String job : List.of("quick", "nightly", "manual")) {
      JsonNode steps = workflow.path("jobs").path(job).path("steps");
      JsonNode upload = steps.get(steps.size() - 1);
      assertThat(upload.path("uses").asText()).as(job).startsWith("actions/upload-artifact@");
      assertThat(upload.path("if").asText()).as(job).isEqualTo("always()");
    }
    assertThat(Files.readString(WORKFLOW)).doesNotContain("continue-on-error");
  }

  private List<List<String>> commands() {
    List<List<String>> commands = new ArrayList<>();
    Matcher m = COMMAND.matcher(runs(workflow.path("jobs")));
    while (m.find()) {
      commands.add(List.of(m.group(1).strip().split("\\s+")));
    }
    return commands;
  }

  /** Every step's shell script under {@code node}, one after the other. */
  private static String runs(JsonNode node) {
    StringBuilder all = new StringBuilder();
    node.findValues("run").forEach(run -> all.append(run.asText()).append('\n'));
    return all.toString();
  }
}
