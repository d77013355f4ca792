package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (a real SIGINT to a real process) stops the run, writes the result, and exits 3. */
class CtrlCTest {

  @Test
  void interruptedRunStillWritesItsResult(@TempDir Path dir) throws Exception {
    InheritedSignals.assumeSigintDelivered();
    Path out = dir.resolve("run");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath == null) {
      command.add(Main.class.getName());
    } else {
      // The tests run inside the module: so does the command, launched as a module.
      command.addAll(List.of("--module-path", modulePath, "-m", Main.class.getModule().getName() + "/" + Main.class.getName()));
    }
    command.addAll(List.of("demo", "--duration", "60s", "--no-progress", "--out", out.toString()));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("output.txt").toFile())
        .start();
    try {
      // Wait until the run has started (its first line), then a little more.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && !Files.readString(dir.resolve("output.txt")).contains("plimsoll: running")) {
        Thread.sleep(100);
      }
      Thread.sleep(2500);
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("process ended after SIGINT").isTrue();
      String output = Files.readString(dir.resolve("output.txt"));
      assertThat(p.exitValue()).as(output).isEqualTo(3);
      assertThat(output).contains("ABORTED").contains("interrupted (Ctrl-C)");
      assertThat(out.resolve("result.json")).isRegularFile();
      assertThat(Files.readString(out.resolve("result.json"))).contains("\"ABORTED\"");
    } finally {
      p.destroyForcibly();
    }
  }
}
