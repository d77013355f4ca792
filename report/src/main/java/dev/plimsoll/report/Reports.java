package dev.plimsoll.report;

import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the standard set of report files of a run into one directory. */
public final class Reports {

  /** The name {@link #writeAll} gives the Markdown report. */
  public static final String MARKDOWN_FILE_NAME = "report.md";

  private Reports() {}

  /**
   * Writes {@value ResultJson#FILE_NAME} and {@value #MARKDOWN_FILE_NAME} into {@code directory},
   * creating it if needed, each atomically. The JSON comes first: it is the record every other
   * report can be rebuilt from.
   *
   * @return {@code directory}
   */
  public static Path writeAll(RunResult result, Path directory) throws IOException {
    Files.createDirectories(directory);
    ResultJson.write(result, directory.resolve(ResultJson.FILE_NAME));
    AtomicFiles.write(directory.resolve(MARKDOWN_FILE_NAME),
        MarkdownReport.render(result).getBytes(StandardCharsets.UTF_8));
    return directory;
  }
}
