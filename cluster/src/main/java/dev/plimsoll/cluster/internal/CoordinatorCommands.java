package dev.plimsoll.cluster.internal;

import dev.plimsoll.cluster.FleetReport;
import dev.plimsoll.core.RemoteRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;

/** The commands {@link dev.plimsoll.cluster.Coordinator} sends its actor ({@link Commands}). */
public final class CoordinatorCommands {
  private CoordinatorCommands() {}

  public static Object awaitWorkers(int count, CompletableFuture<List<ActorRef<Message.ToWorker>>> joined) {
    return new Commands.AwaitWorkers(count, joined);
  }

  public static Object joined(CompletableFuture<List<String>> addresses) {
    return new Commands.Joined(addresses);
  }

  public static Object refusedPeers(CompletableFuture<List<String>> refusals) {
    return new Commands.RefusedPeers(refusals);
  }

  public static Object prepare(String runId, ScenarioBundle bundle, List<ActorRef<Message.ToWorker>> workers,
      CompletableFuture<Void> ready) {
    return new Commands.PrepareRun(runId, bundle, workers, ready);
  }

  public static Object go(String runId, Instant startAt, RemoteRun run, Duration plannedLength, Duration patience,
      CompletableFuture<FleetReport> report) {
    return new Commands.Go(runId, startAt, run, plannedLength, patience, report);
  }

  public static Object steerAll(dev.plimsoll.core.result.ProfileChange change) {
    return new Commands.SteerAll(change);
  }

  public static Object stopAll(String reason) {
    return new Commands.StopAll(reason);
  }
}
