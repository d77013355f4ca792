package dev.plimsoll.results.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader, or a crash, never sees half of one: the content goes to a
 * temporary file in the same directory (so the move stays on one file system), is forced to disk,
 * and is then moved over the target in one step.
 *
 * <p>Not API: public only so that the report module writes its files the same way as the result
 * file. It may change without notice.
 */
public final class AtomicFiles {

  /** What goes into the file, written onto a stream the writer neither needs nor gets to close. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code content} to {@code target}, creating missing parent directories. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        content.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
          }

          @Override
          public void close() throws IOException {
            // The channel must stay open until it is forced below.
            flush();
          }
        });
        out.flush();
        // Without this, a power loss after the move can leave the new name pointing at nothing.
        channel.force(true);
      }
      move(temp, absolute);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Some file systems cannot; replacing is the best left, and still never leaves a partial
      // file under the target's name on the usual local file systems.
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
