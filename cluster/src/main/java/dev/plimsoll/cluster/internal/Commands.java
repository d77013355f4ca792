package dev.plimsoll.cluster.internal;

import dev.plimsoll.core.RemoteRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;

/** What the coordinator's own code asks of its actor: local messages, never sent over the network. */
final class Commands {
  private Commands() {}

  /** Completes once {@code count} workers are in the cluster, with the first {@code count} of them. */
  record AwaitWorkers(int count, CompletableFuture<List<ActorRef<Message.ToWorker>>> joined) {}

  /** Sends each worker its segment; completes when all are ready, or exceptionally naming who refused. */
  record PrepareRun(String runId, ScenarioBundle bundle, List<ActorRef<Message.ToWorker>> workers,
      CompletableFuture<Void> ready) {}

  /**
   * Starts the prepared run at {@code startAt}, feeding {@code run}; workers that have not finished
   * {@code patience} after the run's planned end are given up as lost.
   */
  record Go(String runId, Instant startAt, RemoteRun run, Duration plannedLength, Duration patience,
      CompletableFuture<dev.plimsoll.cluster.FleetReport> report) {}

  /** Tells every worker of the run to change its load at the change's moment. */
  record SteerAll(dev.plimsoll.core.result.ProfileChange change) {}

  /** Tells every worker of the run to stop. */
  record StopAll(String reason) {}

  /** The run's deadline has come: workers not finished by now are lost. */
  record Deadline(String runId) {}

  /** The workers joined so far, for a message naming who is missing. */
  record Joined(CompletableFuture<List<String>> addresses) {}

  /** The peers refused for their certificate's names so far, for the same message. */
  record RefusedPeers(CompletableFuture<List<String>> refusals) {}
}
