package dev.plimsoll.report;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.results.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** Writes the report files of a run into its directory, through the {@link Reporter}s found. */
public final class Reports {

  /**
   * The name that picks the result file in {@link #select}: accepted so that a list of reports can
   * name every file, though {@value ResultFiles#FILE_NAME} is always written, being the record
   * every report is rendered from.
   */
  public static final String RESULT = "json";

  /** Shorter names users write for reporters, and the reporter's own name. */
  private static final Map<String, String> ALIASES = Map.of("md", MarkdownReport.NAME);

  private Reports() {}

  /**
   * The reporters named in {@code names}, among {@link #reporters()}, ordered by name: a reporter's
   * {@link Reporter#name()}, {@code md} for {@code markdown}, or {@value #RESULT} for the result
   * file, which picks no reporter since the result file is always written. Names are
   * case-insensitive and may repeat.
   *
   * @throws IllegalArgumentException naming the unknown name and listing the known ones
   */
  public static List<Reporter> select(Collection<String> names) {
    List<Reporter> found = reporters();
    Map<String, Reporter> byName = new LinkedHashMap<>();
    found.forEach(r -> byName.put(r.name(), r));
    List<Reporter> chosen = new ArrayList<>();
    for (String given : names) {
      String name = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
      name = ALIASES.getOrDefault(name, name);
      if (name.equals(RESULT)) {
        continue;
      }
      Reporter reporter = byName.get(name);
      if (reporter == null) {
        throw new IllegalArgumentException("unknown report '" + given + "'; known: " + String.join(", ", knownNames(found)));
      }
      if (!chosen.contains(reporter)) {
        chosen.add(reporter);
      }
    }
    chosen.sort(Comparator.comparing(Reporter::name));
    return List.copyOf(chosen);
  }

  /** Every name {@link #select} accepts, sorted: the reporters', their aliases and {@value #RESULT}. */
  public static List<String> knownNames() {
    return knownNames(reporters());
  }

  private static List<String> knownNames(List<Reporter> found) {
    List<String> known = new ArrayList<>();
    known.add(RESULT);
    for (Reporter reporter : found) {
      known.add(reporter.name());
      ALIASES.forEach((alias, name) -> {
        if (name.equals(reporter.name())) {
          known.add(alias);
        }
      });
    }
    known.sort(Comparator.naturalOrder());
    return List.copyOf(known);
  }

  /**
   * The reporters on the class path (those listed in {@code META-INF/services}), ordered by name.
   *
   * @throws IllegalStateException if two share a name or a file name, or a file name is not a
   *     plain one
   */
  public static List<Reporter> reporters() {
    List<Reporter> found = new ArrayList<>();
    ServiceLoader.load(Reporter.class).forEach(found::add);
    found.sort(Comparator.comparing(Reporter::name));
    checkDistinct(found);
    return List.copyOf(found);
  }

  /**
   * Writes {@value ResultFiles#FILE_NAME}, then the file of every reporter in {@link #reporters()},
   * into {@code directory}, creating it if needed. The result file comes first: it is the record
   * every report can be rendered from again.
   *
   * @return the files written, the result file first
   * @throws IOException if a file could not be written; see {@link #write}
   */
  public static List<Path> writeAll(RunResult result, Path directory) throws IOException {
    return writeAll(result, directory, reporters());
  }

  /**
   * As {@link #writeAll(RunResult, Path)}, with only {@code reporters} (see {@link #select}): the
   * result file is written all the same.
   */
  public static List<Path> writeAll(RunResult result, Path directory, List<Reporter> reporters)
      throws IOException {
    List<Path> written = new ArrayList<>();
    written.add(ResultFiles.write(result, directory.resolve(ResultFiles.FILE_NAME)));
    written.addAll(write(result, directory, reporters));
    return written;
  }

  /**
   * Writes the file of each of {@code reporters} into {@code directory}, creating it if needed,
   * each atomically; reporters without a file name are left out. One reporter failing does not
   * keep the others from writing their files.
   *
   * @return the files written, in the order of {@code reporters}
   * @throws IOException if any reporter failed, naming each failure; the files of the others are
   *     written
   * @throws IllegalStateException if two reporters share a name or a file name, or a file name is
   *     not a plain one
   */
  public static List<Path> write(RunResult result, Path directory, List<Reporter> reporters)
      throws IOException {
    checkDistinct(reporters);
    List<Path> written = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (Reporter reporter : reporters) {
      if (reporter.fileName().isEmpty()) {
        continue;
      }
      Path file = directory.resolve(reporter.fileName().get());
      try {
        AtomicFiles.write(file, out -> reporter.write(result, out));
        written.add(file);
      } catch (IOException | RuntimeException e) {
        // A broken reporter, perhaps a third party's, must not cost the user the other reports.
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      IOException failure = new IOException(failures.size() + " of the reports could not be"
          + " written: " + String.join("; ", failures.stream().map(Exception::toString).toList()));
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
    return written;
  }

  /** Names pick reporters and file names address them, so each must be unique. */
  private static void checkDistinct(List<Reporter> reporters) {
    Map<String, Reporter> byName = new HashMap<>();
    // The result file's name is taken: a report must never overwrite the record.
    Map<String, String> byFile = new HashMap<>(Map.of(ResultFiles.FILE_NAME, "the result file"));
    for (Reporter reporter : reporters) {
      Reporter sameName = byName.putIfAbsent(reporter.name(), reporter);
      if (sameName != null) {
        throw new IllegalStateException("reporters " + sameName.getClass().getName() + " and "
            + reporter.getClass().getName() + " are both named '" + reporter.name() + "'");
      }
      if (reporter.fileName().isEmpty()) {
        continue;
      }
      String file = reporter.fileName().get();
      if (!isPlainFileName(file)) {
        throw new IllegalStateException("reporter '" + reporter.name() + "' has file name '"
            + file + "'; expected a plain file name such as report.md");
      }
      String sameFile = byFile.putIfAbsent(file, "reporter '" + reporter.name() + "'");
      if (sameFile != null) {
        throw new IllegalStateException(sameFile + " and reporter '" + reporter.name()
            + "' both write " + file);
      }
    }
  }

  private static boolean isPlainFileName(String name) {
    return !name.isBlank() && !name.equals(".") && !name.equals("..")
        && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
  }
}
