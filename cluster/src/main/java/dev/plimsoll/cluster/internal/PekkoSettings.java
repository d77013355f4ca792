package dev.plimsoll.cluster.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;

/**
 * The Pekko configuration of a coordinator or a worker, in one place: cluster provider, Artery
 * over TCP (TLS with {@link TlsSettings}), this module's serializer for its messages and Java
 * serialisation off, a failure detector that finds a lost machine within seconds, and no automatic
 * downing: the coordinator decides what a lost worker means.
 */
public final class PekkoSettings {
  /** Every Plimsoll node's actor system has this name; a seed address names it too. */
  public static final String SYSTEM_NAME = "plimsoll";

  private PekkoSettings() {}

  private static final String BASE = """
      pekko {
        # pekko-discovery (Cluster Bootstrap's lookup API) is 1.2.1, the newest the registry reachable
        # from the build machines serves, beside Pekko 1.7.0: Pekko refuses to start with mixed module
        # versions unless told to only warn. Remove once pekko-discovery can be pinned to pekko.version
        # (cluster/pom.xml).
        fail-mixed-versions = off
        loglevel = WARNING
        stdout-loglevel = OFF
        log-dead-letters = off
        log-dead-letters-during-shutdown = off
        actor {
          provider = cluster
          allow-java-serialization = off
          warn-about-java-serializer-usage = off
          serializers.plimsoll = "dev.plimsoll.cluster.internal.MessageSerializer"
          serialization-bindings { "dev.plimsoll.cluster.internal.Message" = plimsoll }
        }
        remote.artery {
          transport = tcp
          # An interval of a scenario with many operations is some tens of kilobytes.
          advanced.maximum-frame-size = 4MiB
          advanced.buffer-pool-size = 256
        }
        cluster {
          # A machine silent for this long beyond its heartbeats is unreachable: found in seconds.
          failure-detector.heartbeat-interval = 500ms
          failure-detector.acceptable-heartbeat-pause = 3s
          # Who is lost is the coordinator's call, not a downing strategy's.
          downing-provider-class = ""
          jmx.enabled = off
          log-info = off
          min-nr-of-members = 1
          # A worker started before its coordinator tries again soon.
          seed-node-timeout = 2s
          retry-unsuccessful-join-after = 2s
        }
        coordinated-shutdown {
          exit-jvm = off
          run-by-jvm-shutdown-hook = off
          # Leaving waits for the others to see it go; a node whose peers are gone must not wait long.
          phases.cluster-leave.timeout = 2s
          phases.cluster-exiting.timeout = 2s
          phases.cluster-exiting-done.timeout = 2s
          phases.cluster-shutdown.timeout = 2s
        }
      }
      """;

  /**
   * Membership, heartbeats and failure detection (the cluster's actors) and Artery's control
   * stream, which carries the heartbeats, run on threads of their own: a worker whose load keeps
   * every core busy, or whose dispatcher is flooded with intervals, still answers its heartbeats, so
   * it is not taken for dead. (Pekko's default shares them with its other internal work.) The load
   * itself runs on the engine's threads, never on a Pekko dispatcher.
   */
  private static final String OWN_HEARTBEAT_THREADS = """
      plimsoll-cluster-dispatcher {
        type = Dispatcher
        # Sized as Pekko's internal dispatcher (at least 4 threads), but only for this.
        executor = fork-join-executor
        fork-join-executor { parallelism-min = 4, parallelism-factor = 1.0, parallelism-max = 8 }
        throughput = 10
      }
      pekko.cluster.use-dispatcher = plimsoll-cluster-dispatcher
      pekko.remote.artery.advanced.use-control-stream-dispatcher = plimsoll-cluster-dispatcher
      """;

  /**
   * The settings of a node listening on {@code host:port} (port 0: any free port) that joins the
   * cluster through {@code seed} ("host:port"; its own address for a coordinator).
   */
  public static Config node(String host, int port, String seed, String role, TlsSettings tls) {
    return node(host, port, seed, role, tls, null);
  }

  /**
   * As {@link #node(String, int, String, String, TlsSettings)}; with {@code bootstrap}, the node
   * forms its cluster through Cluster Bootstrap ({@code seed} must then be null: Pekko's bootstrap
   * stands aside when seed nodes are configured).
   */
  public static Config node(String host, int port, String seed, String role, TlsSettings tls,
      BootstrapSettings bootstrap) {
    Config c = ConfigFactory.parseString(BASE + OWN_HEARTBEAT_THREADS)
        .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
        .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(role)));
    if (seed != null) {
      c = c.withValue("pekko.cluster.seed-nodes",
          ConfigValueFactory.fromIterable(List.of("pekko://" + SYSTEM_NAME + "@" + seed)));
    }
    if (tls != null) {
      c = tls.applyTo(c);
    }
    if (bootstrap != null) {
      c = bootstrap.applyTo(c);
    }
    return c.withFallback(ConfigFactory.defaultReference(PekkoSettings.class.getClassLoader())).resolve();
  }
}
