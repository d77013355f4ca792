package dev.plimsoll.cli;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process was started with SIGINT ignored, as a job started in the background by a
 * shell without job control (`mvn verify &` in a script) or under nohup is: a child inherits that,
 * the JVM then installs no handler of its own, and Ctrl-C cannot reach the command under test —
 * as it could not reach any program started so. Tests of Ctrl-C are skipped then, saying why.
 */
final class InheritedSignals {
  private static final int SIGINT = 2;

  private InheritedSignals() {}

  static void assumeSigintDelivered() {
    assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (started in the background or under nohup),"
        + " so a child cannot be interrupted: run the tests in the foreground");
  }

  /** Reads the ignored-signals mask of /proc/self/status; false where there is none. */
  static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
          return (mask & (1L << (SIGINT - 1))) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or no such line: assume signals arrive.
    }
    return false;
  }
}
