package dev.plimsoll.results;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The result file of a run, {@value #FILE_NAME}: {@link ResultJson}'s text, written so that no
 * reader and no crash ever sees half of it.
 *
 * <p>Problems with the content are {@link IllegalArgumentException}s whose message names the file
 * and, where it can, the field; problems reaching the file are {@link IOException}s.
 */
public final class ResultFiles {

  /** The name a run's result file has in its directory. */
  public static final String FILE_NAME = "result.json";

  private ResultFiles() {}

  /**
   * Writes {@code result} to {@code file} atomically: readers see the old file or the whole new
   * one, never a part. Missing parent directories are created.
   *
   * @return {@code file}
   */
  public static Path write(RunResult result, Path file) throws IOException {
    AtomicFiles.write(file, out -> ResultJson.write(result, out));
    return file;
  }

  /**
   * Reads a result file.
   *
   * @throws IllegalArgumentException if the file is not a result file this version can read; the
   *     message names the file and, where it can, the field
   * @throws IOException if the file cannot be read
   */
  public static RunResult read(Path file) throws IOException {
    return ResultJson.fromJson(Files.readAllBytes(file), file.toString());
  }
}
