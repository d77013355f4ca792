package dev.plimsoll.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** Where a run's result files go. */
final class OutputOptions {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory for result.json and report.md (default: plimsoll-results/<name>-<timestamp>).")
  Path out;

  @Option(names = "--no-progress", description = "Do not show live progress.")
  boolean noProgress;

  Path directoryFor(String scenarioName) {
    if (out != null) {
      return out;
    }
    String safe = scenarioName.replaceAll("[^A-Za-z0-9_.-]", "-");
    return Path.of("plimsoll-results", safe + "-" + LocalDateTime.now().format(STAMP));
  }
}
