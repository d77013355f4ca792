package dev.plimsoll.http.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.testing.CleanRejection;
import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as a scenario file, with the HTTP driver: it loads, its dry run describes it, and it
 * opens (with a request executor that sends nothing); or it is rejected with a
 * {@link ScenarioException} whose message names the file and says what is wrong. A normal build
 * replays the seeds in {@code ScenarioFuzzTestInputs/}; {@code -Pfuzz} fuzzes (docs/fuzzing.md).
 */
class ScenarioFuzzTest {

  private static final String FILE = "fuzz.yaml";
  /** Feeders and body templates the seeds name; relative paths resolve here. */
  private static final Path FOLDER = folderWithDataFiles();
  private static final Map<String, String> ENVIRONMENT = Map.of("TOKEN", "s3cret", "RATE", "5/s");

  /** Each input within 10 s: a slow one is a finding too (a dry run must not hang). */
  @Timeout(10)
  @FuzzTest(maxDuration = "30s")
  void load(byte[] data) {
    String yaml = new String(data, StandardCharsets.UTF_8);
    ScenarioLoader loader = ScenarioLoader.create().environment(ENVIRONMENT);
    try {
      ScenarioSpec spec = loader.parse(yaml, FILE, FOLDER);
      DryRun.describe(spec);
      // Nothing is sent: the executor answers no request, and opening only prepares the steps.
      ScenarioBuilder.open(spec, HttpDriver.using((method, url, headers, body) -> null)).close();
    } catch (ScenarioException | InvalidConfigurationException e) {
      CleanRejection.check(e, yaml, ScenarioException.class, InvalidConfigurationException.class);
      if (!e.getMessage().startsWith(FILE)) {
        throw new AssertionError("a rejection that does not name the file: " + e.getMessage(), e);
      }
    }
  }

  private static Path folderWithDataFiles() {
    try {
      Path folder = Files.createTempDirectory("plimsoll-fuzz");
      folder.toFile().deleteOnExit();
      Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\nbob,b2\n");
      Files.writeString(folder.resolve("body.json"), "{\"user\":\"${users.name}\"}");
      folder.resolve("users.csv").toFile().deleteOnExit();
      folder.resolve("body.json").toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
