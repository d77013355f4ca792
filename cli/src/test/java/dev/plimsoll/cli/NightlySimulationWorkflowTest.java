package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The nightly simulation example (sim/ci/nightly-simulation.yml) runs every night and by hand with
 * a size to choose, each size's command is one {@code plimsoll sim} accepts (it builds the
 * simulation, checking every setting), and a failed night keeps its results.
 */
class NightlySimulationWorkflowTest {
  private static final Path WORKFLOW = Path.of("..", "sim", "ci", "nightly-simulation.yml");
  private static final List<String> SIZES = List.of("small", "medium", "large");

  private final JsonNode workflow = read();

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(WORKFLOW.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** SnakeYAML reads the key "on" as YAML 1.1's boolean true. */
  private JsonNode triggers() {
    return workflow.has("on") ? workflow.path("on") : workflow.path("true");
  }

  @Test
  void runsNightly_andByHandWithASizeAndASeedToChoose() {
    assertThat(triggers().path("schedule").get(0).path("cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
    JsonNode inputs = triggers().path("workflow_dispatch").path("inputs");
    List<String> offered = new ArrayList<>();
    inputs.path("size").path("options").forEach(o -> offered.add(o.asText()));
    assertThat(offered).isEqualTo(SIZES);
    assertThat(inputs.has("seed")).isTrue();
    assertThat(workflow.path("jobs").path("simulate").path("strategy").path("matrix").path("size").asText())
        .contains("[\"small\",\"medium\",\"large\"]");
  }

  @Test
  void eachSizesCommandIsOnePlimsollSimAccepts() {
    String run = workflow.path("jobs").path("simulate").findValues("run").stream().map(JsonNode::asText)
        .filter(r -> r.contains("./plimsoll sim")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("\\./plimsoll (.*)").matcher(run);
    assertThat(m.find()).isTrue();
    for (String size : SIZES) {
      String line = m.group(1).replace("${{ matrix.size }}", size).replace("${{ inputs.seed || '42' }}", "42");
      assertThat(line).doesNotContain("${{");
      CommandLine.ParseResult parsed = PlimsollCommand.commandLine().parseArgs(line.strip().split("\\s+"));
      SimCommand sim = (SimCommand) parsed.subcommand().commandSpec().userObject();
      assertThat(sim.simulation().deterministic()).as(line).isTrue();
      assertThat(sim.simulation().seed()).isEqualTo(42);
    }
  }

  @Test
  void aFailedNightFailsItsJob_yetKeepsItsResults() {
    JsonNode steps = workflow.path("jobs").path("simulate").path("steps");
    JsonNode upload = steps.get(steps.size() - 1);
    assertThat(upload.path("uses").asText()).startsWith("actions/upload-artifact@");
    assertThat(upload.path("if").asText()).isEqualTo("always()");
    assertThat(upload.path("with").path("retention-days").asInt()).isPositive();
    assertThat(workflow.path("jobs").path("simulate").path("strategy").path("fail-fast").asBoolean(true)).isFalse();
    assertThat(workflow.toString()).doesNotContain("continue-on-error");
  }
}
