package dev.plimsoll.cluster.internal;

import dev.plimsoll.cluster.internal.Message.Prepare;
import dev.plimsoll.cluster.internal.Message.Start;
import dev.plimsoll.cluster.internal.Message.Stop;
import dev.plimsoll.cluster.internal.Message.ToCoordinator;
import dev.plimsoll.cluster.internal.Message.ToWorker;
import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunClockListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.runner.PreparedTest;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.runner.RunningTest;
import dev.plimsoll.scenario.Overrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * A worker's actor: registers with the Receptionist, runs the segment it is sent, and sends every
 * interval to the coordinator. If the coordinator becomes unreachable or leaves, the worker stops
 * its run by itself (no load without a coordinator to report to) and ends its actor system.
 */
public final class WorkerActor {
  /** How coordinators find workers. */
  public static final ServiceKey<ToWorker> KEY = ServiceKey.create(ToWorker.class, "plimsoll-worker");

  private static final String COORDINATOR_ROLE = "coordinator";
  private static final Duration STEER_RETRY = Duration.ofMillis(20);
  private static final Duration STEER_PATIENCE = Duration.ofSeconds(10);

  private final ActorContext<Object> context;
  private final TargetPolicy targets;
  private final Consumer<String> notices;
  private String runId;
  private ActorRef<ToCoordinator> coordinator;
  /** The run prepared for the coordinator's start, until it starts. */
  private PreparedTest prepared;
  private Sender sender;
  private Path directory;
  private volatile RunningTest running;
  private volatile boolean coordinatorLost;
  private final java.util.Set<NameCheckingSSLEngineProvider.PeerRefused> refusedPeers = new java.util.HashSet<>();

  private WorkerActor(ActorContext<Object> context, TargetPolicy targets, Consumer<String> notices) {
    this.context = context;
    this.targets = targets;
    this.notices = notices;
  }

  public static Behavior<Object> create(TargetPolicy targets, Consumer<String> notices) {
    return Behaviors.setup(context -> {
      context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf().narrow()));
      Cluster cluster = Cluster.get(context.getSystem());
      cluster.subscriptions().tell(Subscribe.create(context.getSelf().narrow(), ClusterEvent.UnreachableMember.class));
      cluster.subscriptions().tell(Subscribe.create(context.getSelf().narrow(), ClusterEvent.MemberRemoved.class));
      context.getSystem().eventStream().tell(
          new EventStream.Subscribe<>(NameCheckingSSLEngineProvider.PeerRefused.class, context.getSelf().narrow()));
      return new WorkerActor(context, targets, notices).behavior();
    });
  }

  private Behavior<Object> behavior() {
    return Behaviors.receive(Object.class)
        .onMessage(Prepare.class, this::prepare)
        .onMessage(Start.class, this::start)
        .onMessage(Stop.class, m -> {
          RunningTest r = running;
          if (m.runId().equals(runId) && r != null) {
            r.stop(m.reason());
          }
          return Behaviors.same();
        })
        .onMessage(Message.Steer.class, m -> steer(m, Instant.now().plus(STEER_PATIENCE)))
        .onMessage(SteerAgain.class, again -> steer(again.steer(), again.giveUpAt()))
        .onMessage(NameCheckingSSLEngineProvider.PeerRefused.class, r -> {
          // Said once per peer: a refused peer keeps dialling, and this worker keeps trying to join.
          if (refusedPeers.add(r)) {
            notices.accept(r.describe());
          }
          return Behaviors.same();
        })
        .onMessage(ClusterEvent.UnreachableMember.class, e -> coordinatorGone(e.member(), "unreachable"))
        .onMessage(ClusterEvent.MemberRemoved.class, e -> coordinatorGone(e.member(), "gone"))
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private Behavior<Object> prepare(Prepare m) {
    ActorRef<ToWorker> self = context.getSelf().narrow();
    try {
      String text = new String(m.bundle().scenario(), StandardCharsets.UTF_8);
      String refusal = targets.refusal(text, m.bundle().settings());
      if (refusal != null) {
        m.replyTo().tell(new Message.Refused(m.runId(), self, refusal));
        return Behaviors.same();
      }
      cancelPrepared();
      cleanUp();
      directory = Files.createTempDirectory("plimsoll-worker-");
      Path file = m.bundle().writeTo(directory);
      LoadSegment segment = LoadSegment.of(m.weights(), m.segment());
      runId = m.runId();
      coordinator = m.replyTo();
      // The coordinator judges the criteria, live ones included, on the merged intervals: a worker
      // judging its own part would stop on a fraction of the evidence.
      Sender runSender = new Sender(m.runId(), self, m.replyTo(), notices);
      Runner runner = Runner.forFile(file).environment(m.bundle().settings()).segment(segment)
          .overrides(Overrides.builder("cluster worker").criteria(List.of()).build())
          .listener(runSender).notices(notices).build();
      // Everything but the load, now: a mistake (a bad file, a host that does not resolve) is the
      // coordinator's to report before any worker starts, and at the start instant only the run's
      // clock is left to start (a cold JVM takes about a second to open the drivers and build the engine).
      prepared = runner.prepare();
      sender = runSender;
      m.replyTo().tell(new Message.Ready(m.runId(), self, Plimsoll.environment().hostName(),
          Runtime.getRuntime().availableProcessors()));
      notices.accept("ready to run segment " + segment.describe() + " of " + m.bundle().scenarioName());
    } catch (IOException | RuntimeException e) {
      prepared = null;
      m.replyTo().tell(new Message.Refused(m.runId(), self, String.valueOf(e.getMessage())));
    }
    return Behaviors.same();
  }

  private Behavior<Object> start(Start m) {
    if (!m.runId().equals(runId) || prepared == null || running != null || coordinatorLost) {
      return Behaviors.same();
    }
    PreparedTest toStart = prepared;
    prepared = null;
    sender.plannedStart = m.startAt();
    try {
      // Returns at once: the engine's own thread waits for the instant and starts the run's clock then.
      RunningTest r = toStart.startAt(m.startAt());
      running = r;
      r.result().whenComplete((x, e) -> running = null);
    } catch (RuntimeException e) {
      notices.accept("could not start the run: " + e.getMessage());
      coordinator.tell(new Message.Finished(m.runId(), context.getSelf().narrow(),
          "could not start: " + e.getMessage(), List.of()));
    }
    return Behaviors.same();
  }

  /** A moment of the run to the millisecond, as people read it: {@code 3.862 s}. */
  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
  }

  /** A change that found no run going here yet, to be looked at again until {@code giveUpAt}. */
  private record SteerAgain(Message.Steer steer, Instant giveUpAt) {}

  /**
   * Applies the fleet's change at its moment of the run, this worker's segment running its part. A
   * change that comes while the run is still starting here (the coordinator sends changes only after
   * the planned start) is looked at again shortly.
   */
  private Behavior<Object> steer(Message.Steer m, Instant giveUpAt) {
    if (!m.runId().equals(runId) || coordinatorLost) {
      return Behaviors.same();
    }
    RunningTest r = running;
    Sender runSender = sender;
    if (r == null || runSender == null || !runSender.begun) {
      // Prepared or started, its clock not yet going (a worker beginning a little late): soon.
      boolean coming = prepared != null || r != null;
      if (coming && Instant.now().isBefore(giveUpAt)) {
        context.scheduleOnce(STEER_RETRY, context.getSelf(), new SteerAgain(m, giveUpAt));
      } else {
        notices.accept("could not change the load (" + m.change().describe() + "): the run is not going here");
      }
      return Behaviors.same();
    }
    try {
      ProfileChange applied = r.steering().apply(m.change());
      Duration late = applied.at().minus(m.change().at());
      notices.accept("load changed at " + seconds(applied.at()) + " into the run: " + applied.describe()
          + (late.isPositive() ? " (" + seconds(late) + " after the fleet's moment: heard late)" : ""));
    } catch (RuntimeException e) {
      notices.accept("could not change the load (" + m.change().describe() + "): " + e.getMessage());
    }
    return Behaviors.same();
  }

  private Behavior<Object> coordinatorGone(org.apache.pekko.cluster.Member member, String how) {
    if (!member.hasRole(COORDINATOR_ROLE) || coordinatorLost) {
      return Behaviors.same();
    }
    coordinatorLost = true;
    cancelPrepared();
    RunningTest r = running;
    notices.accept("the coordinator at " + address(member.address()) + " is " + how
        + (r != null ? ": stopping the run" : "") + "; this worker stops");
    if (r != null) {
      r.stop("the coordinator was lost");
      r.result().whenComplete((x, e) -> context.getSystem().terminate());
    } else {
      context.getSystem().terminate();
    }
    return Behaviors.same();
  }

  /** Gives up a run prepared and never started: its drivers closed, its engine released. */
  private void cancelPrepared() {
    if (prepared != null) {
      prepared.cancel();
      prepared = null;
    }
  }

  private void cleanUp() {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is no reason to refuse a run.
    }
    directory = null;
  }

  private static String address(Address a) {
    return a.host().isDefined() ? a.host().get() + ":" + a.port().get() : a.toString();
  }

  /** Sends the run's start, intervals and end to the coordinator, from the engine's listener thread. */
  private static final class Sender implements RunClockListener {
    private final String runId;
    private final ActorRef<ToWorker> self;
    private final ActorRef<ToCoordinator> coordinator;
    private final Consumer<String> notices;
    /** The coordinator's start instant, once it has sent it. */
    volatile Instant plannedStart;
    /** Whether the run's clock has started here: before, the run cannot be steered yet. */
    volatile boolean begun;

    Sender(String runId, ActorRef<ToWorker> self, ActorRef<ToCoordinator> coordinator, Consumer<String> notices) {
      this.runId = runId;
      this.self = self;
      this.coordinator = coordinator;
      this.notices = notices;
    }

    /**
     * The run's clock starts, the load next: the moment this worker really began, by its own clock,
     * which the coordinator holds against the planned instant.
     */
    @Override
    public void runClockStarted(long startNanos) {
      begun = true;
      Instant began = Instant.now();
      coordinator.tell(new Message.Started(runId, self, began));
      Instant planned = plannedStart;
      if (planned != null && Fleet.late(Duration.between(planned, began))) {
        notices.accept("began the load " + Fleet.millis(Duration.between(planned, began))
            + " after the planned start (not ready in time, or its machine too busy to run it then)");
      }
    }

    @Override
    public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
      coordinator.tell(new Message.Interval(runId, self, interval));
    }

    @Override
    public void runCompleted(RunResult result) {
      coordinator.tell(new Message.Finished(runId, self, result.stopReason(), result.errors()));
    }
  }
}
