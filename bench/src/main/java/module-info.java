/**
 * Plimsoll's benchmarks: JMH benchmarks and whole-program mains, run from the shaded jar
 * ({@code bench/run.sh}), so on the class path. It exports nothing.
 */
// jmh-core 1.37 and HdrHistogram 2.2.2 have no module names of their own: they are the automatic modules
// jmh.core and HdrHistogram, named after their jar files.
@SuppressWarnings("requires-automatic")
module dev.plimsoll.bench {
  requires dev.plimsoll.core;
  requires dev.plimsoll.report.html;
  // The wire form of an interval, for ClusterMergeBench.
  requires dev.plimsoll.results;
  // The coordinator's path for each worker's interval (serializer, codec, merger), for ClusterMergeBench.
  requires dev.plimsoll.cluster;
  requires pekko.actor;
  requires pekko.actor.typed;
  requires jmh.core;
  requires java.management;
  // The extended memory and thread MXBeans.
  requires jdk.management;
}
