package dev.plimsoll.prometheus;

import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Serves a run's live metrics to Prometheus, at {@code http://HOST:PORT/metrics}, while the run
 * goes: a {@link RunListener} that takes every interval's snapshot in, and the official Prometheus
 * Java client's HTTP server that gives them out. The metrics and their names are listed in
 * {@code docs/outputs.md}; {@code docs/grafana-dashboard.json} shows them.
 *
 * <pre>{@code
 * try (PrometheusEndpoint prometheus = PrometheusEndpoint.start(PrometheusAddress.parse("9400"))) {
 *   RunResult result = Runner.forScenario(scenario).listener(prometheus).build().run();
 * }
 * }</pre>
 *
 * <p>The server starts at once, so a port already taken fails before the run; it stops when the
 * run completes (or when closed, whichever is first), so that no open connection keeps the process
 * alive. An endpoint serves one run.
 */
public final class PrometheusEndpoint implements RunListener, AutoCloseable {
  private final HTTPServer server;
  private final InetSocketAddress address;
  /** Replaced when a run starts; written on the engine's collector thread, read by scrapes. */
  private volatile RunMetrics metrics = new RunMetrics("");

  private PrometheusEndpoint(PrometheusAddress address) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new RunCollector(() -> metrics.latest()));
    this.server = HTTPServer.builder().hostname(address.host()).port(address.port()).registry(registry)
        .buildAndStart();
    this.address = new InetSocketAddress(address.host(), server.getPort());
  }

  /**
   * Starts serving at {@code address}; port 0 picks a free port ({@link #port()} says which).
   *
   * @throws UncheckedIOException if the server cannot listen there (the port is taken, say)
   */
  public static PrometheusEndpoint start(PrometheusAddress address) {
    Objects.requireNonNull(address, "address");
    try {
      return new PrometheusEndpoint(address);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve Prometheus metrics at " + address + ": " + e.getMessage(), e);
    }
  }

  /** The port the metrics are served on. */
  public int port() {
    return server.getPort();
  }

  /** Where the metrics are served: {@code http://127.0.0.1:9400/metrics}. */
  public String url() {
    String host = address.getHostString();
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port() + "/metrics";
  }

  @Override
  public void runStarted(ScenarioDescription scenario, Instant startTime) {
    // A run starts from zero, under its own name.
    metrics = new RunMetrics(scenario == null || scenario.name() == null ? "" : scenario.name());
  }

  @Override
  public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
    metrics.add(interval, progress);
  }

  @Override
  public void runCompleted(RunResult result) {
    close();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
