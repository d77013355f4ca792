/**
 * One way to run anything: {@link dev.plimsoll.runner.Runner} runs a scenario built in Java, a
 * scenario file or a parsed spec, with the drivers found on the module or class path, listeners and
 * reports attached, and stop and signal handling.
 */
module dev.plimsoll.runner {
  requires transitive dev.plimsoll.core;
  requires transitive dev.plimsoll.scenario;
  requires dev.plimsoll.report;
  requires dev.plimsoll.results;
  // sun.misc.Signal: Ctrl-C and SIGTERM told apart, and a second Ctrl-C caught (SignalStop).
  requires jdk.unsupported;
  // The limit on open files, checked against the connections a run asks for (Preflight).
  requires java.management;
  requires jdk.management;
  requires org.slf4j;

  exports dev.plimsoll.runner;
}
