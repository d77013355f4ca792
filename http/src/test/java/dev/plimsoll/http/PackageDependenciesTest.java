package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client knows nothing of scenario files: the scenario driver ({@code http.scenario}) is
 * built on the client, never the other way, so the client is usable (and exportable) on its own.
 */
class PackageDependenciesTest {
  private final PackageGraph graph = PackageGraph.ofMainSources();

  @Test
  void httpPackagesFormNoCycle() {
    assertThat(graph.uses()).containsKeys("dev.plimsoll.http", "dev.plimsoll.http.scenario");
    assertThat(graph.cycles()).as("package cycles in %s", graph).isEmpty();
  }

  @Test
  void theClientNamesNothingOfTheScenarioDriver() {
    assertThat(graph.uses("dev.plimsoll.http")).isEmpty();
  }
}
