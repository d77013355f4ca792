/**
 * The {@code plimsoll} command: parses arguments, calls the runner and maps the outcome to an exit
 * code. It exports nothing; the shaded jar ({@code plimsoll-cli.jar}) runs it from the class path.
 */
module dev.plimsoll.cli {
  requires dev.plimsoll.core;
  requires dev.plimsoll.results;
  requires dev.plimsoll.report;
  requires dev.plimsoll.scenario;
  requires dev.plimsoll.http;
  requires dev.plimsoll.runner;
  requires dev.plimsoll.sim;
  requires dev.plimsoll.cluster;
  requires dev.plimsoll.prometheus;
  requires dev.plimsoll.dashboard;
  requires dev.plimsoll.report.html;
  requires dev.plimsoll.examples;
  requires info.picocli;

  // picocli reads and sets the annotated fields of the command classes.
  opens dev.plimsoll.cli to info.picocli;
}
