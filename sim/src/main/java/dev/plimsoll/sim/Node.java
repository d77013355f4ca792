package dev.plimsoll.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A simulated node as its {@link Protocol} sees it. A node's handlers run one at a time (in
 * deterministic mode all nodes share one thread; in real time each node runs on its own virtual
 * thread), so a protocol needs no locking for the node's {@link #state}.
 */
public interface Node {

  /** From 0 to the number of nodes - 1. */
  int id();

  /** The peers this node has a connection to now (connections open during the ramp-up). */
  List<Integer> peers();

  /** Whether {@code node} is a peer now. */
  boolean isPeer(int node);

  /** Sends {@code message} to the peer {@code to} over their link; a message to a non-peer is dropped and counted as lost. */
  void send(int to, Message message);

  /** Joins a session (a group that broadcasts reach). */
  void join(String session);

  /** Leaves a session. */
  void leave(String session);

  /** The sessions this node is in. */
  Set<String> sessions();

  /** Whether {@code node} is in {@code session} now. */
  boolean isMember(int node, String session);

  /**
   * Hands {@code message} to the application here: the end of its journey, recorded as one
   * delivery with its latency from the intended send. A second delivery of the same message to
   * this node counts as a duplicate and is not recorded again.
   */
  void deliver(Message message);

  /** Runs {@code task} on this node after {@code delay}, unless the node has crashed by then. */
  void after(Duration delay, Runnable task);

  /**
   * This node's clock now, in nanoseconds: the run's clock plus the node's skew (see
   * {@link Simulation.Builder#clockSkew}), so nodes disagree about the time as real machines do.
   */
  long nanoTime();

  /** This node's random source, seeded from the run's seed and the node's id. */
  RandomGenerator random();

  /** The protocol's own state for this node; emptied when the node crashes. */
  Map<String, Object> state();
}
