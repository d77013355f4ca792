package dev.plimsoll.examples.support;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line of an example's own {@code main}: the same options {@code plimsoll example NAME}
 * takes, and the same contract (a bad option is one line on standard error and exit 2; a failed
 * run exits 1).
 */
public final class ExampleCommandLine {
  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private ExampleCommandLine() {}

  public static CommandLine of(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setParameterExceptionHandler(ExampleCommandLine::badArguments);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        line.getErr().println(line.getCommandName() + ": " + e.getMessage());
        line.getErr().flush();
        return USAGE;
      }
      throw e;
    });
    return cl;
  }

  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    String name = e.getCommandLine().getCommandName();
    err.println(name + ": " + e.getMessage());
    err.println("(" + name + " --help shows every option)");
    err.flush();
    return USAGE;
  }
}
