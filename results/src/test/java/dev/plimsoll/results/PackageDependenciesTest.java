package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.PackageGraph;
import org.junit.jupiter.api.Test;

/** The result document's packages form no cycle: what is internal never reaches back to the API. */
class PackageDependenciesTest {
  private final PackageGraph graph = PackageGraph.ofMainSources();

  @Test
  void resultsPackagesFormNoCycle() {
    assertThat(graph.uses()).containsKey("dev.plimsoll.results");
    assertThat(graph.cycles()).as("package cycles in %s", graph).isEmpty();
  }
}
