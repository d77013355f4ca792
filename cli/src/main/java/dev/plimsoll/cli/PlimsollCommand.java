package dev.plimsoll.cli;

import dev.plimsoll.core.text.Secrets;
import dev.plimsoll.core.text.TerminalText;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; the work is in its subcommands. */
@Command(
    name = "plimsoll",
    mixinStandardHelpOptions = true,
    versionProvider = PlimsollCommand.Version.class,
    description = "Puts a precisely shaped load on a system, measures truthfully, and says whether it stayed within its limits.",
    subcommands = {DemoCommand.class, ExampleCommand.class, RunCommand.class, HttpCommand.class, SimCommand.class,
        ReportCommand.class, WorkerCommand.class, CertsCommand.class, CommandLine.HelpCommand.class},
    footer = {
        "",
        "Exit codes:",
        "  " + ExitCodes.PASSED + "  every criterion passed, or the run completed with no criteria",
        "  " + ExitCodes.FAILED + "  a criterion failed, or no operation succeeded",
        "  " + ExitCodes.USAGE + "  usage or configuration error",
        "  " + ExitCodes.ABORTED + "  aborted or internal error"
    })
final class PlimsollCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command (try: plimsoll demo)");
  }

  /** A command line with Plimsoll's converters, exit codes and error handling. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new PlimsollCommand());
    cl.registerConverter(java.time.Duration.class, new DurationConverter());
    cl.setExecutionExceptionHandler(PlimsollCommand::handle);
    cl.setParameterExceptionHandler(PlimsollCommand::badArguments);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * A bad argument gets one line and where to read more (exit 2), not the whole usage text,
   * which would bury the line that says what is wrong.
   */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("plimsoll: " + shown(e.getMessage()));
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      unmatched.printSuggestions(err); // "Possible solutions: --rate"
    }
    err.println("(" + cl.getCommandSpec().qualifiedName() + " --help shows every option)");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Bad configuration is the user's to fix (exit 2, one line); anything else is ours (exit 3). */
  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof ScenarioException s) {
      err.println("plimsoll: " + CommandLineNames.message(s));
      err.flush();
      return ExitCodes.USAGE;
    }
    if (e instanceof InvalidConfigurationException || e instanceof IllegalArgumentException || e instanceof UserException) {
      err.println("plimsoll: " + shown(e.getMessage()));
      err.flush();
      return ExitCodes.USAGE;
    }
    err.println("plimsoll: internal error: " + shown(e.toString()));
    if (System.getenv("PLIMSOLL_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set PLIMSOLL_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return ExitCodes.ABORTED;
  }

  /** A message as it may be printed: secrets masked, control characters escaped. */
  private static String shown(String message) {
    return TerminalText.escape(Secrets.redactText(message));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"plimsoll " + Plimsoll.version() + " (Java " + Runtime.version() + ")"};
    }
  }
}
