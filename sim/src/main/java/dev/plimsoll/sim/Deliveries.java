package dev.plimsoll.sim;

import dev.plimsoll.core.OperationRecorder;
import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * Which deliveries each message of the load owes, and the record of each: a delivery is recorded
 * as a successful {@code delivery} operation with its latency from the intended send; what is still
 * missing when the delivery timeout passes is recorded as lost ({@link OperationRecorder#recordLost}:
 * failed, without a latency, so the percentiles stay over the deliveries made). A delivery after
 * that is counted as late, a second one to the same node as a duplicate.
 *
 * <p>Messages get their ids here, one after another, so the messages owing deliveries are a
 * window of consecutive ids (those of the last delivery timeout): they are kept in a ring indexed
 * by id, which costs no boxing and no hashing per delivery, whatever the number of nodes.
 */
final class Deliveries {
  /** One message's deliveries. */
  private static final class Pending {
    final long id;
    final long intended;
    final long sent;
    final long deadline;
    final int expected;
    /** The node a message owing one delivery reached, -1 before. */
    int reachedNode = -1;
    /** The nodes a message owing several reached: made at its second delivery, sized by the highest node. */
    BitSet reached;
    int delivered;

    Pending(long id, long intended, long sent, long deadline, int expected) {
      this.id = id;
      this.intended = intended;
      this.sent = sent;
      this.deadline = deadline;
      this.expected = expected;
    }

    /** Marks {@code node} reached; false if it was already. */
    boolean reach(int node) {
      if (reachedNode < 0) {
        reachedNode = node;
        return true;
      }
      if (reachedNode == node) {
        return false;
      }
      if (reached == null) {
        reached = new BitSet();
      }
      if (reached.get(node)) {
        return false;
      }
      reached.set(node);
      return true;
    }
  }

  private final long timeoutNanos;
  private final Timeline timeline;
  /** Pending messages by {@code id & (length - 1)}, for ids from {@link #oldest} to {@link #nextId}. */
  private Pending[] ring = new Pending[1024];
  private long oldest;
  private long nextId;
  private final ArrayDeque<Pending> byDeadline = new ArrayDeque<>();
  private final LostMessage timedOut;
  private volatile OperationRecorder recorder;
  private long expectedTotal;
  private long deliveredTotal;
  private long lostTotal;
  private long duplicates;
  private long late;

  Deliveries(long timeoutNanos, Timeline timeline, String timeoutText) {
    this.timeoutNanos = timeoutNanos;
    this.timeline = timeline;
    this.timedOut = new LostMessage("not delivered within " + timeoutText);
  }

  /** The run's {@code delivery} recorder, from the first send; the run's drain waits for what is owed. */
  synchronized void recorder(OperationRecorder delivery) {
    if (recorder == null) {
      recorder = delivery;
      delivery.drainWhile(() -> owed() > 0);
    }
  }

  /** A message owes {@code expected} deliveries from now; returns its id. */
  synchronized long expect(long intended, long sent, int expected) {
    long id = nextId++;
    if (id - oldest >= ring.length) {
      grow();
    }
    Pending p = new Pending(id, intended, sent, intended + timeoutNanos, expected);
    ring[slot(id)] = p;
    byDeadline.add(p);
    expectedTotal += expected;
    timeline.expect(intended, expected);
    return id;
  }

  /** A message that could not even be sent: its deliveries are lost now. */
  synchronized void lostNow(long intended, int expected, LostMessage why) {
    expectedTotal += expected;
    lostTotal += expected;
    timeline.expect(intended, expected);
    for (int i = 0; i < expected; i++) {
      recorder.recordLost(intended, why);
    }
  }

  synchronized void delivered(int node, long id, long now) {
    Pending p = id >= oldest && id < nextId ? ring[slot(id)] : null;
    if (p == null || p.id != id) {
      late++;
      return;
    }
    if (!p.reach(node) || p.delivered >= p.expected) {
      duplicates++; // again at the same node, or a unicast message delivered at a second node
      return;
    }
    p.delivered++;
    deliveredTotal++;
    timeline.delivered(p.intended, now - p.intended);
    recorder.record(p.intended, p.sent, now);
  }

  /** Records as lost what is still missing at its deadline. */
  synchronized void sweep(long now) {
    Pending p;
    while ((p = byDeadline.peek()) != null && p.deadline <= now) {
      byDeadline.poll();
      ring[slot(p.id)] = null;
      for (int i = p.delivered; i < p.expected; i++) {
        recorder.recordLost(p.intended, timedOut);
        lostTotal++;
      }
    }
    while (oldest < nextId && ring[slot(oldest)] == null) {
      oldest++;
    }
  }

  private int slot(long id) {
    return (int) (id & (ring.length - 1));
  }

  private void grow() {
    Pending[] bigger = new Pending[ring.length * 2];
    for (long id = oldest; id < nextId; id++) {
      Pending p = ring[slot(id)];
      if (p != null) {
        bigger[(int) (id & (bigger.length - 1))] = p;
      }
    }
    ring = bigger;
  }

  synchronized long expectedTotal() {
    return expectedTotal;
  }

  synchronized long deliveredTotal() {
    return deliveredTotal;
  }

  /** Deliveries recorded as lost: timed out, or never sent. */
  synchronized long lostTotal() {
    return lostTotal;
  }

  /** Deliveries still owed, neither made nor lost yet: at the run's end, those in flight. */
  synchronized long owed() {
    return expectedTotal - deliveredTotal - lostTotal;
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized long late() {
    return late;
  }
}
