/**
 * One way to run anything: {@link dev.plimsoll.runner.Runner} runs a scenario built in Java, a
 * scenario file or a parsed spec, with the drivers found on the module or class path, listeners and
 * reports attached, and stop and signal handling.
 */
module dev.plimsoll.runner {
  requires transitive dev.plimsoll.core;
  requires transitive dev.plimsoll.scenario;
  requires dev.plimsoll.report;
  requires org.slf4j;

  exports dev.plimsoll.runner;
}
