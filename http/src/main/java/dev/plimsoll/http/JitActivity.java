package dev.plimsoll.http;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much the JIT is compiling: the CPU time of the JVM's compiler threads, read from Linux's
 * {@code /proc/self/task/*}/{@code schedstat} (nanoseconds). Elsewhere, the JIT's own total
 * compilation time, which moves only when a compilation ends, so a long one looks like quiet.
 *
 * <p>Compiler threads are hidden from {@code ThreadMXBean}, hence /proc.
 */
final class JitActivity {
  private static final Path TASKS = Path.of("/proc/self/task");

  private JitActivity() {}

  /** A counter that grows with the JIT's work, in nanoseconds; comparable only with itself. */
  static long workNanos() {
    long fromProc = compilerThreadsCpuNanos();
    if (fromProc >= 0) {
      return fromProc;
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return 0;
    }
    return jit.getTotalCompilationTime() * 1_000_000;
  }

  /** The compiler threads' CPU time in nanoseconds, or -1 when /proc cannot tell. */
  private static long compilerThreadsCpuNanos() {
    if (!Files.isDirectory(TASKS)) {
      return -1;
    }
    long total = 0;
    boolean found = false;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String name = read(task.resolve("comm"));
        if (name != null && name.contains("CompilerThre")) {
          String schedstat = read(task.resolve("schedstat"));
          if (schedstat != null && !schedstat.isBlank()) {
            total += Long.parseLong(schedstat.trim().split("\\s+")[0]);
            found = true;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return found ? total : -1;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return null; // a thread that ended meanwhile
    }
  }
}
