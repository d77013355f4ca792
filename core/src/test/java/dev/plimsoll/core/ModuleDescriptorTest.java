package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: what it exports (core's API packages; the engine and the
 * system probes stay inside), to whom, and which packages stay inside. A new package is exported
 * only by changing this test too, so nothing leaks by accident.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE =
      ModuleFinder.of(Path.of("target/classes")).findAll().iterator().next().descriptor();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(describe(MODULE)).isEqualTo("""
        requires transitive HdrHistogram
        exports dev.plimsoll.core
        exports dev.plimsoll.core.criteria
        exports dev.plimsoll.core.metrics
        exports dev.plimsoll.core.result
        exports dev.plimsoll.core.units
        uses dev.plimsoll.core.EngineProvider
        provides dev.plimsoll.core.EngineProvider with dev.plimsoll.core.engine.DefaultEngineProvider
        contains dev.plimsoll.core.engine
        contains dev.plimsoll.core.system
        """);
  }

  /** Class-path users find the providers through META-INF/services: the same ones, listed in both places. */
  @Test
  void servicesFilesListWhatTheDescriptorProvides() throws IOException {
    Map<String, List<String>> listed = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/META-INF/services"))) {
      for (Path file : files.toList()) {
        listed.put(file.getFileName().toString(), Files.readAllLines(file).stream()
            .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList());
      }
    }

    assertThat(MODULE.provides()).hasSameSizeAs(listed.keySet())
        .allSatisfy(p -> assertThat(listed.get(p.service())).as(p.service()).isEqualTo(p.providers()));
  }

  /**
   * The directives a user of the module meets, one a line: transitive requires, exports and opens (with
   * their targets), services, and then each package that stays inside.
   */
  private static String describe(ModuleDescriptor module) {
    List<String> lines = new ArrayList<>();
    module.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
        .map(r -> "requires transitive " + r.name()).sorted().forEach(lines::add);
    Set<String> reachable = new TreeSet<>();
    module.exports().stream().sorted().forEach(e -> {
      reachable.add(e.source());
      lines.add("exports " + e.source() + to(e.targets()));
    });
    module.opens().stream().sorted().forEach(o -> {
      reachable.add(o.source());
      lines.add("opens " + o.source() + to(o.targets()));
    });
    module.uses().stream().sorted().map(s -> "uses " + s).forEach(lines::add);
    module.provides().stream().sorted()
        .map(p -> "provides " + p.service() + " with " + String.join(", ", p.providers())).forEach(lines::add);
    new TreeSet<>(module.packages()).stream().filter(p -> !reachable.contains(p)).map(p -> "contains " + p)
        .forEach(lines::add);
    return String.join("\n", lines) + "\n";
  }

  private static String to(Set<String> targets) {
    return targets.isEmpty() ? "" : " to " + String.join(", ", new TreeSet<>(targets));
  }
}
