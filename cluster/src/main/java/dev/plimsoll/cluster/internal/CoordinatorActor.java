package dev.plimsoll.cluster.internal;

import dev.plimsoll.cluster.FleetReport;
import dev.plimsoll.cluster.internal.Message.Finished;
import dev.plimsoll.cluster.internal.Message.Interval;
import dev.plimsoll.cluster.internal.Message.Ready;
import dev.plimsoll.cluster.internal.Message.Refused;
import dev.plimsoll.cluster.internal.Message.Started;
import dev.plimsoll.cluster.internal.Message.ToWorker;
import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.RemoteRun;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorClasses;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The coordinator's actor: finds workers through the Receptionist, sends them their segments, and
 * during the run merges their intervals ({@link IntervalMerger}) and feeds the {@link RemoteRun}.
 * A worker the cluster's failure detector finds unreachable is lost: downed, no longer waited
 * for, and named in the result. Everything here runs on the actor, one message at a time.
 */
public final class CoordinatorActor {
  private final ActorContext<Object> context;
  private final TimerScheduler<Object> timers;
  private final Consumer<String> notices;
  private final Set<ActorRef<ToWorker>> joined = new LinkedHashSet<>();
  private final Set<Address> unreachable = new HashSet<>();
  private final List<Commands.AwaitWorkers> waiting = new ArrayList<>();
  private final Set<NameCheckingSSLEngineProvider.PeerRefused> refusedPeers = new LinkedHashSet<>();
  private RunInProgress run;

  /** The run the coordinator is preparing or running. */
  private static final class RunInProgress {
    final String runId;
    final List<ActorRef<ToWorker>> workers;
    final Fleet<ActorRef<ToWorker>> fleet;
    final IntervalMerger<ActorRef<ToWorker>> merger;
    final Set<ActorRef<ToWorker>> ready = new HashSet<>();
    final List<String> refusals = new ArrayList<>();
    final List<List<ErrorClass>> errors = new ArrayList<>();
    CompletableFuture<Void> readyFuture;
    RemoteRun remote;
    Instant startAt;
    CompletableFuture<FleetReport> report;

    RunInProgress(String runId, List<ActorRef<ToWorker>> workers, List<String> addresses) {
      this.runId = runId;
      this.workers = workers;
      this.fleet = new Fleet<>(workers, addresses, LoadSegment.split(workers.size()));
      this.merger = new IntervalMerger<>(new LinkedHashSet<>(workers));
    }
  }

  private CoordinatorActor(ActorContext<Object> context, TimerScheduler<Object> timers, Consumer<String> notices) {
    this.context = context;
    this.timers = timers;
    this.notices = notices;
  }

  /** The behavior; {@code notices} hears of workers lost. */
  public static Behavior<Object> create(Consumer<String> notices) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, l -> l);
      context.getSystem().receptionist().tell(Receptionist.subscribe(WorkerActor.KEY, listings));
      Cluster cluster = Cluster.get(context.getSystem());
      cluster.subscriptions().tell(Subscribe.create(context.getSelf().narrow(), ClusterEvent.ReachabilityEvent.class));
      cluster.subscriptions().tell(Subscribe.create(context.getSelf().narrow(), ClusterEvent.MemberRemoved.class));
      context.getSystem().eventStream().tell(
          new EventStream.Subscribe<>(NameCheckingSSLEngineProvider.PeerRefused.class, context.getSelf().narrow()));
      return new CoordinatorActor(context, timers, notices).behavior();
    }));
  }

  @SuppressWarnings("unchecked")
  private Behavior<Object> behavior() {
    return Behaviors.receive(Object.class)
        .onMessage(Receptionist.Listing.class, l -> {
          joined.clear();
          joined.addAll(l.getServiceInstances(WorkerActor.KEY));
          answerWaiting();
          return Behaviors.same();
        })
        .onMessage(Commands.AwaitWorkers.class, c -> {
          waiting.add(c);
          answerWaiting();
          return Behaviors.same();
        })
        .onMessage(Commands.Joined.class, c -> {
          c.addresses().complete(available().stream().map(CoordinatorActor::address).toList());
          return Behaviors.same();
        })
        .onMessage(Commands.RefusedPeers.class, c -> {
          c.refusals().complete(refusedPeers.stream().map(NameCheckingSSLEngineProvider.PeerRefused::describe).toList());
          return Behaviors.same();
        })
        .onMessage(NameCheckingSSLEngineProvider.PeerRefused.class, r -> {
          // Said once per peer: a refused peer keeps dialling.
          if (refusedPeers.add(r)) {
            notices.accept(r.describe());
          }
          return Behaviors.same();
        })
        .onMessage(Commands.PrepareRun.class, this::prepare)
        .onMessage(Commands.Go.class, this::go)
        .onMessage(Commands.StopAll.class, c -> {
          if (run != null) {
            run.workers.forEach(w -> w.tell(new Message.Stop(run.runId, c.reason())));
          }
          return Behaviors.same();
        })
        .onMessage(Commands.SteerAll.class, c -> {
          // A lost worker, downed, does not hear it: its share is already marked lost.
          if (run != null) {
            run.workers.forEach(w -> w.tell(new Message.Steer(run.runId, c.change())));
          }
          return Behaviors.same();
        })
        .onMessage(Commands.Deadline.class, c -> {
          if (run != null && run.runId.equals(c.runId())) {
            for (ActorRef<ToWorker> w : run.workers) {
              lose(w, "did not finish in time");
            }
          }
          return Behaviors.same();
        })
        .onMessage(Ready.class, m -> {
          if (isCurrent(m.runId()) && run.fleet.get(m.worker()) != null) {
            Fleet.Member member = run.fleet.get(m.worker());
            member.host = m.host();
            run.ready.add(m.worker());
            checkReady();
          }
          return Behaviors.same();
        })
        .onMessage(Refused.class, m -> {
          if (isCurrent(m.runId())) {
            run.refusals.add("worker " + address(m.worker()) + " refused: " + m.reason());
            checkReady();
          }
          return Behaviors.same();
        })
        .onMessage(Started.class, m -> {
          if (isCurrent(m.runId()) && run.fleet.get(m.worker()) != null) {
            run.fleet.started(m.worker(), m.startedAt(), notices);
          }
          return Behaviors.same();
        })
        .onMessage(Interval.class, m -> {
          if (isCurrent(m.runId()) && run.remote != null && run.fleet.get(m.worker()) != null) {
            run.fleet.interval(m.worker(), m.snapshot());
            feed(run.merger.add(m.worker(), m.snapshot()));
          }
          return Behaviors.same();
        })
        .onMessage(Finished.class, m -> {
          if (isCurrent(m.runId()) && run.remote != null && run.fleet.get(m.worker()) != null) {
            Fleet.Member member = run.fleet.get(m.worker());
            if (member.lostAt == null) {
              member.finished = true;
              run.errors.add(m.errors());
              feed(run.merger.finished(m.worker()));
              endIfDone();
            }
          }
          return Behaviors.same();
        })
        .onMessage(ClusterEvent.UnreachableMember.class, e -> {
          unreachable.add(e.member().address());
          workerAt(e.member().address()).ifPresent(w -> lose(w, "unreachable"));
          return Behaviors.same();
        })
        .onMessage(ClusterEvent.ReachableMember.class, e -> {
          unreachable.remove(e.member().address());
          // A worker slow to answer while its JVM starts on a busy machine is back: count it again.
          answerWaiting();
          return Behaviors.same();
        })
        .onMessage(ClusterEvent.MemberRemoved.class, e -> {
          workerAt(e.member().address()).ifPresent(w -> lose(w, "left the cluster"));
          return Behaviors.same();
        })
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private boolean isCurrent(String runId) {
    return run != null && run.runId.equals(runId);
  }

  private List<ActorRef<ToWorker>> available() {
    return joined.stream().filter(w -> !unreachable.contains(w.path().address()))
        .sorted(Comparator.comparing(CoordinatorActor::address)).toList();
  }

  private void answerWaiting() {
    List<ActorRef<ToWorker>> workers = available();
    waiting.removeIf(w -> {
      if (w.joined().isDone()) {
        return true;
      }
      if (workers.size() >= w.count()) {
        w.joined().complete(List.copyOf(workers.subList(0, w.count())));
        return true;
      }
      return false;
    });
  }

  private Behavior<Object> prepare(Commands.PrepareRun c) {
    List<String> addresses = c.workers().stream().map(CoordinatorActor::address).toList();
    run = new RunInProgress(c.runId(), c.workers(), addresses);
    run.readyFuture = c.ready();
    List<LoadSegment> segments = LoadSegment.split(c.workers().size());
    for (int i = 0; i < c.workers().size(); i++) {
      LoadSegment s = segments.get(i);
      c.workers().get(i).tell(new Message.Prepare(c.runId(), c.bundle(), s.weights(), s.index(),
          context.getSelf().narrow()));
    }
    return Behaviors.same();
  }

  private void checkReady() {
    if (run.readyFuture.isDone()) {
      return;
    }
    if (!run.refusals.isEmpty() && run.ready.size() + run.refusals.size() >= run.workers.size()) {
      run.readyFuture.completeExceptionally(new IllegalStateException(String.join("; ", run.refusals)));
    } else if (run.ready.size() == run.workers.size()) {
      run.readyFuture.complete(null);
    }
  }

  private Behavior<Object> go(Commands.Go c) {
    if (!isCurrent(c.runId())) {
      return Behaviors.same();
    }
    run.remote = c.run();
    run.startAt = c.startAt();
    run.fleet.plannedStart(c.startAt());
    run.workers.forEach(w -> w.tell(new Message.Start(run.runId, c.startAt())));
    Duration untilEnd = Duration.between(Instant.now(), c.startAt()).plus(c.plannedLength()).plus(c.patience());
    timers.startSingleTimer(new Commands.Deadline(run.runId), untilEnd.isNegative() ? Duration.ZERO : untilEnd);
    run.report = c.report();
    endIfDone();
    return Behaviors.same();
  }

  private java.util.Optional<ActorRef<ToWorker>> workerAt(Address address) {
    if (run == null) {
      return java.util.Optional.empty();
    }
    return run.workers.stream().filter(w -> w.path().address().equals(address)).findFirst();
  }

  private void lose(ActorRef<ToWorker> worker, String why) {
    int from = run.merger.highestSent(worker) + 1;
    if (!run.fleet.lose(worker, Instant.now(), from)) {
      return;
    }
    Fleet.Member m = run.fleet.get(worker);
    Cluster.get(context.getSystem()).manager().tell(new Down(worker.path().address()));
    if (run.remote == null) {
      if (!run.readyFuture.isDone()) {
        run.readyFuture.completeExceptionally(new IllegalStateException(
            "worker " + m.address + " (" + m.host + ") " + why + " before the run started"));
      }
      return;
    }
    notices.accept("worker " + m.address + " (" + m.host + ", " + m.segment.describe() + ") " + why
        + ": lost from interval " + from + "; the run goes on with " + run.fleet.remaining() + " of "
        + run.workers.size());
    feed(run.merger.lost(worker));
    endIfDone();
  }

  private void feed(List<IntervalSnapshot> merged) {
    for (IntervalSnapshot s : merged) {
      run.remote.interval(s);
    }
  }

  private void endIfDone() {
    if (run == null || run.remote == null || !run.merger.allDone()) {
      return;
    }
    feed(run.merger.drain());
    FleetReport report = run.fleet.report();
    List<ErrorClass> errors = ErrorClasses.merge(run.errors);
    RunInProgress ended = run;
    run = null;
    timers.cancelAll();
    // Before the result: whoever waits for the result finds the fleet's report already there.
    ended.report.complete(report);
    if (report.workers().stream().allMatch(w -> w.lost())) {
      ended.remote.fail("every worker was lost", errors, Fleet.verdicts(report, ended.startAt));
    } else {
      ended.remote.end(errors, Fleet.verdicts(report, ended.startAt));
    }
  }

  static String address(ActorRef<?> ref) {
    Address a = ref.path().address();
    return a.host().isDefined() ? a.host().get() + ":" + a.port().get() : a.toString();
  }
}
