package dev.plimsoll.cluster.internal;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a coordinator and its workers say to each other. Every message crosses the network in the
 * versioned JSON form of {@link MessageCodec} (never Java serialisation), bound to it by
 * {@link MessageSerializer}.
 *
 * <p>A run goes: {@link Prepare} (the scenario and the worker's segment) → {@link Ready} or
 * {@link Refused}; {@link Start} (a start time a moment ahead, the same for all) →
 * {@link Started}; then one {@link Interval} per interval, the last one partial, and
 * {@link Finished}. {@link Stop} ends a run early; {@link Steer} changes its load while it goes.
 */
public sealed interface Message {

  /** The run a message belongs to: a worker ignores messages of a run it does not know. */
  String runId();

  /** Sent to a worker. */
  sealed interface ToWorker extends Message {}

  /** Sent to the coordinator. */
  sealed interface ToCoordinator extends Message {}

  /**
   * Asks a worker to get ready to run a segment of a scenario.
   *
   * @param bundle the scenario file, the files it reads, and the settings that override it
   * @param weights the weights of the split the worker's segment belongs to
   * @param segment the worker's segment, an index into {@code weights}
   * @param replyTo where the worker sends every message of the run
   */
  record Prepare(String runId, ScenarioBundle bundle, int[] weights, int segment, ActorRef<ToCoordinator> replyTo)
      implements ToWorker {
    public Prepare {
      Objects.requireNonNull(bundle, "bundle");
      weights = weights.clone();
    }

    @Override
    public int[] weights() {
      return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Prepare p && runId.equals(p.runId) && bundle.equals(p.bundle)
          && java.util.Arrays.equals(weights, p.weights) && segment == p.segment && replyTo.equals(p.replyTo);
    }

    @Override
    public int hashCode() {
      return Objects.hash(runId, bundle, java.util.Arrays.hashCode(weights), segment, replyTo);
    }

    @Override
    public String toString() {
      return "Prepare[" + runId + ", " + bundle.scenarioName() + ", segment " + segment + "]";
    }
  }

  /** Starts the prepared run at {@code startAt} (the machines' clocks are assumed in step). */
  record Start(String runId, Instant startAt) implements ToWorker {}

  /**
   * Changes the whole fleet's load of a workload from a moment of the run on: every worker applies
   * it at that moment ({@code Steering.apply}), each running its segment's exact part.
   *
   * @param change the change as the coordinator recorded it: its moment ({@code at}, time since the
   *     run's start), workload, setting, the new whole-load value ({@code to}), and who made it
   */
  record Steer(String runId, dev.plimsoll.core.result.ProfileChange change) implements ToWorker {
    public Steer {
      Objects.requireNonNull(change, "change");
    }
  }

  /** Ends the run early; the worker still sends its last interval and {@link Finished}. */
  record Stop(String runId, String reason) implements ToWorker {}

  /**
   * The worker has read and checked the scenario and is ready to start.
   *
   * @param worker the worker's own address, for the coordinator to name it by
   * @param host the worker's host name, for the result
   * @param processors the worker's processors
   */
  record Ready(String runId, ActorRef<ToWorker> worker, String host, int processors) implements ToCoordinator {}

  /** The worker will not run the scenario: it could not be read, or it sends to a host not allowed. */
  record Refused(String runId, ActorRef<ToWorker> worker, String reason) implements ToCoordinator {}

  /** The worker started its run at {@code startedAt} (its clock): against the planned start, the skew. */
  record Started(String runId, ActorRef<ToWorker> worker, Instant startedAt) implements ToCoordinator {}

  /** One interval of the worker's run. */
  record Interval(String runId, ActorRef<ToWorker> worker, IntervalSnapshot snapshot) implements ToCoordinator {}

  /**
   * The worker's run has ended; every interval has been sent before this.
   *
   * @param stopReason why it ended, in the worker's words
   * @param errors its run's error classes, which keep more samples than the intervals do
   */
  record Finished(String runId, ActorRef<ToWorker> worker, String stopReason, List<ErrorClass> errors)
      implements ToCoordinator {
    public Finished {
      errors = List.copyOf(errors);
    }
  }

}
