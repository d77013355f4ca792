package dev.plimsoll.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of one module refer to which, read from its sources: imports and fully qualified
 * names, Javadoc included, since a link upward is a dependency a reader follows too. Each module's
 * package test builds one with {@link #ofSources} and checks {@link #cycles()} and its own layering
 * rules, so that a module can export its API packages alone and each layer can be understood without
 * the ones above it.
 *
 * <p>Shared through the core's test jar ({@code plimsoll-core}, type {@code test-jar}, scope test).
 */
public final class PackageGraph {

  /** A module's main sources, relative to the module's folder, where Maven runs its tests. */
  public static final Path MAIN_SOURCES = Path.of("src/main/java");

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([a-z.]+);", Pattern.MULTILINE);
  /** A reference to a type of Plimsoll's: the package is everything before the first capital. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.plimsoll(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  private final Map<String, Set<String>> uses;

  private PackageGraph(Map<String, Set<String>> uses) {
    Map<String, Set<String>> copy = new TreeMap<>();
    uses.forEach((pkg, used) -> {
      Set<String> within = new TreeSet<>(used);
      within.retainAll(uses.keySet());
      within.remove(pkg);
      copy.put(pkg, Collections.unmodifiableSet(within));
    });
    this.uses = Collections.unmodifiableMap(copy);
  }

  /** The graph of the module whose main sources are under {@link #MAIN_SOURCES}. */
  public static PackageGraph ofMainSources() {
    return ofSources(MAIN_SOURCES);
  }

  /**
   * The packages declared under {@code root} and the others among them each refers to; references
   * to packages of other modules are left out.
   *
   * @throws IllegalStateException for a source file without a package declaration
   */
  public static PackageGraph ofSources(Path root) {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      // The module declaration names packages too, but belongs to none.
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java")).sorted()
          .toList()) {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) {
          throw new IllegalStateException("no package declaration in " + file);
        }
        Set<String> used = uses.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
        Matcher ref = REFERENCE.matcher(text);
        while (ref.find()) {
          used.add(ref.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PackageGraph(uses);
  }

  /** A graph given as package to the packages it uses, to test the checks themselves. */
  public static PackageGraph of(Map<String, Set<String>> uses) {
    return new PackageGraph(uses);
  }

  /** Every package, to the other packages of the graph it refers to, in name order. */
  public Map<String, Set<String>> uses() {
    return uses;
  }

  /** The other packages of the graph that {@code pkg} refers to. */
  public Set<String> uses(String pkg) {
    Set<String> used = uses.get(pkg);
    if (used == null) {
      throw new IllegalArgumentException("no package " + pkg + " in " + uses.keySet());
    }
    return used;
  }

  /** Every cycle a depth-first search meets, each as the path that closes it: {@code [a, b, a]}. */
  public List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : uses.keySet()) {
      search(start, new ArrayDeque<>(), done, cycles);
    }
    return cycles;
  }

  private void search(String node, Deque<String> path, Set<String> done, List<List<String>> cycles) {
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
    for (String next : uses.get(node)) {
      search(next, path, done, cycles);
    }
    path.pop();
    done.add(node);
  }

  @Override
  public String toString() {
    return uses.toString();
  }
}
