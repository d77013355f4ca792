package dev.plimsoll.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/** What every module's descriptor test reads: the built descriptor, in one line per directive, and the services files. */
public final class ModuleDescriptors {
  private ModuleDescriptors() {}

  /** The descriptor of the module built in the working directory's {@code target/classes}. */
  public static ModuleDescriptor built() {
    return ModuleFinder.of(Path.of("target/classes")).findAll().iterator().next().descriptor();
  }

  /**
   * The directives a user of the module meets, one a line: transitive requires, exports and opens (with
   * their targets), services, and then each package that stays inside.
   */
  public static String describe(ModuleDescriptor module) {
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

  /** The providers each file under {@code src/main/resources/META-INF/services} lists, by service. */
  public static Map<String, List<String>> servicesFiles() {
    Map<String, List<String>> listed = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/META-INF/services"))) {
      for (Path file : files.toList()) {
        listed.put(file.getFileName().toString(), Files.readAllLines(file).stream()
            .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return listed;
  }

  private static String to(Set<String> targets) {
    return targets.isEmpty() ? "" : " to " + String.join(", ", new TreeSet<>(targets));
  }
}
