package dev.plimsoll.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A test protocol: sends each message of the load straight to its destination and delivers it
 * there, and notes every arrival (time from the first start, sender, receiver).
 */
final class Arrivals {
  record Seen(long atNanos, int from, int to) {}

  final List<Seen> seen = new ArrayList<>();
  private long origin = -1;

  Protocol protocol() {
    return new Protocol() {
      @Override
      public void onStart(Node node) {
        if (origin < 0) {
          origin = node.nanoTime();
        }
      }

      @Override
      public void onSend(Node node, Message message) {
        node.send(message.destination(), message);
      }

      @Override
      public void onMessage(Node node, int from, Message message) {
        synchronized (seen) {
          seen.add(new Seen(node.nanoTime() - origin, from, node.id()));
        }
        node.deliver(message);
      }
    };
  }

  List<Seen> between(long fromNanos, long toNanos) {
    synchronized (seen) {
      return seen.stream().filter(s -> s.atNanos() >= fromNanos && s.atNanos() < toNanos).toList();
    }
  }
}
