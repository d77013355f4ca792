/**
 * Plimsoll's core: the API to describe and run a load test ({@link dev.plimsoll.core.Plimsoll},
 * {@link dev.plimsoll.core.Scenario}), the criteria that judge it, the measured data and the result.
 * The engine ({@code dev.plimsoll.core.engine}) and the system probes ({@code dev.plimsoll.core.system})
 * stay inside: the API finds the engine through {@link dev.plimsoll.core.EngineProvider}.
 */
// HdrHistogram 2.2.2 has no module name of its own, so it is the automatic module HdrHistogram; the API
// hands out its histograms (LatencyDistribution), hence transitive.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.plimsoll.core {
  requires transitive HdrHistogram;
  requires org.slf4j;
  requires java.management;
  // The extended OperatingSystemMXBean: process CPU time and load.
  requires jdk.management;

  exports dev.plimsoll.core;
  exports dev.plimsoll.core.criteria;
  exports dev.plimsoll.core.metrics;
  exports dev.plimsoll.core.result;
  exports dev.plimsoll.core.text;
  exports dev.plimsoll.core.units;

  uses dev.plimsoll.core.EngineProvider;

  provides dev.plimsoll.core.EngineProvider with dev.plimsoll.core.engine.DefaultEngineProvider;
}
