package dev.plimsoll.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plimsoll.core.testing.CleanRejection;
import dev.plimsoll.runner.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Any arguments to {@code plimsoll http} or {@code plimsoll run}: they parse and their dry run
 * describes the plan, or they are rejected as the command rejects them (exit 2), with a message in
 * the user's words. Each line of the input is one argument. A first line {@code run} runs a fixed
 * loopback scenario file with the other lines as options; any other input is the arguments of
 * {@code http}.
 *
 * <p>No input can start load: this test parses and describes, and never calls the commands
 * themselves. {@code @file} arguments are not expanded (they would read any file on the machine).
 * A normal build replays the seeds in {@code CommandLineFuzzTestInputs/}; {@code -Pfuzz} fuzzes
 * (docs/fuzzing.md).
 */
class CommandLineFuzzTest {

  private static final Path SCENARIO = scenarioFile();

  /** Each input within 10 s: a slow one is a finding too (a dry run must not hang). */
  @Timeout(10)
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] data) {
    List<String> lines = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n", -1));
    List<String> args = new ArrayList<>();
    if (lines.get(0).equals("run")) {
      args.add("run");
      args.add(SCENARIO.toString());
      args.addAll(lines.subList(1, lines.size()));
    } else {
      args.add("http");
      args.addAll(lines);
    }
    if (args.stream().anyMatch(a -> a.indexOf('\0') >= 0)) {
      return; // no shell can pass a NUL character in an argument
    }
    String input = String.join(" ", args);
    try {
      describe(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException | IllegalArgumentException | UserException e) {
      // What PlimsollCommand prints for exit 2, and what picocli prints before its usage text.
      CleanRejection.check(e, input,
          CommandLine.ParameterException.class, IllegalArgumentException.class, UserException.class);
    }
  }

  /** What {@code --dry-run} does for these arguments, whether or not they include it. */
  private static void describe(String[] args) {
    CommandLine cl = PlimsollCommand.commandLine();
    cl.setExpandAtFiles(false);
    ParseResult parsed = cl.parseArgs(args).subcommand();
    if (parsed == null || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
      return;
    }
    Object command = parsed.commandSpec().userObject();
    Runner.Builder runner = command instanceof RunCommand run
        ? run.runner().environment(Map.of())
        : Runner.forSpec(((HttpCommand) command).spec());
    runner.build().describe();
  }

  private static Path scenarioFile() {
    try {
      Path file = Files.createTempFile("plimsoll-fuzz", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, """
          name: fuzz
          target: http://127.0.0.1:18080
          duration: 10s
          workloads:
            - name: visitors
              open: { rate: 5/s }
              mix:
                - name: home
                  request: { url: / }
          criteria: [ "p95 < 100ms" ]
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
