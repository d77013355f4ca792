package dev.plimsoll.examples.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process publish/subscribe bus. Topics are dotted names; a subscription names a topic or a
 * prefix ending in {@code .*}. Delivery is synchronous, on the publisher's thread, in subscription
 * order; a subscriber that throws does not stop the others, and is counted.
 */
public final class EventBus {
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.LongAdder failedDeliveries = new java.util.concurrent.atomic.LongAdder();

  public void subscribe(String topicPattern, Consumer<Event> subscriber) {
    subscriptions.add(new Subscription(topicPattern, subscriber));
  }

  /** Delivers to every matching subscriber; returns how many received it. */
  public int publish(String topic, Object payload) {
    Event event = new Event(topic, payload, System.nanoTime());
    int delivered = 0;
    for (Subscription s : subscriptions) {
      if (s.matches(topic)) {
        try {
          s.subscriber().accept(event);
          delivered++;
        } catch (RuntimeException e) {
          failedDeliveries.increment();
        }
      }
    }
    return delivered;
  }

  public long failedDeliveries() {
    return failedDeliveries.sum();
  }

  /** One published event. */
  public record Event(String topic, Object payload, long publishedNanos) {}

  private record Subscription(String pattern, Consumer<Event> subscriber) {
    boolean matches(String topic) {
      return pattern.endsWith(".*")
          ? topic.startsWith(pattern.substring(0, pattern.length() - 1))
          : pattern.equals(topic);
    }
  }
}
