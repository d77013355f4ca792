package dev.plimsoll.runner;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before a run sends anything, that its result files will have somewhere to go. */
final class ResultsFolder {
  private ResultsFolder() {}

  /**
   * Without changing anything (for a dry run): the folder is a writable folder, or the nearest
   * part of its path that exists is one it could be created in.
   */
  static void check(Path folder) {
    Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return; // no part of it exists, not even a root: creating it will say why
    }
    boolean itself = existing.equals(folder.toAbsolutePath().normalize());
    if (!Files.isDirectory(existing)) {
      throw new ResultsFolderException(folder, itself ? "is a file, not a folder"
          : "cannot be created: " + existing + " is a file, not a folder");
    }
    if (!Files.isWritable(existing)) {
      throw new ResultsFolderException(folder, itself ? "is not writable" : "cannot be created: " + existing + " is not writable");
    }
  }

  /** Creates the folder if needed and writes and deletes a file in it, the surest test there is. */
  static void prepare(Path folder) {
    check(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new ResultsFolderException(folder, "cannot be created: " + reason(e));
    }
    try {
      Path probe = Files.createTempFile(folder, ".plimsoll-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new ResultsFolderException(folder, "is not writable: " + reason(e));
    }
  }

  /** The reason alone: the exception's message repeats the path, which the caller already names. */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
