package dev.plimsoll.sim;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events of a deterministic run, in the order they happened, for comparing two runs of one
 * seed. Every event folds into a running hash; with {@code keep} the events themselves are kept
 * too (24 bytes each, up to a cap), so the first difference can be shown.
 */
final class Trace {
  static final int SEND = 1;
  static final int ARRIVE = 2;
  static final int DROP = 3;
  static final int DELIVER = 4;
  static final int FAULT = 5;
  static final int TIMER = 6;
  private static final String[] KINDS = {"?", "send", "arrive", "drop", "deliver", "fault", "timer"};
  private static final int CAP = 20_000_000;

  /** A trace that records nothing: real-time runs, whose order is the machine's. */
  static final Trace OFF = new Trace(null, false);

  private final dev.plimsoll.core.Clock clock;
  private final boolean on;
  private final boolean keep;
  private long[] times = new long[0];
  private long[] what = new long[0];
  private long[] ids = new long[0];
  private long count;
  private long hash = 1;

  private Trace(dev.plimsoll.core.Clock clock, boolean keep) {
    this.clock = clock;
    this.on = clock != null;
    this.keep = keep;
  }

  static Trace of(dev.plimsoll.core.Clock clock, boolean keep) {
    return new Trace(clock, keep);
  }

  /** Records an event; only the event loop's thread calls it. */
  void record(int kind, int a, int b, long id) {
    if (!on) {
      return;
    }
    long t = clock.nanoTime();
    long packed = ((long) kind << 56) | ((long) (a & 0xFFFFFFF) << 28) | (b & 0xFFFFFFF);
    hash = (hash * 31 + t) * 31 + packed;
    hash = hash * 31 + id;
    if (keep && count < CAP) {
      int i = (int) count;
      if (i == times.length) {
        int grown = Math.max(1024, i * 2);
        times = Arrays.copyOf(times, grown);
        what = Arrays.copyOf(what, grown);
        ids = Arrays.copyOf(ids, grown);
      }
      times[i] = t;
      what[i] = packed;
      ids[i] = id;
    }
    count++;
  }

  long events() {
    return count;
  }

  long hash() {
    return hash;
  }

  /** The first event where this trace and {@code other} differ, in words, or empty if they agree. */
  Optional<String> firstDifference(Trace other) {
    long kept = Math.min(Math.min(count, other.count), CAP);
    for (int i = 0; i < kept; i++) {
      if (times[i] != other.times[i] || what[i] != other.what[i] || ids[i] != other.ids[i]) {
        return Optional.of("event #" + (i + 1) + ": first run " + describe(i) + ", second run " + other.describe(i));
      }
    }
    if (count != other.count) {
      return Optional.of("first run had " + count + " events, second run " + other.count
          + (kept < Math.min(count, other.count) ? "" : " (the first " + kept + " agree)"));
    }
    if (hash != other.hash) {
      return Optional.of("the runs agree on their first " + kept + " events and differ after");
    }
    return Optional.empty();
  }

  private String describe(int i) {
    long p = what[i];
    int kind = (int) (p >>> 56);
    int a = (int) ((p >>> 28) & 0xFFFFFFF);
    int b = (int) (p & 0xFFFFFFF);
    return KINDS[kind < KINDS.length ? kind : 0] + " " + a + "->" + b + " message " + ids[i] + " at "
        + (times[i] / 1_000) + "µs";
  }
}
