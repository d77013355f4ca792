package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * Checks the graph of core's packages, read from the sources ({@link PackageGraph}): no package
 * cycles, and the API package reaches the engine only through {@link EngineProvider} at run time,
 * never by name. So core can export its API packages alone, and each layer can be understood
 * without the ones above it.
 */
class PackageDependenciesTest {
  private final PackageGraph graph = PackageGraph.ofMainSources();

  @Test
  void corePackagesFormNoCycle() {
    assertThat(graph.uses())
        .containsKeys("dev.plimsoll.core", "dev.plimsoll.core.engine", "dev.plimsoll.core.criteria");
    assertThat(graph.cycles()).as("package cycles in %s", graph).isEmpty();
  }

  @Test
  void theApiNamesNoEngineType() {
    assertThat(graph.uses("dev.plimsoll.core")).doesNotContain("dev.plimsoll.core.engine");
  }

  /** Measurements and snapshots are built from snapshots alone, so a coordinator needs nothing else. */
  @Test
  void measuredDataDependsOnNothingElseOfCore() {
    assertThat(graph.uses("dev.plimsoll.core.metrics")).isEmpty();
  }

  @Test
  void criteriaJudgeMeasurementsNotResults() {
    assertThat(graph.uses("dev.plimsoll.core.criteria"))
        .containsExactlyInAnyOrder("dev.plimsoll.core.metrics", "dev.plimsoll.core.units");
  }

  /** Text forms of durations, rates and sizes: every package may use them, they use nothing. */
  @Test
  void unitsDependOnNothingElseOfCore() {
    assertThat(graph.uses("dev.plimsoll.core.units")).isEmpty();
  }

  /** Redaction and escaping: every renderer may use them, they use nothing. */
  @Test
  void textDependsOnNothingElseOfCore() {
    assertThat(graph.uses("dev.plimsoll.core.text")).isEmpty();
  }
}
