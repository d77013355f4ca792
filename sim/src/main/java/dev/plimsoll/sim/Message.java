package dev.plimsoll.sim;

/**
 * A message of the load: created when the load asks a node to send ({@link Protocol#onSend}),
 * carried and relayed by the protocol, and {@linkplain Node#deliver delivered} where it is meant to
 * arrive. Its delivery latency counts from {@link #intendedNanos}, the moment the load model meant
 * it to be sent, so a node that falls behind shows as latency rather than as fewer messages.
 *
 * @param id unique in the run
 * @param origin the node that sent it first
 * @param destination the node it is for, or {@link #SESSION} when it is for every member of {@link #session}
 * @param session the session it is broadcast to, or null for a unicast message
 * @param intendedNanos when it was meant to be sent, on the run's clock
 * @param hops how many links it has crossed so far
 * @param payload whatever the protocol carries (the load sends null)
 */
public record Message(long id, int origin, int destination, String session, long intendedNanos, int hops,
    Object payload) {

  /** The destination of a message broadcast to a session. */
  public static final int SESSION = -1;

  /** Whether it is for every member of a session rather than for one node. */
  public boolean isBroadcast() {
    return destination == SESSION;
  }

  /** The same message one link further on: what a relaying node sends. */
  public Message relayed() {
    return new Message(id, origin, destination, session, intendedNanos, hops + 1, payload);
  }

  /** The same message carrying {@code newPayload}. */
  public Message withPayload(Object newPayload) {
    return new Message(id, origin, destination, session, intendedNanos, hops, newPayload);
  }
}
