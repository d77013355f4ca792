package dev.plimsoll.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default protocol, and the example of writing one. A unicast message goes straight to its
 * destination when that is a peer, and is otherwise flooded to every peer, hop by hop, up to
 * {@link #MAX_HOPS}; a broadcast is flooded through the peers that are in its session. Each node
 * relays a message once (it remembers the last {@link #REMEMBERED} messages it relayed), and
 * delivers a message addressed to it, or to its session, on first sight. A message sent straight
 * to its destination is delivered on every arrival, so copies the network made show as duplicates.
 */
public final class GossipRelay implements Protocol {
  /** How far a flooded message travels. */
  public static final int MAX_HOPS = 6;
  /** How many relayed messages each node remembers, to relay and deliver each once. */
  public static final int REMEMBERED = 4096;
  private static final String SEEN = "gossip.seen";

  @Override
  public void onSend(Node node, Message message) {
    if (!message.isBroadcast() && node.isPeer(message.destination())) {
      node.send(message.destination(), message);
      return;
    }
    firstSight(node, message);
    flood(node, -1, message.relayed());
  }

  @Override
  public void onMessage(Node node, int from, Message message) {
    if (!message.isBroadcast() && message.destination() == node.id() && message.hops() == 0) {
      node.deliver(message);
      return;
    }
    if (!firstSight(node, message)) {
      return;
    }
    if (message.isBroadcast() ? node.sessions().contains(message.session()) : message.destination() == node.id()) {
      node.deliver(message);
      if (!message.isBroadcast()) {
        return;
      }
    }
    if (message.hops() < MAX_HOPS) {
      flood(node, from, message.relayed());
    }
  }

  private static void flood(Node node, int from, Message message) {
    for (int peer : node.peers()) {
      if (peer == from) {
        continue;
      }
      if (!message.isBroadcast() && peer == message.destination()) {
        node.send(peer, message);
        return; // the destination is next door: no need to flood further from here
      }
      if (!message.isBroadcast() || node.isMember(peer, message.session())) {
        node.send(peer, message);
      }
    }
  }

  /** Whether this node sees the message for the first time; remembers it. */
  private static boolean firstSight(Node node, Message message) {
    @SuppressWarnings("unchecked")
    Map<Long, Boolean> seen = (Map<Long, Boolean>) node.state().computeIfAbsent(SEEN, k -> new LinkedHashMap<Long, Boolean>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > REMEMBERED;
      }
    });
    return seen.put(message.id(), Boolean.TRUE) == null;
  }
}
