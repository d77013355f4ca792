package dev.plimsoll.cli;

/** The {@code plimsoll} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // After a Ctrl-C the command never returns here: the runner's shutdown hook reports and halts.
    System.exit(PlimsollCommand.commandLine().execute(args));
  }
}
