package dev.plimsoll.runner;

import dev.plimsoll.core.result.RunResult;
import java.nio.file.Path;

/** The run completed but its result files could not be written; the result itself is kept here. */
public final class ResultsNotWrittenException extends RuntimeException {
  private final transient RunResult result;
  private final transient Path directory;

  ResultsNotWrittenException(RunResult result, Path directory, Exception cause) {
    super("could not write results to " + directory + ": " + cause.getMessage(), cause);
    this.result = result;
    this.directory = directory;
  }

  /** The run's complete result. */
  public RunResult result() {
    return result;
  }

  /** Where the files should have gone. */
  public Path directory() {
    return directory;
  }
}
