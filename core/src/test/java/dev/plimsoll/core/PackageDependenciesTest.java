package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads which of core's packages each source file refers to (imports and fully qualified names,
 * Javadoc included) and checks the graph: no package cycles, and the API package reaches the engine
 * only through {@link EngineProvider} at run time, never by name. So core can export its API
 * packages alone, and each layer can be understood without the ones above it.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([a-z.]+);", Pattern.MULTILINE);
  /** A reference to a type of Plimsoll's: the package is everything before the first capital. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.plimsoll(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  /** Package to the other packages of this module it refers to. */
  private static Map<String, Set<String>> graph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        assertThat(pkg.find()).as("package declaration in %s", file).isTrue();
        Set<String> uses = graph.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
        Matcher ref = REFERENCE.matcher(text);
        while (ref.find()) {
          if (!ref.group(1).equals(pkg.group(1))) {
            uses.add(ref.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    graph.values().forEach(uses -> uses.retainAll(graph.keySet()));
    return graph;
  }

  /** Every cycle found by a depth-first search, each as the path that closes it. */
  private static List<List<String>> cycles(Map<String, Set<String>> graph) {
    List<List<String>> cycles = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : graph.keySet()) {
      search(start, graph, new ArrayDeque<>(), done, cycles);
    }
    return cycles;
  }

  private static void search(String node, Map<String, Set<String>> graph, Deque<String> path, Set<String> done,
      List<List<String>> cycles) {
    if (path.contains(node)) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (String p : (Iterable<String>) path::descendingIterator) {
        in |= p.equals(node);
        if (in) {
          cycle.add(p);
        }
      }
      cycle.add(node);
      cycles.add(cycle);
      return;
    }
    if (done.contains(node)) {
      return;
    }
    path.push(node);
    for (String next : graph.get(node)) {
      search(next, graph, path, done, cycles);
    }
    path.pop();
    done.add(node);
  }

  @Test
  void corePackagesFormNoCycle() {
    Map<String, Set<String>> graph = graph();

    assertThat(graph).containsKeys("dev.plimsoll.core", "dev.plimsoll.core.engine", "dev.plimsoll.core.criteria");
    assertThat(cycles(graph)).as("package cycles in %s", graph).isEmpty();
  }

  @Test
  void theApiNamesNoEngineType() {
    assertThat(graph().get("dev.plimsoll.core")).doesNotContain("dev.plimsoll.core.engine");
  }

  /** Measurements and snapshots are built from snapshots alone, so a coordinator needs nothing else. */
  @Test
  void measuredDataDependsOnNothingElseOfCore() {
    assertThat(graph().get("dev.plimsoll.core.metrics")).isEmpty();
  }

  @Test
  void criteriaJudgeMeasurementsNotResults() {
    assertThat(graph().get("dev.plimsoll.core.criteria"))
        .containsExactlyInAnyOrder("dev.plimsoll.core.metrics", "dev.plimsoll.core.units");
  }

  /** Text forms of durations, rates and sizes: every package may use them, they use nothing. */
  @Test
  void unitsDependOnNothingElseOfCore() {
    assertThat(graph().get("dev.plimsoll.core.units")).isEmpty();
  }

  /** The check itself finds a cycle when there is one. */
  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph = new TreeMap<>(Map.of(
        "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));

    assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c", "a"));
  }
}
