package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * The driver SPI is the bottom of the scenario module: what a driver implements and may use names
 * nothing of the loader, the spec, overrides, the builder or the dry run, which are built on it. So
 * a driver can be understood, and the SPI exported, without the rest.
 */
class PackageDependenciesTest {
  private static final String LOADER = "dev.plimsoll.scenario";
  private static final String SPI = "dev.plimsoll.scenario.driver";

  private final PackageGraph graph = PackageGraph.ofMainSources();

  @Test
  void scenarioPackagesFormNoCycle() {
    assertThat(graph.uses()).containsKeys(LOADER, SPI);
    assertThat(graph.cycles()).as("package cycles in %s", graph).isEmpty();
  }

  @Test
  void theDriverSpiNamesNothingOfTheLoader() {
    assertThat(graph.uses(SPI)).isEmpty();
  }

  @Test
  void theLoaderIsBuiltOnTheSpi() {
    assertThat(graph.uses(LOADER)).containsExactly(SPI);
  }
}
