package dev.plimsoll.cluster;

import dev.plimsoll.cluster.internal.CoordinatorActor;
import dev.plimsoll.cluster.internal.CoordinatorCommands;
import dev.plimsoll.cluster.internal.PekkoSettings;
import dev.plimsoll.cluster.internal.ScenarioBundle;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RemoteRun;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.scenario.Overrides;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The coordinator of a run spread over workers ({@code plimsoll run --workers N --cluster HOST:PORT}).
 * It listens at its address, which workers join; for each run it waits for the workers, sends each
 * the scenario and its segment of the load, starts them all at one moment a little ahead, merges
 * their intervals and feeds them to the run's listeners, criteria and reports exactly as a local run
 * would its own. Use it through {@link #runner}:
 *
 * <pre>{@code
 * try (Coordinator coordinator = Coordinator.builder(ClusterAddress.parse("0.0.0.0:25520")).workers(4).start()) {
 *   RunResult result = coordinator.runner(Path.of("shop.yaml"), Overrides.none())
 *       .resultsUnder(Path.of("results"))
 *       .build()
 *       .run();
 * }
 * }</pre>
 */
public final class Coordinator implements AutoCloseable {
  /**
   * How far ahead of its making a change of load takes effect ({@code RunHandle.steering()}): time
   * for the change to reach every worker, so that all apply it at the same moment of the run and
   * their parts add up exactly. A worker that hears of it later applies it at once.
   */
  public static final Duration CHANGE_LEAD = Duration.ofMillis(300);

  private final ActorSystem<Object> system;
  private final Settings settings;
  private volatile FleetReport fleet;

  private record Settings(int workers, Duration waitForWorkers, Duration startDelay, Duration patience,
      Consumer<String> notices) {}

  private Coordinator(ActorSystem<Object> system, Settings settings) {
    this.system = system;
    this.settings = settings;
  }

  /** A coordinator that will listen at {@code listen}. */
  public static Builder builder(ClusterAddress listen) {
    return new Builder(Objects.requireNonNull(listen, "listen"));
  }

  /** The address workers join: where this coordinator listens (its port, if 0 was asked for). */
  public ClusterAddress address() {
    org.apache.pekko.actor.Address a = Cluster.get(system).selfMember().address();
    return new ClusterAddress(a.host().get(), (Integer) a.port().get());
  }

  /**
   * A runner of {@code scenarioFile} whose load the workers generate: set its results folder,
   * reports, baseline and listeners as for any run. {@code overrides} and this process's
   * {@code PLIMSOLL_*} environment are applied here and sent to every worker, so all read the same
   * scenario.
   */
  public Runner.Builder runner(Path scenarioFile, Overrides overrides) {
    return runner(scenarioFile, overrides, System.getenv());
  }

  /** As {@link #runner(Path, Overrides)}, with {@code environment} in place of this process's. */
  public Runner.Builder runner(Path scenarioFile, Overrides overrides, Map<String, String> environment) {
    Overrides effective = overrides.orElse(Overrides.fromEnvironment(environment));
    Map<String, String> shipped = OverrideSettings.of(effective);
    ScenarioBundle bundle = ScenarioBundle.of(scenarioFile, shipped);
    return Runner.forFile(scenarioFile).environment(shipped).engine(scenario -> launch(scenario, bundle))
        .listener(new RunListener() {
          // The fleet's report is complete before the merged run ends, so it is there when the result is assembled.
          @Override
          public List<ResultSection> resultSections(RunResult result) {
            FleetReport f = fleet;
            return f == null ? List.of() : List.of(f.section());
          }
        });
  }

  /** The workers of the last run, once it has ended. */
  public Optional<FleetReport> fleet() {
    return Optional.ofNullable(fleet);
  }

  private RunHandle launch(Scenario scenario, ScenarioBundle bundle) {
    ActorRef<Object> actor = system;
    List<ActorRef<dev.plimsoll.cluster.internal.Message.ToWorker>> workers = awaitWorkers(actor);
    String runId = UUID.randomUUID().toString();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    actor.tell(CoordinatorCommands.prepare(runId, bundle, workers, ready));
    await(ready, settings.waitForWorkers(), () -> "the workers did not say they were ready within "
        + settings.waitForWorkers().toSeconds() + " s");
    Instant startAt = Instant.now().plus(settings.startDelay());
    RemoteRun remote = Plimsoll.follow(scenario, startAt, reason -> actor.tell(CoordinatorCommands.stopAll(reason)),
        change -> actor.tell(CoordinatorCommands.steerAll(change)), CHANGE_LEAD);
    CompletableFuture<FleetReport> report = new CompletableFuture<>();
    fleet = null;
    // Reports show the fleet as their "Workers" section; a lost worker was told as it happened.
    report.thenAccept(f -> fleet = f);
    actor.tell(CoordinatorCommands.go(runId, startAt, remote, scenario.duration().plus(scenario.gracefulStop()),
        settings.patience(), report));
    settings.notices().accept("started " + workers.size() + " workers at " + startAt);
    return remote;
  }

  private List<ActorRef<dev.plimsoll.cluster.internal.Message.ToWorker>> awaitWorkers(ActorRef<Object> actor) {
    CompletableFuture<List<ActorRef<dev.plimsoll.cluster.internal.Message.ToWorker>>> joined = new CompletableFuture<>();
    actor.tell(CoordinatorCommands.awaitWorkers(settings.workers(), joined));
    return await(joined, settings.waitForWorkers(), () -> {
      CompletableFuture<List<String>> addresses = new CompletableFuture<>();
      actor.tell(CoordinatorCommands.joined(addresses));
      List<String> present = addresses.completeOnTimeout(List.of(), 2, TimeUnit.SECONDS).join();
      CompletableFuture<List<String>> refusals = new CompletableFuture<>();
      actor.tell(CoordinatorCommands.refusedPeers(refusals));
      List<String> refused = refusals.completeOnTimeout(List.of(), 2, TimeUnit.SECONDS).join();
      int missing = settings.workers() - present.size();
      return "waited " + settings.waitForWorkers().toSeconds() + " s for " + settings.workers() + " workers at "
          + address() + ": " + missing + " missing, " + present.size() + " joined"
          + (present.isEmpty() ? "" : " (" + String.join(", ", present) + ")")
          + (refused.isEmpty() ? "" : "; " + String.join("; ", refused))
          + "; start each with: plimsoll worker --join " + address();
    });
  }

  private static <T> T await(CompletableFuture<T> future, Duration timeout, java.util.function.Supplier<String> late) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new ClusterException(late.get());
    } catch (ExecutionException e) {
      throw new ClusterException(e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for the workers");
    }
  }

  /** Leaves the cluster: the workers see the coordinator go and end. */
  @Override
  public void close() {
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(org.apache.pekko.cluster.typed.Leave.create(cluster.selfMember().address()));
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Leaving is best effort: the workers find the coordinator gone by themselves within seconds.
    }
  }

  /** Configures a {@link Coordinator}. */
  public static final class Builder {
    private final ClusterAddress listen;
    private int workers = 1;
    private Duration waitForWorkers = Duration.ofSeconds(60);
    private Duration startDelay = Duration.ofSeconds(2);
    private Duration patience = Duration.ofSeconds(15);
    private final TlsChoice tls = new TlsChoice();
    private Bootstrap bootstrap;
    private Consumer<String> notices = m -> {};

    private Builder(ClusterAddress listen) {
      this.listen = listen;
    }

    /** How many workers a run waits for and splits its load among (default 1). */
    public Builder workers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("workers must be >= 1 (was " + count + ")");
      }
      this.workers = count;
      return this;
    }

    /** How long a run waits for its workers to join, and then to be ready (default 60 s). */
    public Builder waitForWorkers(Duration timeout) {
      this.waitForWorkers = positive(timeout, "waitForWorkers");
      return this;
    }

    /**
     * How far ahead of sending the start the workers' common start time lies (default 2 s): long
     * enough for the message to reach every worker. Workers build their runs before they say they
     * are ready, so at the instant only their clocks start (on loopback they begin 1 to 16 ms after
     * it, cold JVMs on a busy two-core machine); a worker the start reaches late begins as soon as
     * it can, and the result and a notice say how late.
     */
    public Builder startDelay(Duration delay) {
      this.startDelay = positive(delay, "startDelay");
      return this;
    }

    /** How long after the run's planned end (and graceful stop) a silent worker is given up (default 15 s). */
    public Builder patience(Duration wait) {
      this.patience = positive(wait, "patience");
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

    /**
     * Forms the cluster through Cluster Bootstrap rather than by itself: starts the Pekko
     * Management endpoint workers discover, and founds the cluster once discovery finds this
     * coordinator (its own management endpoint must be among the contact points, and the only one).
     */
    public Builder bootstrap(Bootstrap how) {
      this.bootstrap = Objects.requireNonNull(how, "how");
      return this;
    }

    /** Where the coordinator says what happens to its workers (a worker lost, ...). */
    public Builder notices(Consumer<String> sink) {
      this.notices = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Starts listening and forms the cluster.
     *
     * @throws ClusterException if the address cannot be bound, or its bootstrap cannot work here
     *     (Kubernetes API discovery outside a pod)
     */
    public Coordinator start() {
      if (bootstrap != null) {
        bootstrap.checkEnvironment(System.getenv());
      }
      Settings s = new Settings(workers, waitForWorkers, startDelay, patience, notices);
      // With Cluster Bootstrap there are no seed nodes: the bootstrap decides when this node founds the cluster.
      String seed = listen.port() == 0 || bootstrap != null ? null : listen.toString();
      ActorSystem<Object> system;
      try {
        system = ActorSystem.create(CoordinatorActor.create(notices), PekkoSettings.SYSTEM_NAME,
            PekkoSettings.node(listen.host(), listen.port(), seed, "coordinator", tls.settings(),
                bootstrap == null ? null : bootstrap.settings(true)));
      } catch (RuntimeException e) {
        throw new ClusterException("could not listen at " + listen + ": " + e.getMessage(), e);
      }
      if (bootstrap == null) {
        Cluster cluster = Cluster.get(system);
        // A coordinator is its own seed: the cluster starts with it.
        cluster.manager().tell(org.apache.pekko.cluster.typed.Join.create(cluster.selfMember().address()));
      }
      return new Coordinator(system, s);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0 (was " + d + ")");
      }
      return d;
    }
  }
}
