package dev.plimsoll.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the plimsoll command in-process, as a shell would, and captures what it prints. */
final class CliRunner {
  private CliRunner() {}

  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    StringWriter help = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = PlimsollCommand.commandLine();
      cl.setErr(new PrintWriter(err, true));
      cl.setOut(new PrintWriter(help, true));
      int code = cl.execute(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8) + help, err.toString());
    } finally {
      System.setOut(originalOut);
    }
  }
}
