package dev.plimsoll.cluster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario file as shipped to workers: its text, the files it reads (feeders, bodies) by their
 * path relative to it, and the settings that override it ({@code PLIMSOLL_*} variables, which the
 * coordinator's command-line options and environment were folded into), so that every worker reads
 * exactly the scenario the coordinator did.
 *
 * @param scenarioName the scenario file's name
 * @param scenario the scenario file's bytes
 * @param files other files the scenario names, by path relative to the scenario's directory
 * @param settings {@code PLIMSOLL_*} variables, the workers' only overrides
 */
public record ScenarioBundle(String scenarioName, byte[] scenario, Map<String, byte[]> files,
    Map<String, String> settings) {

  /** More than this in all is not shipped: a scenario's data belong on the workers already. */
  public static final long MAX_BYTES = 64L << 20;

  /** Quoted or bare words in a scenario file that may name a file beside it. */
  private static final Pattern WORD = Pattern.compile("[\\w./-]+");

  public ScenarioBundle {
    Objects.requireNonNull(scenarioName, "scenarioName");
    scenario = scenario.clone();
    files = Map.copyOf(new TreeMap<>(files));
    settings = Map.copyOf(new TreeMap<>(settings));
  }

  /**
   * Bundles {@code scenarioFile} with every file under its directory that its text names (a
   * feeder's {@code file:}, a body's {@code file:}): a name that is a regular file inside the
   * scenario's directory or below is shipped, anything else is left for the scenario's own check
   * to report on the worker.
   *
   * @throws IllegalArgumentException if the files come to more than {@link #MAX_BYTES}
   */
  public static ScenarioBundle of(Path scenarioFile, Map<String, String> settings) {
    try {
      byte[] text = Files.readAllBytes(scenarioFile);
      Path base = scenarioFile.toAbsolutePath().normalize().getParent();
      Map<String, byte[]> files = new LinkedHashMap<>();
      long total = text.length;
      Matcher m = WORD.matcher(new String(text, java.nio.charset.StandardCharsets.UTF_8));
      while (m.find()) {
        String word = m.group();
        Path candidate = base.resolve(word).normalize();
        if (files.containsKey(word) || !candidate.startsWith(base) || candidate.equals(scenarioFile.toAbsolutePath().normalize())
            || !Files.isRegularFile(candidate)) {
          continue;
        }
        byte[] content = Files.readAllBytes(candidate);
        total += content.length;
        if (total > MAX_BYTES) {
          throw new IllegalArgumentException("the scenario's files come to more than " + (MAX_BYTES >> 20)
              + " MB: put them on every worker instead");
        }
        files.put(base.relativize(candidate).toString(), content);
      }
      return new ScenarioBundle(scenarioFile.getFileName().toString(), text, files, settings);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + scenarioFile, e);
    }
  }

  /**
   * Writes the scenario and its files under {@code directory} and returns the scenario's path.
   * Names that would leave the directory are refused: a coordinator cannot write elsewhere.
   */
  public Path writeTo(Path directory) throws IOException {
    Path base = directory.toAbsolutePath().normalize();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(inside(base, f.getKey()), f.getValue());
    }
    Path file = inside(base, scenarioName);
    Files.write(file, scenario);
    return file;
  }

  private static Path inside(Path base, String relative) throws IOException {
    Path p = base.resolve(relative).normalize();
    if (!p.startsWith(base) || p.equals(base)) {
      throw new IOException("refusing to write '" + relative + "' outside " + base);
    }
    Files.createDirectories(p.getParent());
    return p;
  }

  @Override
  public byte[] scenario() {
    return scenario.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScenarioBundle b) || !scenarioName.equals(b.scenarioName) || !Arrays.equals(scenario, b.scenario)
        || !settings.equals(b.settings) || !files.keySet().equals(b.files.keySet())) {
      return false;
    }
    return files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.files.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenarioName, Arrays.hashCode(scenario), files.keySet(), settings);
  }

  @Override
  public String toString() {
    return "ScenarioBundle[" + scenarioName + ", " + files.size() + " files]";
  }
}
