package dev.plimsoll.examples.marketdata;

/**
 * One record of the ring: a trade or an order-book update.
 *
 * @param priceTicks the price in ticks of 0.0001
 * @param sideAndLevel for a book update, the side (0 bid, 1 ask) times 100 plus the level; 0 for a trade
 */
public record MarketEvent(long sequence, byte type, int exchange, int symbol, long priceTicks, long quantity,
    int sideAndLevel, long timestampNanos) {
  public static final byte TRADE = 1;
  public static final byte BOOK_UPDATE = 2;
}
