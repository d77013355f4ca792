package dev.plimsoll.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The plimsoll command as a real process of its own, for what only a process meets: signals, kill -9. */
final class CliProcess implements AutoCloseable {
  private final Process process;
  private final Path output;

  private CliProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code plimsoll args...}; stdout and stderr go together to {@code output}. */
  static CliProcess start(Path output, String... args) throws IOException {
    return startIn(null, output, args);
  }

  /** As {@link #start}, in the working directory {@code directory} (null: this one). */
  static CliProcess startIn(Path directory, Path output, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath == null) {
      command.add(Main.class.getName());
    } else {
      // The tests run inside the module: so does the command, launched as a module.
      command.addAll(List.of("--module-path", modulePath, "-m", Main.class.getModule().getName() + "/" + Main.class.getName()));
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process p = builder.start();
    return new CliProcess(p, output);
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  /** Waits (at most {@code seconds}) until {@code condition} holds; whether it did. */
  static boolean await(int seconds, Check condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.holds();
  }

  boolean awaitOutput(int seconds, Predicate<String> condition) throws Exception {
    return await(seconds, () -> condition.test(output()));
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  void signal(String name) throws Exception {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }

  boolean waitFor(int seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  int exitValue() {
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
