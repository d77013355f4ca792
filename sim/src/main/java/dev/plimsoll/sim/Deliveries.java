package dev.plimsoll.sim;

import dev.plimsoll.core.OperationRecorder;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which deliveries each message of the load owes, and the record of each: a delivery is recorded
 * as a successful {@code delivery} operation with its latency from the intended send; what is still
 * missing when the delivery timeout passes is recorded as failed, at the timeout. A delivery after
 * that is counted as late, a second one to the same node as a duplicate.
 */
final class Deliveries {
  /** One message's deliveries. */
  private static final class Pending {
    final long intended;
    final long sent;
    final long deadline;
    final int expected;
    final BitSet reached = new BitSet();
    int delivered;

    Pending(long intended, long sent, long deadline, int expected) {
      this.intended = intended;
      this.sent = sent;
      this.deadline = deadline;
      this.expected = expected;
    }
  }

  private final long timeoutNanos;
  private final Timeline timeline;
  private final Map<Long, Pending> pending = new HashMap<>();
  private final ArrayDeque<Pending> byDeadline = new ArrayDeque<>();
  private final ArrayDeque<Long> idsByDeadline = new ArrayDeque<>();
  private final UndeliveredException undelivered;
  private volatile OperationRecorder recorder;
  private long expectedTotal;
  private long deliveredTotal;
  private long duplicates;
  private long late;

  Deliveries(long timeoutNanos, Timeline timeline, String timeoutText) {
    this.timeoutNanos = timeoutNanos;
    this.timeline = timeline;
    this.undelivered = new UndeliveredException("not delivered within " + timeoutText);
  }

  void recorder(OperationRecorder delivery) {
    if (recorder == null) {
      recorder = delivery;
    }
  }

  /** A message owes {@code expected} deliveries from now. */
  synchronized void expect(long id, long intended, long sent, int expected) {
    Pending p = new Pending(intended, sent, intended + timeoutNanos, expected);
    pending.put(id, p);
    byDeadline.add(p);
    idsByDeadline.add(id);
    expectedTotal += expected;
    timeline.expect(intended, expected);
  }

  /** A message that could not even be sent: its deliveries fail now. */
  synchronized void failNow(long intended, long now, int expected, Throwable why) {
    expectedTotal += expected;
    timeline.expect(intended, expected);
    for (int i = 0; i < expected; i++) {
      recorder.record(intended, now, now, why);
    }
  }

  synchronized void delivered(int node, long id, long now) {
    Pending p = pending.get(id);
    if (p == null) {
      late++;
      return;
    }
    if (p.reached.get(node)) {
      duplicates++;
      return;
    }
    p.reached.set(node);
    if (p.delivered >= p.expected) {
      duplicates++; // a unicast message delivered at a second node
      return;
    }
    p.delivered++;
    deliveredTotal++;
    timeline.delivered(p.intended, now - p.intended);
    recorder.record(p.intended, p.sent, now);
  }

  /** Records as failed what is still missing at its deadline. */
  synchronized void sweep(long now) {
    Pending p;
    while ((p = byDeadline.peek()) != null && p.deadline <= now) {
      byDeadline.poll();
      pending.remove(idsByDeadline.poll());
      for (int i = p.delivered; i < p.expected; i++) {
        recorder.record(p.intended, p.sent, p.deadline, undelivered);
      }
    }
  }

  synchronized long expectedTotal() {
    return expectedTotal;
  }

  synchronized long deliveredTotal() {
    return deliveredTotal;
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized long late() {
    return late;
  }
}
