package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.Scenario;
import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario under examples/ loads, explains itself and builds. */
class ExamplesTest {

  static final Path EXAMPLES = Path.of("..", "examples");

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  @Test
  void thereAreExamples() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theCompleteExampleInTheFormatGuideLoads(@TempDir Path folder) throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "scenario-format.md"));
    int section = guide.indexOf("## A complete example");
    int start = guide.indexOf("```yaml\n", section) + "```yaml\n".length();
    String yaml = guide.substring(start, guide.indexOf("```", start));
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\n");
    Files.createDirectories(folder.resolve("certs"));
    Files.writeString(folder.resolve("certs/ca.pem"), "");
    ScenarioSpec spec = ScenarioLoader.create().environment(Map.of("SHOP_API_KEY", "k"))
        .parse(yaml, "shop.yaml", folder);
    assertThat(spec.workloads()).extracting(WorkloadSpec::name).containsExactly("browse", "back-office");
    assertThat(spec.criteria()).hasSize(3);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void loadsDescribesAndBuilds(Path file) {
    ScenarioSpec spec = ScenarioLoader.create().load(file);
    assertThat(spec.target()).hasToString("http://127.0.0.1:18080");
    assertThat(DryRun.describe(spec)).startsWith("Scenario " + spec.name());
    Scenario scenario = ScenarioBuilder.open(spec, HttpDriver.using(
        (method, uri, headers, body) -> CompletableFuture.failedFuture(new IllegalStateException("not sent")))).scenario();
    assertThat(scenario.workloads()).hasSameSizeAs(spec.workloads());
  }
}
