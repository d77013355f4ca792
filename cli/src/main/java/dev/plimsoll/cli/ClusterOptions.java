package dev.plimsoll.cli;

import dev.plimsoll.cluster.ClusterAddress;
import dev.plimsoll.cluster.Coordinator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --workers}, {@code --cluster} and the TLS options of {@code plimsoll run} on a cluster. */
final class ClusterOptions {

  @Option(names = "--workers", paramLabel = "N",
      description = "Split the load among N workers (plimsoll worker --join HOST:PORT), coordinated from here.")
  Integer workers;

  @Option(names = "--cluster", paramLabel = "HOST:PORT",
      description = "With --workers: where this coordinator listens for its workers (default 0.0.0.0:25520).")
  String cluster;

  @Option(names = "--wait-for-workers", paramLabel = "D",
      description = "With --workers: how long to wait for the workers to join (default 60s).")
  Duration waitForWorkers;

  @Option(names = "--tls-dir", paramLabel = "DIR",
      description = "Mutual TLS with the CA and certificates in DIR (plimsoll certs); this node uses DIR/coordinator.p12.")
  Path tlsDir;

  @Mixin BootstrapOptions bootstrap;

  @Option(names = "--peer-names", paramLabel = "PATTERN[,PATTERN...]", split = ",",
      description = "With --tls-dir: the names a worker's certificate may have, * for any characters "
          + "(default: DIR/peer-names, else coordinator, worker, worker-*, worker.* and the like).")
  List<String> peerNames;

  boolean clustered() {
    return workers != null;
  }

  /** Starts listening for workers; the caller closes it once the run has ended. */
  Coordinator coordinator(Consumer<String> notices) {
    Coordinator c = builder().notices(notices).start();
    notices.accept("waiting for " + workers + " workers at " + c.address() + (bootstrap.enabled()
        ? " (found by bootstrap: " + bootstrap.method + ")"
        : " (plimsoll worker --join " + c.address() + ")"));
    return c;
  }

  /** The coordinator these options describe, checked, not started. */
  Coordinator.Builder builder() {
    if (workers < 1) {
      throw new UserException("--workers must be >= 1 (was " + workers + ")");
    }
    ClusterAddress listen = ClusterAddress.parse(cluster == null ? "0.0.0.0:" + ClusterAddress.DEFAULT_PORT : cluster);
    Coordinator.Builder b = Coordinator.builder(listen).workers(workers);
    if (waitForWorkers != null) {
      b.waitForWorkers(waitForWorkers);
    }
    if (tlsDir != null) {
      try {
        b.tls(tlsDir, "coordinator");
        if (peerNames != null) {
          b.peerNames(peerNames);
        }
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    if (bootstrap.enabled()) {
      b.bootstrap(bootstrap.bootstrap(listen, true));
    }
    return b;
  }

  void checkNotSetAlone() {
    if (workers == null && (cluster != null || waitForWorkers != null || tlsDir != null || peerNames != null
        || bootstrap.anySet())) {
      throw new UserException("--cluster, --wait-for-workers, --tls-dir, --peer-names and --bootstrap go with --workers N");
    }
    if (peerNames != null && tlsDir == null) {
      throw new UserException("--peer-names goes with --tls-dir DIR");
    }
  }
}
