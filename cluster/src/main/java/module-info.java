/**
 * Scale out: a {@link dev.plimsoll.cluster.Coordinator} and {@link dev.plimsoll.cluster.Worker}s on
 * Apache Pekko Cluster. Each worker runs an exact segment of every workload and sends its interval
 * snapshots to the coordinator, which merges them and feeds the run's usual listeners, criteria and
 * reports.
 */
// Pekko, Scala and Typesafe Config have no module descriptors: they are automatic modules.
// The qualified export names bench, which depends on this module and so is not seen while compiling it.
@SuppressWarnings({"requires-automatic", "module"})
module dev.plimsoll.cluster {
  requires transitive dev.plimsoll.runner;
  requires dev.plimsoll.results;
  requires com.fasterxml.jackson.databind;
  requires pekko.actor;
  requires pekko.actor.typed;
  requires pekko.cluster;
  requires pekko.cluster.typed;
  requires pekko.remote;
  requires java.naming;
  requires scala.library;
  requires typesafe.config;
  requires org.slf4j;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;

  exports dev.plimsoll.cluster;
  // Pekko creates the serializer and the TLS engine provider by reflection; the benchmarks run the
  // coordinator's merge path.
  exports dev.plimsoll.cluster.internal to pekko.actor, dev.plimsoll.bench;
}
