package dev.plimsoll.examples.marketdata;

import java.time.Duration;
import java.util.Locale;

/**
 * What the exchanges publish: how many, at which rates, for how long, over how many symbols, and
 * whether the rate comes in bursts.
 *
 * @param tradesPerSecond each exchange's trade rate (its base rate, in bursts)
 * @param bookUpdatesPerSecond each exchange's order-book update rate
 * @param burstFactor the rate's multiple during a burst; 1 for no bursts
 */
public record FeedPlan(String name, int exchanges, int tradesPerSecond, int bookUpdatesPerSecond,
    Duration duration, int symbols, double burstFactor) {
  /** A burst: one second of every ten. */
  public static final Duration BURST_EVERY = Duration.ofSeconds(10);
  public static final Duration BURST_LENGTH = Duration.ofSeconds(1);

  public FeedPlan {
    require(exchanges >= 1 && exchanges <= 100, "--exchanges must be from 1 to 100 (was " + exchanges + ")");
    require(tradesPerSecond >= 1, "--trades-per-second must be at least 1 (was " + tradesPerSecond + ")");
    require(bookUpdatesPerSecond >= 1,
        "--orderbook-updates-per-second must be at least 1 (was " + bookUpdatesPerSecond + ")");
    require(symbols >= 1 && symbols <= 100_000, "--symbol-count must be from 1 to 100000 (was " + symbols + ")");
    require(!duration.isNegative() && duration.compareTo(Duration.ofSeconds(2)) >= 0,
        "--duration-secs must be at least 2 (was " + duration.toSeconds() + ")");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** All exchanges' trades per second together, outside bursts. */
  public long totalTradesPerSecond() {
    return (long) exchanges * tradesPerSecond;
  }

  public long totalBookUpdatesPerSecond() {
    return (long) exchanges * bookUpdatesPerSecond;
  }

  /** The trades all exchanges should publish over {@code measured}, bursts included. */
  public double expectedTrades(Duration from, Duration to) {
    return totalTradesPerSecond() * burstSeconds(from, to);
  }

  public double expectedBookUpdates(Duration from, Duration to) {
    return totalBookUpdatesPerSecond() * burstSeconds(from, to);
  }

  /** Seconds from {@code from} to {@code to}, a second in a burst counting {@link #burstFactor} times. */
  double burstSeconds(Duration from, Duration to) {
    double seconds = (to.toNanos() - from.toNanos()) / 1e9;
    if (burstFactor == 1) {
      return seconds;
    }
    double inBursts = 0;
    long every = BURST_EVERY.toNanos();
    long length = BURST_LENGTH.toNanos();
    for (long start = 0; start < to.toNanos(); start += every) {
      long overlap = Math.min(start + length, to.toNanos()) - Math.max(start, from.toNanos());
      inBursts += Math.max(0, overlap) / 1e9;
    }
    return seconds + inBursts * (burstFactor - 1);
  }

  /** The rate multiple at {@code seconds} into the run. */
  double factorAt(double seconds) {
    return burstFactor != 1 && seconds % BURST_EVERY.toSeconds() < BURST_LENGTH.toSeconds() ? burstFactor : 1;
  }

  public String describe() {
    return String.format(Locale.ROOT, "%s: %d exchanges x (%,d trades/s + %,d order-book updates/s)%s over %d symbols, %ds",
        name, exchanges, tradesPerSecond, bookUpdatesPerSecond,
        burstFactor == 1 ? "" : String.format(Locale.ROOT, ", x%.0f for 1 s in every 10", burstFactor),
        symbols, duration.toSeconds());
  }
}
