package dev.plimsoll.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package check every module's package test relies on finds what it should. */
class PackageGraphTest {

  /** The check itself finds a cycle when there is one. */
  @Test
  void aCycleIsFound() {
    PackageGraph graph = PackageGraph.of(Map.of(
        "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));

    assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c", "a"));
  }

  @Test
  void aLayeredGraphHasNoCycle() {
    PackageGraph graph = PackageGraph.of(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of()));

    assertThat(graph.cycles()).isEmpty();
  }

  /** Imports, static imports and names in Javadoc count; other modules' packages and the package itself do not. */
  @Test
  void sourcesAreReadForEveryKindOfReference(@TempDir Path root) throws IOException {
    write(root, "dev/plimsoll/x/top/Loader.java", """
        package dev.plimsoll.x.top;

        import static dev.plimsoll.x.spi.Nodes.child;

        import dev.plimsoll.core.Scenario;
        import dev.plimsoll.x.top.Other;
        """);
    write(root, "dev/plimsoll/x/spi/Nodes.java", """
        package dev.plimsoll.x.spi;

        /** Made by {@link dev.plimsoll.x.top.Loader#load}. */
        final class Nodes {}
        """);
    write(root, "dev/plimsoll/x/leaf/Leaf.java", "package dev.plimsoll.x.leaf;\n\nfinal class Leaf {}\n");

    PackageGraph graph = PackageGraph.ofSources(root);

    assertThat(graph.uses()).containsOnlyKeys("dev.plimsoll.x.top", "dev.plimsoll.x.spi", "dev.plimsoll.x.leaf");
    assertThat(graph.uses("dev.plimsoll.x.top")).containsExactly("dev.plimsoll.x.spi");
    assertThat(graph.uses("dev.plimsoll.x.spi")).containsExactly("dev.plimsoll.x.top");
    assertThat(graph.uses("dev.plimsoll.x.leaf")).isEmpty();
    assertThat(graph.cycles())
        .containsExactly(List.of("dev.plimsoll.x.spi", "dev.plimsoll.x.top", "dev.plimsoll.x.spi"));
  }

  @Test
  void aFileWithoutAPackageIsAnError(@TempDir Path root) throws IOException {
    write(root, "Stray.java", "final class Stray {}\n");

    assertThatThrownBy(() -> PackageGraph.ofSources(root)).hasMessageContaining("Stray.java");
  }

  @Test
  void anUnknownPackageIsAnError() {
    assertThatThrownBy(() -> PackageGraph.of(Map.of("a", Set.of())).uses("b")).hasMessageContaining("no package b");
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }
}
