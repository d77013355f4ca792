/**
 * Simulated clusters: many nodes in one process running a protocol over a simulated network with
 * faults, in real time or deterministically on virtual time, measured as an ordinary Plimsoll run
 * ({@link dev.plimsoll.sim.Simulation}).
 */
module dev.plimsoll.sim {
  requires transitive dev.plimsoll.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.plimsoll.sim;
}
