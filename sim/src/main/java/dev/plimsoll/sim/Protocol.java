package dev.plimsoll.sim;

/**
 * The protocol under test: what a node does when the load asks it to send, and when a message
 * arrives. Each node gets its own instance from the simulation's protocol factory, made when the
 * node starts and again when it restarts after a crash (a crash loses what it kept in memory).
 *
 * <pre>{@code
 * // Request and reply: the reply is what counts as delivered.
 * Protocol echo = new Protocol() {
 *   public void onSend(Node node, Message m) { node.send(m.destination(), m); }
 *   public void onMessage(Node node, int from, Message m) {
 *     if (m.payload() == null) node.send(from, m.withPayload("reply"));
 *     else node.deliver(m);
 *   }
 * };
 * }</pre>
 *
 * {@link GossipRelay} is the default and the worked example.
 */
public interface Protocol {

  /** The node starts (at the beginning of the run, or on restart after a crash). */
  default void onStart(Node node) {}

  /** The load asks this node to send {@code message} to its destination, or to its session. */
  void onSend(Node node, Message message);

  /** {@code message} arrived from the peer {@code from}. */
  void onMessage(Node node, int from, Message message);
}
