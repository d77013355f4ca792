/**
 * A run's live metrics for Prometheus: {@link dev.plimsoll.prometheus.PrometheusEndpoint}, a run
 * listener that serves them over HTTP with the official Prometheus Java client while the run goes.
 */
// The Prometheus client's jars have no module descriptors; they are automatic modules by the names
// their manifests give.
@SuppressWarnings("requires-automatic")
module dev.plimsoll.prometheus {
  requires transitive dev.plimsoll.core;
  requires io.prometheus.metrics.model;
  requires io.prometheus.metrics.exporter.httpserver;

  exports dev.plimsoll.prometheus;
}
