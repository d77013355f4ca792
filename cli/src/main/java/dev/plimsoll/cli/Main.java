package dev.plimsoll.cli;

/** The {@code plimsoll} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = PlimsollCommand.commandLine().execute(args);
    // A Ctrl-C hook may be writing the report; it ends the process itself with the right code.
    if (!RunSession.interrupted()) {
      System.exit(code);
    }
  }
}
