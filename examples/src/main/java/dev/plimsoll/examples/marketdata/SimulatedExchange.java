package dev.plimsoll.examples.marketdata;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.random.RandomGenerator;

/**
 * One exchange's feed: each symbol's price walks randomly a tick at a time; a trade prints at the
 * current price, and a book update moves one of the top five levels on either side around it.
 */
public final class SimulatedExchange {
  private static final long START_PRICE_TICKS = 1_000_000; // 100.0000
  private final int id;
  private final AtomicLongArray prices;
  private final MappedRingBuffer ring;

  public SimulatedExchange(int id, int symbols, MappedRingBuffer ring) {
    this.id = id;
    this.ring = ring;
    prices = new AtomicLongArray(symbols);
    for (int s = 0; s < symbols; s++) {
      prices.set(s, START_PRICE_TICKS + s * 10_000L);
    }
  }

  public int id() {
    return id;
  }

  public void publishTrade(RandomGenerator random) {
    int symbol = random.nextInt(prices.length());
    long price = Math.max(1, prices.addAndGet(symbol, random.nextInt(3) - 1));
    ring.write(MarketEvent.TRADE, id, symbol, price, 1 + random.nextInt(500), 0, System.nanoTime());
  }

  public void publishBookUpdate(RandomGenerator random) {
    int symbol = random.nextInt(prices.length());
    int side = random.nextInt(2);
    int level = random.nextInt(5);
    long price = prices.get(symbol) + (side == 0 ? -1 - level : 1 + level);
    ring.write(MarketEvent.BOOK_UPDATE, id, symbol, price, random.nextInt(10_000), side * 100 + level, System.nanoTime());
  }
}
