package dev.plimsoll.sim;

import java.util.random.RandomGenerator;

/**
 * One direction of a connection, with the state its conditions need: the Gilbert-Elliott state and
 * the arrival time of the last message, to keep messages in order. Only the sending node's handler
 * touches it, one message at a time.
 */
final class Link {
  static final int SENT = 0;
  static final int ARRIVED = 1;
  static final int LOST = 2;
  static final int DELAYED = 3;

  final int from;
  final int to;
  /** What went over this link; the sender writes most, the event loop the arrivals. */
  private final java.util.concurrent.atomic.AtomicLongArray counts = new java.util.concurrent.atomic.AtomicLongArray(4);
  final LinkConditions conditions;
  private boolean bad;
  private long lastArrival = Long.MIN_VALUE;
  /** When the link has sent everything queued on it so far (with a bandwidth limit). */
  private long busyUntil = Long.MIN_VALUE;
  /** The last latency sample, before jitter, for correlated latency; -1 before the first. */
  private double lastSample = -1;

  Link(int from, int to, LinkConditions conditions) {
    this.from = from;
    this.to = to;
    this.conditions = conditions;
  }

  /** Whether the link drops the next message. */
  boolean drops(RandomGenerator random) {
    return switch (conditions.loss()) {
      case Loss.Random r -> r.probability() > 0 && random.nextDouble() < r.probability();
      case Loss.GilbertElliott ge -> {
        boolean dropped = random.nextDouble() < (bad ? ge.lossInBad() : ge.lossInGood());
        bad = bad ? random.nextDouble() >= ge.badToGood() : random.nextDouble() < ge.goodToBad();
        yield dropped;
      }
    };
  }

  /** How many copies of the next message go out: 1, or 2 when the link duplicates it. */
  int copies(RandomGenerator random) {
    double p = conditions.duplicateProbability();
    return p > 0 && random.nextDouble() < p ? 2 : 1;
  }

  /** The latency sample for one copy, jitter included, never below 0. */
  long latencyNanos(RandomGenerator random) {
    long sample = conditions.latency().sampleNanos(random);
    double c = conditions.latencyCorrelation();
    if (c > 0) {
      double leaned = lastSample < 0 ? sample : c * lastSample + (1 - c) * sample;
      lastSample = leaned;
      sample = Math.round(leaned);
    }
    long jitter = conditions.jitter().toNanos();
    if (jitter > 0) {
      sample += random.nextLong(-jitter, jitter + 1);
    }
    return Math.max(0, sample);
  }

  /** Whether this copy may overtake the ones before it. */
  boolean overtakes(RandomGenerator random) {
    double p = conditions.reorderProbability();
    return p > 0 && random.nextDouble() < p;
  }

  /**
   * The arrival time of a copy meant to arrive at {@code arrival}: no earlier than the last one
   * unless it overtakes, which a caller learns by comparing.
   */
  long inOrder(long arrival, boolean overtakes) {
    long at = overtakes ? arrival : Math.max(arrival, lastArrival);
    lastArrival = Math.max(lastArrival, at);
    return at;
  }

  /**
   * When a message of {@code bytes} handed over at {@code now} has left the sender: at once on an
   * unlimited link, else after those ahead of it and its own transmission time; -1 when the queue
   * is full and the link drops it.
   */
  long departure(long now, int bytes) {
    long rate = conditions.bandwidthBytesPerSecond();
    if (rate <= 0) {
      return now;
    }
    long transmit = Math.max(1, bytes * 1_000_000_000L / rate);
    long start = Math.max(now, busyUntil);
    int limit = conditions.queueLimit();
    if (limit > 0 && (start - now) / transmit >= limit) {
      return -1;
    }
    busyUntil = start + transmit;
    return busyUntil;
  }

  void count(int kind) {
    counts.getAndIncrement(kind);
  }

  LinkCounters counters() {
    return new LinkCounters(from, to, counts.get(SENT), counts.get(ARRIVED), counts.get(LOST), counts.get(DELAYED));
  }
}
