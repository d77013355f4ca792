package dev.plimsoll.cluster;

import dev.plimsoll.cluster.internal.PekkoSettings;
import dev.plimsoll.cluster.internal.TargetPolicy;
import dev.plimsoll.cluster.internal.WorkerActor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * A worker ({@code plimsoll worker --join HOST:PORT}): joins a coordinator's cluster and runs the
 * segments of the runs it is sent, reporting every interval. It stops its run and ends by itself
 * when it loses its coordinator; {@link #terminated()} completes then.
 */
public final class Worker implements AutoCloseable {
  private final ActorSystem<Object> system;
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();
  private volatile boolean joined;

  private Worker(ActorSystem<Object> system) {
    this.system = system;
    org.apache.pekko.cluster.Cluster.get(system.classicSystem()).registerOnMemberUp(() -> joined = true);
    system.getWhenTerminated().whenComplete((d, e) -> terminated.complete(null));
  }

  /**
   * Whether this worker has been a member of its coordinator's cluster. A worker that ended
   * without ever joining did not find or reach its coordinator (e.g. Cluster Bootstrap could not
   * start, or its discovery failed).
   */
  public boolean joined() {
    return joined;
  }

  /** A worker that will join the coordinator at {@code coordinator}. */
  public static Builder builder(ClusterAddress coordinator) {
    return new Builder(Objects.requireNonNull(coordinator, "coordinator"), null);
  }

  /**
   * A worker that finds its coordinator through Cluster Bootstrap: it runs a Pekko Management
   * endpoint, probes the contact points {@code bootstrap} discovers, and joins the cluster once the
   * coordinator has founded it (a worker never founds one).
   */
  public static Builder builder(Bootstrap bootstrap) {
    return new Builder(null, Objects.requireNonNull(bootstrap, "bootstrap"));
  }

  /** Completes when the worker has ended: its coordinator left or was lost, or it was closed. */
  public CompletableFuture<Void> terminated() {
    return terminated;
  }

  /** Leaves the cluster and ends; a run in progress is cut off (the coordinator sees the worker go). */
  @Override
  public void close() {
    if (terminated.isDone()) {
      return;
    }
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(org.apache.pekko.cluster.typed.Leave.create(cluster.selfMember().address()));
    system.terminate();
    try {
      terminated.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Ending is best effort.
    }
  }

  /** Configures a {@link Worker}. */
  public static final class Builder {
    private final ClusterAddress coordinator;
    private final Bootstrap bootstrap;
    private ClusterAddress listen = new ClusterAddress("127.0.0.1", 0);
    private List<String> allowTargets = List.of();
    private final TlsChoice tls = new TlsChoice();
    private Consumer<String> notices = m -> {};

    private Builder(ClusterAddress coordinator, Bootstrap bootstrap) {
      this.coordinator = coordinator;
      this.bootstrap = bootstrap;
    }

    /** Where this worker listens, reachable from the coordinator (default 127.0.0.1, any free port). */
    public Builder listen(ClusterAddress address) {
      this.listen = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The only targets this worker sends load to: {@code host} or {@code host:port} patterns with
     * {@code *} wildcards. A scenario naming any other is refused before any load.
     */
    public Builder allowTargets(List<String> patterns) {
      this.allowTargets = List.copyOf(patterns);
      return this;
    }

    /**
     * Mutual TLS with the certificates {@code plimsoll certs} wrote to {@code directory} for
     * {@code name}. Peers are accepted if their certificate chains to the directory's CA and one of
     * its names matches the {@link #peerNames}.
     *
     * @throws IllegalArgumentException if a file is missing or the directory's peer names are not patterns
     */
    public Builder tls(Path directory, String name) {
      tls.files(directory, name);
      return this;
    }

    /**
     * With {@link #tls}: the names a peer's certificate may have, patterns where {@code *} is any
     * characters ({@code worker-*}, {@code coordinator.example.com}). Default: the directory's
     * {@code peer-names} file, else {@code coordinator}, {@code worker} and their {@code -*} and
     * {@code .*} variants.
     */
    public Builder peerNames(List<String> patterns) {
      tls.peerNames(patterns);
      return this;
    }

    /** Where the worker says what it does: ready, started, its coordinator lost. */
    public Builder notices(Consumer<String> sink) {
      this.notices = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Starts the worker; it joins the coordinator in the background, retrying until it is there.
     *
     * @throws ClusterException if its bootstrap cannot work here (Kubernetes API discovery outside a pod)
     */
    public Worker start() {
      if (bootstrap != null) {
        bootstrap.checkEnvironment(System.getenv());
      }
      ActorSystem<Object> system = ActorSystem.create(WorkerActor.create(new TargetPolicy(allowTargets), notices),
          PekkoSettings.SYSTEM_NAME,
          PekkoSettings.node(listen.host(), listen.port(), coordinator == null ? null : coordinator.toString(), "worker",
              tls.settings(), bootstrap == null ? null : bootstrap.settings(false)));
      return new Worker(system);
    }
  }

  /** How long a worker waits to hear it has joined, for callers that want to know. */
  static final Duration JOIN_WAIT = Duration.ofSeconds(30);
}
