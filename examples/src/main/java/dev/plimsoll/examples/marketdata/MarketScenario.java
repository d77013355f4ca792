package dev.plimsoll.examples.marketdata;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** The market-data scenarios: a plan each; the command-line options change any part of it. */
public enum MarketScenario {
  /** The defaults: 3 exchanges at 10,000 trades/s and 5,000 order-book updates/s each, 60 s, 10 symbols. */
  BASELINE(3, 10_000, 5_000, Duration.ofSeconds(60), 10, 1),
  /** 10 exchanges at 100,000 trades/s each: more than one small machine can publish, to find where it gives. */
  STRESS(10, 100_000, 50_000, Duration.ofSeconds(60), 100, 1),
  /** The baseline's rates for 30 minutes, watching the heap for growth. */
  ENDURANCE(3, 10_000, 5_000, Duration.ofMinutes(30), 10, 1),
  /** The baseline's rates, five times higher for one second in every ten. */
  BURST(3, 10_000, 5_000, Duration.ofSeconds(60), 10, 5);

  private final int exchanges;
  private final int tradesPerSecond;
  private final int bookUpdatesPerSecond;
  private final Duration duration;
  private final int symbols;
  private final double burstFactor;

  MarketScenario(int exchanges, int tradesPerSecond, int bookUpdatesPerSecond, Duration duration, int symbols,
      double burstFactor) {
    this.exchanges = exchanges;
    this.tradesPerSecond = tradesPerSecond;
    this.bookUpdatesPerSecond = bookUpdatesPerSecond;
    this.duration = duration;
    this.symbols = symbols;
    this.burstFactor = burstFactor;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This scenario's plan, with any of its numbers replaced by the given ones (null keeps it). */
  public FeedPlan plan(Integer exchangeCount, Integer trades, Integer bookUpdates, Integer durationSecs,
      Integer symbolCount) {
    return new FeedPlan(label(),
        exchangeCount != null ? exchangeCount : exchanges,
        trades != null ? trades : tradesPerSecond,
        bookUpdates != null ? bookUpdates : bookUpdatesPerSecond,
        durationSecs != null ? Duration.ofSeconds(durationSecs) : duration,
        symbolCount != null ? symbolCount : symbols,
        burstFactor);
  }

  public static MarketScenario named(String label) {
    for (MarketScenario s : values()) {
      if (s.label().equalsIgnoreCase(label.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + label + "' (known: "
        + String.join(", ", Arrays.stream(values()).map(MarketScenario::label).toList()) + ")");
  }
}
