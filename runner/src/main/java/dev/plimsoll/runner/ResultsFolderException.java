package dev.plimsoll.runner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder a run's result files go to cannot be created or written, found before anything is
 * sent, so that a run's results are never lost at its end for want of a place to put them.
 */
public final class ResultsFolderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path folder;
  private final String problem;

  ResultsFolderException(Path folder, String problem) {
    super("results folder " + folder + ": " + problem);
    this.folder = Objects.requireNonNull(folder, "folder");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The folder as it was given. */
  public Path folder() {
    return folder;
  }

  /** What is wrong with it, without the folder: {@code cannot be created: /data is not writable}. */
  public String problem() {
    return problem;
  }
}
